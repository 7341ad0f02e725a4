import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { VacancyDetail as Vacancy, VacancySummary } from '../../../../shared/domain/vacancy';
import { salaryText } from '../../format/salary';
import { useFormat } from '../../format/useFormat';
import { sanitizeVacancyHtml } from './sanitize';

/** The title, a link to the vacancy on hh.ru when there is one. */
export function VacancyTitle({ summary }: { summary: VacancySummary }) {
  const { t } = useTranslation();
  return summary.url ? (
    <a href={summary.url} target="_blank" rel="noreferrer" title={t('common.openOnHh')}>
      {summary.title}
    </a>
  ) : (
    <>{summary.title}</>
  );
}

/** The description hh.ru sent, sanitized (see sanitize.ts); never the raw HTML. */
export function Description({ vacancy }: { vacancy: Vacancy | undefined }) {
  const { t } = useTranslation();
  const html = useMemo(() => (vacancy ? sanitizeVacancyHtml(vacancy.descriptionHtml) : ''), [vacancy]);
  if (!vacancy) {
    return (
      <p className="hint" role="status">
        {t('vacancies.detail.loading')}
      </p>
    );
  }
  if (!html.trim()) return <p className="hint">{t('vacancies.detail.noDescription')}</p>;
  return <div className="vac-description" data-testid="vacancy-description" dangerouslySetInnerHTML={{ __html: html }} />;
}

/** Salary, where, when, and what hh.ru says about applying (a test, a required letter, the employer's site). */
export function Facts({ summary, vacancy }: { summary: VacancySummary; vacancy: Vacancy | undefined }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const flags: { key: string; text: string; link?: string }[] = [];
  if (summary.hasTest) flags.push({ key: 'test', text: t('vacancies.detail.flags.hasTest') });
  if (summary.letterRequired) flags.push({ key: 'letter', text: t('vacancies.detail.flags.letterRequired') });
  if (summary.externalUrl) flags.push({ key: 'site', text: t('vacancies.detail.flags.employerSite'), link: summary.externalUrl });
  if (summary.archived) flags.push({ key: 'archived', text: t('vacancies.detail.flags.archived') });
  const skills = vacancy?.keySkills ?? summary.keySkills;
  return (
    <>
      <dl className="vac-facts">
        <dt>{t('vacancies.columns.salary')}</dt>
        <dd className="vac-facts__salary">{salaryText(summary.salary, fmt, t)}</dd>
        {summary.area.name ? (
          <>
            <dt>{t('vacancies.columns.area')}</dt>
            <dd>{summary.area.name}</dd>
          </>
        ) : null}
        <dt>{t('vacancies.columns.status')}</dt>
        <dd>
          <span className={`badge badge--${summary.status}`}>{t(`vacancies.statuses.${summary.status}`)}</span>
          {summary.publishedAt ? (
            <span className="hint"> · {t('vacancies.detail.published', { date: fmt.date(summary.publishedAt) })}</span>
          ) : null}
        </dd>
      </dl>
      {flags.length ? (
        <ul className="vac-flags" data-testid="vacancy-flags">
          {flags.map((flag) => (
            <li key={flag.key} className="badge badge--warn">
              {flag.link ? (
                <a href={flag.link} target="_blank" rel="noreferrer">
                  {flag.text}
                </a>
              ) : (
                flag.text
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {skills.length ? (
        <p className="vac-skills" aria-label={t('vacancies.detail.keySkills')}>
          {skills.map((skill) => (
            <span key={skill} className="badge">
              {skill}
            </span>
          ))}
        </p>
      ) : null}
    </>
  );
}

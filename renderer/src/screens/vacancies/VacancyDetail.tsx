import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { VacancyDetail as Vacancy, VacancySummary } from '../../../../shared/domain/vacancy';
import { salaryText } from '../../format/salary';
import { useFormat } from '../../format/useFormat';
import { useClient } from '../../hooks/useClient';
import { useContract } from '../../hooks/useContract';
import { useApp } from '../../store/useApp';
import { sanitizeVacancyHtml } from './sanitize';
import { SkipReason, skipShown } from './SkipReason';
import { canWrite } from './VacancyRow';

/** The description hh.ru sent, sanitized (see sanitize.ts); never the raw HTML. */
function Description({ vacancy }: { vacancy: Vacancy | undefined }) {
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
function Facts({ summary, vacancy }: { summary: VacancySummary; vacancy: Vacancy | undefined }) {
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

/** The AI's fit score if one is kept (never asks the AI by itself), and a button to ask. */
function Score({ id }: { id: number }) {
  const { t } = useTranslation();
  const client = useClient();
  const report = useApp((s) => s.report);
  const { data: kept, setData } = useContract('vacancies.keptScore', { id });
  const [rating, setRating] = useState(false);
  const rate = async () => {
    setRating(true);
    try {
      const result = await client.invoke('vacancies.score', { id });
      if (report(result))
        setData({ score: result.value.score, reason: result.value.reason, model: result.value.model, scoredAt: new Date().toISOString() });
    } finally {
      setRating(false);
    }
  };
  return (
    <div className="vac-score" data-testid="vacancy-score">
      <span className="vac-score__title">{t('vacancies.detail.score.title')}</span>
      {kept ? (
        <span>
          <strong>{t('vacancies.detail.score.value', { score: kept.score })}</strong>
          {kept.reason ? ` · ${kept.reason}` : ''}
        </span>
      ) : kept === null ? (
        <>
          <span className="hint">{t('vacancies.detail.score.none')}</span>
          <button type="button" className="button button--small" disabled={rating} onClick={() => void rate()}>
            {rating ? t('vacancies.detail.score.rating') : t('vacancies.detail.score.rate')}
          </button>
        </>
      ) : null}
    </div>
  );
}

export interface DetailActions {
  write(vacancy: VacancySummary): void;
  setStatus(vacancy: VacancySummary, status: 'ignored' | 'found'): void;
  blacklist(vacancy: VacancySummary): Promise<boolean>;
  busy(id: number): 'write' | 'status' | undefined;
}

/**
 * One vacancy in full. `pane` (Vacancies): the facts, the AI score, why the engine set it aside, the
 * actions and the description. `letter` (beside a letter in Letters): title, employer, salary and
 * the description, collapsible.
 */
export function VacancyDetail(
  props:
    | {
        variant: 'pane';
        vacancy: VacancySummary;
        actions: DetailActions;
        blacklisted: boolean;
        focus: 'heading' | 'write' | null;
        onClose(): void;
      }
    | { variant: 'letter'; vacancy: VacancySummary },
) {
  const { t } = useTranslation();
  const summary = props.vacancy;
  const { data: vacancy } = useContract('vacancies.get', { id: summary.id });
  const headingId = useId();
  const bodyId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const writeButton = useRef<HTMLButtonElement>(null);
  const [expanded, setExpanded] = useState(true);
  const [confirming, setConfirming] = useState(false);
  const focus = props.variant === 'pane' ? props.focus : null;

  useEffect(() => {
    if (focus === 'write' && writeButton.current) writeButton.current.focus();
    else if (focus) heading.current?.focus();
  }, [focus]);

  const title = summary.url ? (
    <a href={summary.url} target="_blank" rel="noreferrer" title={t('common.openOnHh')}>
      {summary.title}
    </a>
  ) : (
    summary.title
  );

  if (props.variant === 'letter') {
    return (
      <section className="vac-detail vac-detail--letter" aria-labelledby={headingId} data-testid="letter-vacancy">
        <div className="vac-detail__bar">
          <h3 id={headingId} className="vac-detail__label">
            {t('vacancies.detail.label')}
          </h3>
          <button
            type="button"
            className="link"
            aria-expanded={expanded}
            aria-controls={bodyId}
            onClick={() => setExpanded((open) => !open)}
          >
            {expanded ? t('vacancies.detail.collapse') : t('vacancies.detail.show')}
          </button>
        </div>
        <div id={bodyId} hidden={!expanded}>
          <p className="vac-detail__title">{title}</p>
          <p className="hint">{[summary.employer.name, summary.area.name].filter(Boolean).join(' · ')}</p>
          <Facts summary={summary} vacancy={vacancy} />
          <div className="vac-detail__scroll">
            <Description vacancy={vacancy} />
          </div>
        </div>
      </section>
    );
  }

  const { actions, blacklisted, onClose } = props;
  const busy = actions.busy(summary.id);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
    }
  };

  return (
    <aside className="vac-detail vac-detail--pane" aria-labelledby={headingId} data-testid="vacancy-detail" onKeyDown={onKeyDown}>
      <header className="vac-detail__head">
        <div>
          <h2 id={headingId} ref={heading} tabIndex={-1}>
            {title}
          </h2>
          <p className="hint">{summary.employer.name}</p>
        </div>
        <button
          type="button"
          className="button button--ghost button--small vac-detail__close"
          onClick={onClose}
          aria-label={t('vacancies.detail.close')}
          title={t('vacancies.detail.close')}
        >
          <span aria-hidden="true">✕</span>
        </button>
      </header>

      <div className="row vac-detail__actions">
        {canWrite(summary) ? (
          <button
            ref={writeButton}
            type="button"
            className="button button--primary"
            disabled={busy === 'write'}
            onClick={() => actions.write(summary)}
          >
            {busy === 'write' ? t('vacancies.writing') : t('vacancies.write')}
          </button>
        ) : null}
        {summary.status === 'ignored' ? (
          <button type="button" className="button" disabled={busy === 'status'} onClick={() => actions.setStatus(summary, 'found')}>
            {t('vacancies.restore')}
          </button>
        ) : summary.status === 'found' ? (
          <button type="button" className="button" disabled={busy === 'status'} onClick={() => actions.setStatus(summary, 'ignored')}>
            {t('vacancies.ignore')}
          </button>
        ) : null}
        {summary.url ? (
          <a className="button" href={summary.url} target="_blank" rel="noreferrer">
            {t('common.openOnHh')}
          </a>
        ) : null}
      </div>

      {summary.employer.id ? (
        blacklisted ? (
          <p className="hint" data-testid="employer-blacklisted">
            {t('vacancies.detail.blacklisted')}
          </p>
        ) : confirming ? (
          <div className="work-warning vac-detail__confirm" role="group" aria-label={t('vacancies.detail.blacklist')}>
            <p>{t('vacancies.detail.blacklistConfirm', { employer: summary.employer.name ?? summary.employer.id })}</p>
            <div className="row">
              <button
                type="button"
                className="button button--small button--danger"
                onClick={() => void actions.blacklist(summary).then((done) => done && setConfirming(false))}
              >
                {t('vacancies.detail.blacklistYes')}
              </button>
              <button type="button" className="button button--small button--ghost" onClick={() => setConfirming(false)}>
                {t('common.cancel')}
              </button>
            </div>
          </div>
        ) : (
          <button type="button" className="link vac-detail__blacklist" onClick={() => setConfirming(true)}>
            {t('vacancies.detail.blacklist')}
          </button>
        )
      ) : null}

      {skipShown(summary) ? <SkipReason vacancy={summary} /> : null}
      <Facts summary={summary} vacancy={vacancy} />
      <Score id={summary.id} />

      <h3 className="vac-detail__label">{t('vacancies.detail.description')}</h3>
      <Description vacancy={vacancy} />
    </aside>
  );
}

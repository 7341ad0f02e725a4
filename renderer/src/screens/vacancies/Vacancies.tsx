import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VacancyStatus, VacancySummary } from '../../../../shared/domain/vacancy';
import { EmptyState } from '../../components/EmptyState';
import { skipText } from '../../format/engine';
import { salaryText } from '../../format/salary';
import { useFormat } from '../../format/useFormat';
import { useClient } from '../../hooks/useClient';
import { useContract } from '../../hooks/useContract';
import { usePending } from '../../hooks/usePending';
import { useApp } from '../../store/useApp';
import { useWorkFocus } from '../../store/workFocus';
import '../work.css';
import './vacancies.css';

const FILTERS = ['found', 'drafted', 'applied', 'viewed', 'invited', 'rejected', 'needs_manual', 'ignored'] as const satisfies readonly VacancyStatus[];
const PAGE = 50;

/**
 * The engine's reason still explains the vacancy's state: set aside, left for the user, or applied
 * before the app saw it. Restored by the user (found again), the old reason no longer applies.
 */
const skipShown = (vacancy: VacancySummary) =>
  vacancy.skip !== null && (vacancy.status === 'ignored' || vacancy.status === 'needs_manual' || (vacancy.status === 'applied' && vacancy.skip.reason === 'already_applied'));

/** "Excluded word: стажёр", "AI fit 20 of 100: Другой стек"; the employer's site as a link to open. */
function SkipReason({ vacancy }: { vacancy: VacancySummary }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (!vacancy.skip) return null;
  const { text, link } = skipText(t, vacancy.skip, fmt.money);
  return (
    <div className="work-skip" data-testid="vacancy-skip" data-reason={vacancy.skip.reason}>
      {text}
      {link ? (
        <>
          {': '}
          <a href={link} target="_blank" rel="noreferrer">
            {t('work.vacancies.skip.openEmployerSite')}
          </a>
        </>
      ) : null}
    </div>
  );
}

/** Found vacancies: status chips, a search box (asked of the core), paging, and per-row actions. */
export function Vacancies() {
  const { t } = useTranslation();
  const client = useClient();
  const report = useApp((s) => s.report);
  const go = useApp((s) => s.go);
  const focusLetter = useWorkFocus((s) => s.focusLetter);
  const fmt = useFormat();
  const [statuses, setStatuses] = useState<VacancyStatus[]>([]);
  const [queryText, setQueryText] = useState('');
  const [query, setQuery] = useState('');
  const [loadingMore, setLoadingMore] = useState(false);
  const { run, pending } = usePending();

  // Typing waits for a pause before asking the core.
  useEffect(() => {
    const timer = setTimeout(() => setQuery(queryText.trim()), 300);
    return () => clearTimeout(timer);
  }, [queryText]);

  const { data: page, setData: setPage } = useContract('vacancies.list', { statuses, query, limit: PAGE, offset: 0 });
  const items = page?.items;
  const total = page?.total ?? 0;

  const more = async () => {
    if (!items) return;
    setLoadingMore(true);
    try {
      const result = await client.invoke('vacancies.list', { statuses, query, limit: PAGE, offset: items.length });
      if (report(result)) {
        const known = new Set(items.map((v) => v.id));
        setPage({ ...result.value, items: [...items, ...result.value.items.filter((v) => !known.has(v.id))] });
      }
    } finally {
      setLoadingMore(false);
    }
  };

  const replace = (next: VacancySummary) => setPage((current) => current && { ...current, items: current.items.map((v) => (v.id === next.id ? next : v)) });

  const write = (vacancy: VacancySummary) =>
    run(`write:${vacancy.id}`, async () => {
      const result = await client.invoke('letters.draft', { vacancyId: vacancy.id, resumeHhId: null });
      if (!report(result)) return;
      replace(result.value.vacancy);
      focusLetter(result.value.application.id);
      go('letters');
    });

  const setStatus = (vacancy: VacancySummary, status: 'ignored' | 'found') =>
    run(`status:${vacancy.id}`, async () => {
      const result = await client.invoke('vacancies.setStatus', { id: vacancy.id, status });
      if (report(result)) replace(result.value);
    });

  const toggle = (status: VacancyStatus) => setStatuses((current) => (current.includes(status) ? current.filter((s) => s !== status) : [...current, status]));
  const filtered = statuses.length > 0 || query !== '';

  return (
    <div className="work">
      <div className="work__head">
        <h1>{t('work.vacancies.title')}</h1>
        {items?.length ? <span className="hint">{t('work.common.shown', { shown: items.length, total })}</span> : null}
      </div>

      {items && !items.length && !filtered && !queryText ? (
        <EmptyState title={t('work.vacancies.emptyTitle')} text={t('work.vacancies.emptyText')}>
          <button type="button" className="button button--primary work__empty-action" onClick={() => go('searches')}>
            {t('work.vacancies.emptyAction')}
          </button>
        </EmptyState>
      ) : (
        <>
          <div className="work-toolbar">
            <input
              type="search"
              className="work-search-box"
              value={queryText}
              onChange={(e) => setQueryText(e.target.value)}
              placeholder={t('work.vacancies.searchPlaceholder')}
              aria-label={t('work.vacancies.searchLabel')}
              maxLength={200}
            />
            <div className="chips" role="group" aria-label={t('work.vacancies.filterLabel')}>
              <button type="button" className={statuses.length ? 'chip' : 'chip chip--on'} aria-pressed={!statuses.length} onClick={() => setStatuses([])}>
                {t('work.common.all')}
              </button>
              {FILTERS.map((status) => (
                <button
                  key={status}
                  type="button"
                  className={statuses.includes(status) ? 'chip chip--on' : 'chip'}
                  aria-pressed={statuses.includes(status)}
                  onClick={() => toggle(status)}
                >
                  {t(`work.vacancies.statuses.${status}`)}
                </button>
              ))}
            </div>
          </div>

          {!items ? (
            <p className="hint">{t('work.common.loading')}</p>
          ) : !items.length ? (
            <p className="hint work-nothing">{t('work.vacancies.nothingMatches')}</p>
          ) : (
            <div className="card work-table-card">
              <table className="table work-table" data-testid="vacancies">
                <thead>
                  <tr>
                    <th>{t('work.vacancies.columns.title')}</th>
                    <th>{t('work.vacancies.columns.salary')}</th>
                    <th>{t('work.vacancies.columns.area')}</th>
                    <th>{t('work.vacancies.columns.status')}</th>
                    <th>{t('work.vacancies.columns.firstSeen')}</th>
                    <th className="work-table__actions">
                      <span className="visually-hidden">{t('work.vacancies.columns.actions')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((vacancy) => (
                    <tr key={vacancy.id} data-testid="vacancy" className={vacancy.status === 'ignored' ? 'work-row--muted' : undefined}>
                      <td>
                        <div className="work-title">
                          {vacancy.url ? (
                            <a href={vacancy.url} target="_blank" rel="noreferrer" title={t('work.common.openOnHh')}>
                              {vacancy.title}
                            </a>
                          ) : (
                            vacancy.title
                          )}
                        </div>
                        <div className="hint">{vacancy.employer.name}</div>
                        {skipShown(vacancy) ? <SkipReason vacancy={vacancy} /> : null}
                      </td>
                      <td className="work-nowrap">{salaryText(vacancy.salary, fmt, t)}</td>
                      <td>{vacancy.area.name}</td>
                      <td>
                        <span className={`badge badge--${vacancy.status}`}>{t(`work.vacancies.statuses.${vacancy.status}`)}</span>
                      </td>
                      <td className="work-nowrap">{fmt.date(vacancy.firstSeenAt)}</td>
                      <td className="work-table__actions">
                        <div className="work-actions">
                          {vacancy.status === 'found' || vacancy.status === 'drafted' || vacancy.status === 'failed' ? (
                            <button
                              type="button"
                              className="button button--small button--primary"
                              disabled={pending(`write:${vacancy.id}`)}
                              onClick={() => void write(vacancy)}
                            >
                              {pending(`write:${vacancy.id}`) ? t('work.vacancies.writing') : t('work.vacancies.write')}
                            </button>
                          ) : null}
                          {vacancy.status === 'ignored' ? (
                            <button type="button" className="button button--small" disabled={pending(`status:${vacancy.id}`)} onClick={() => void setStatus(vacancy, 'found')}>
                              {t('work.vacancies.restore')}
                            </button>
                          ) : vacancy.status === 'found' ? (
                            <button
                              type="button"
                              className="button button--small button--ghost"
                              disabled={pending(`status:${vacancy.id}`)}
                              onClick={() => void setStatus(vacancy, 'ignored')}
                            >
                              {t('work.vacancies.ignore')}
                            </button>
                          ) : null}
                        </div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {items.length < total ? (
                <div className="row work-more">
                  <button type="button" className="button" disabled={loadingMore} onClick={() => void more()}>
                    {loadingMore ? t('work.common.loading') : t('work.common.more')}
                  </button>
                </div>
              ) : null}
            </div>
          )}
        </>
      )}
    </div>
  );
}

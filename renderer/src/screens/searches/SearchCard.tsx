import { useTranslation } from 'react-i18next';
import type { SearchRunOutcome } from '../../../../shared/contract';
import type { SavedSearch } from '../../../../shared/domain/search';
import { filterLabel } from './FilterChips';
import { FILTER_GROUPS } from './filterValues';
import { RunResult } from './RunResult';

/** One saved search: what it looks for and how it runs, the last "Run now" result, and its actions. */
export function SearchCard({
  search,
  areaLabel,
  result,
  running,
  deleting,
  confirming,
  onConfirming,
  onRun,
  onEdit,
  onDelete,
}: {
  search: SavedSearch;
  areaLabel: (areas: string[]) => string;
  result: SearchRunOutcome | undefined;
  running: boolean;
  deleting: boolean;
  /** Delete was pressed once: it asks again, since a search and its schedule are not brought back. */
  confirming: boolean;
  onConfirming(on: boolean): void;
  onRun(): void;
  onEdit(): void;
  onDelete(): void;
}) {
  const { t } = useTranslation();
  const { filters } = search;
  return (
    <li className="card work-search" data-testid="search" aria-label={search.name}>
      <div className="work-search__main">
        <h2>
          {search.name}{' '}
          <span className={search.active ? 'badge badge--ok' : 'badge'}>
            {search.active ? t('searches.active') : t('searches.inactive')}
          </span>{' '}
          <span className={search.mode === 'autopilot' ? 'badge badge--accent' : 'badge'}>{t(`searches.modes.${search.mode}`)}</span>
        </h2>
        <p className="work-meta">
          {filters.text ? <strong>{filters.text}</strong> : null}
          <span>{areaLabel(filters.areas)}</span>
          {FILTER_GROUPS.map((group) =>
            filters[group.field].length ? (
              <span key={group.field}>{filters[group.field].map((id) => filterLabel(t, group.field, { id })).join(', ')}</span>
            ) : null,
          )}
          {filters.salary ? <span>{t('vacancies.salaryFrom', { value: `${filters.salary.toLocaleString('ru-RU')} ₽` })}</span> : null}
          {filters.excludedText ? (
            <span data-testid="search-excluded">{t('searches.excluded', { words: filters.excludedText })}</span>
          ) : null}
          <span>{t('searches.every', { hours: search.intervalHours })}</span>
          {search.minScore !== null ? (
            <span data-testid="search-min-score">{t('searches.minScoreBadge', { score: search.minScore })}</span>
          ) : null}
        </p>
        {result ? <RunResult result={result} /> : null}
      </div>
      <div className="row work-search__actions">
        <button type="button" className="button button--primary" disabled={running} onClick={onRun}>
          {running ? t('searches.running') : t('searches.run')}
        </button>
        <button type="button" className="button" onClick={onEdit}>
          {t('searches.edit')}
        </button>
        {confirming ? (
          <>
            <button type="button" className="button button--danger" disabled={deleting} onClick={onDelete}>
              {t('searches.confirmDelete')}
            </button>
            <button type="button" className="button button--ghost" onClick={() => onConfirming(false)}>
              {t('common.cancel')}
            </button>
          </>
        ) : (
          <button type="button" className="button button--ghost" onClick={() => onConfirming(true)}>
            {t('searches.delete')}
          </button>
        )}
      </div>
    </li>
  );
}

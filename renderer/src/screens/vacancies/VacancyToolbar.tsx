import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VacancyStatus } from '../../../../shared/domain/vacancy';
import { vacancySorts, type VacancySort } from '../../../../shared/domain/vacancy-list';
import { ListFilters } from './ListFilters';
import { RecommendationsButton, RecommendedNote } from './Recommendations';
import { SearchBox } from './SearchBox';
import { StatusChips, type Counts } from './StatusChips';
import { activeFilters, type ListControls } from './useListFilters';

/**
 * Above the list: the search box with how many are shown, the order, the filters (a row that opens
 * under the button), hh.ru's recommendations, and the status chips with their totals.
 */
export function VacancyToolbar({
  onQuery,
  shown,
  total,
  statuses,
  counts,
  onToggle,
  onAll,
  controls,
}: {
  onQuery(query: string): void;
  /** Loaded so far; the count is said once there is any. */
  shown: number;
  total: number;
  statuses: readonly VacancyStatus[];
  counts: Counts | undefined;
  onToggle(status: VacancyStatus): void;
  onAll(): void;
  /** The order, the filters and the recommendations (useListFilters). */
  controls: ListControls;
}) {
  const { t } = useTranslation();
  const panelId = useId();
  const sortId = useId();
  const [open, setOpen] = useState(false);
  const { sort, setSort, filters, setFilters, recommended, showRecommended, showAll, formSeq } = controls;
  const count = activeFilters(filters);
  return (
    <div className="work-toolbar">
      <div className="vac-toolbar__search">
        <SearchBox onQuery={onQuery} />
        {shown ? <span className="hint">{t('common.shown', { shown, total })}</span> : null}
        <span className="vac-toolbar__tools">
          <label className="visually-hidden" htmlFor={sortId}>
            {t('vacancies.sort.label')}
          </label>
          <select id={sortId} className="vac-sort" value={sort} onChange={(e) => setSort(e.target.value as VacancySort)}>
            {vacancySorts.map((option) => (
              <option key={option} value={option}>
                {t(`vacancies.sort.${option}`)}
              </option>
            ))}
          </select>
          <button
            type="button"
            className={count ? 'button button--small vac-filters-toggle--on' : 'button button--small'}
            aria-expanded={open}
            aria-controls={panelId}
            onClick={() => setOpen((o) => !o)}
          >
            {count ? t('vacancies.filters.toggleCount', { count }) : t('vacancies.filters.toggle')}
          </button>
          <RecommendationsButton onFetched={showRecommended} />
        </span>
        {recommended ? <RecommendedNote result={recommended} onShowAll={showAll} /> : null}
      </div>
      <div id={panelId} hidden={!open}>
        {open ? <ListFilters key={formSeq} filters={filters} onApply={setFilters} /> : null}
      </div>
      <StatusChips statuses={statuses} counts={counts} onToggle={onToggle} onAll={onAll} />
    </div>
  );
}

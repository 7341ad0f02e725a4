import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VacancyStatus } from '../../../../shared/domain/vacancy';
import { vacancySorts, type VacancyFilters, type VacancySort } from '../../../../shared/domain/vacancy-list';
import { ListFilters } from './ListFilters';
import { Recommendations } from './Recommendations';
import { SearchBox } from './SearchBox';
import { StatusChips, type Counts } from './StatusChips';
import { activeFilters, noFilters } from './useListFilters';

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
  sort,
  onSort,
  filters,
  onFilters,
}: {
  onQuery(query: string): void;
  /** Loaded so far; the count is said once there is any. */
  shown: number;
  total: number;
  statuses: readonly VacancyStatus[];
  counts: Counts | undefined;
  onToggle(status: VacancyStatus): void;
  onAll(): void;
  sort: VacancySort;
  onSort(sort: VacancySort): void;
  filters: VacancyFilters;
  onFilters(filters: VacancyFilters): void;
}) {
  const { t } = useTranslation();
  const panelId = useId();
  const sortId = useId();
  const [open, setOpen] = useState(false);
  // Each time the filters change from outside (the recommendations), the form starts from them again.
  const [formSeq, setFormSeq] = useState(0);
  const count = activeFilters(filters);
  const setFromOutside = (next: VacancyFilters) => {
    onFilters(next);
    setFormSeq((n) => n + 1);
  };
  return (
    <div className="work-toolbar">
      <div className="vac-toolbar__search">
        <SearchBox onQuery={onQuery} />
        {shown ? <span className="hint">{t('common.shown', { shown, total })}</span> : null}
        <span className="vac-toolbar__tools">
          <label className="visually-hidden" htmlFor={sortId}>
            {t('vacancies.sort.label')}
          </label>
          <select id={sortId} className="vac-sort" value={sort} onChange={(e) => onSort(e.target.value as VacancySort)}>
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
          <Recommendations
            active={filters.recommended}
            onShow={() => setFromOutside({ ...noFilters, recommended: true })}
            onShowAll={() => setFromOutside(noFilters)}
          />
        </span>
      </div>
      <div id={panelId} hidden={!open}>
        {open ? <ListFilters key={formSeq} filters={filters} onApply={onFilters} /> : null}
      </div>
      <StatusChips statuses={statuses} counts={counts} onToggle={onToggle} onAll={onAll} />
    </div>
  );
}

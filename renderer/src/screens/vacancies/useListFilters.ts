import { useCallback, useState } from 'react';
import type { VacancyFilters, VacancySort } from '../../../../shared/domain/vacancy-list';

export const noFilters: VacancyFilters = {
  searchId: null,
  salaryFrom: null,
  area: null,
  employer: null,
  days: null,
  since: null,
  recommended: false,
};

/** How many filters narrow the list (the Filters button says it). */
export const activeFilters = (filters: VacancyFilters): number =>
  Object.entries(filters).filter(([, value]) => value !== null && value !== false).length;

/** The list's order and filters beside the status chips; the setters keep their identity. */
export function useListFilters() {
  const [sort, setSort] = useState<VacancySort>('date');
  const [filters, setFilters] = useState<VacancyFilters>(noFilters);
  const onlyRecommended = useCallback(() => setFilters({ ...noFilters, recommended: true }), []);
  return { sort, setSort, filters, setFilters, onlyRecommended };
}

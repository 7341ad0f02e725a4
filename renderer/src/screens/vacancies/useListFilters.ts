import { useCallback, useState } from 'react';
import type { ChannelOutput } from '../../../../shared/contract';
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

export type Recommended = ChannelOutput<'vacancies.recommended'>;

/** How many filters narrow the list (the Filters button says it). */
export const activeFilters = (filters: VacancyFilters): number =>
  Object.entries(filters).filter(([, value]) => value !== null && value !== false).length;

/**
 * The list's order and filters beside the status chips, and what hh.ru's recommendations brought
 * (said while the list shows only them). The callbacks keep their identity.
 */
export function useListFilters() {
  const [sort, setSort] = useState<VacancySort>('date');
  const [filters, setFilters] = useState<VacancyFilters>(noFilters);
  const [recommended, setRecommended] = useState<Recommended>();
  // Bumped when the filters change from outside the filter form: the form starts over from them.
  const [formSeq, setFormSeq] = useState(0);
  const showRecommended = useCallback((result: Recommended) => {
    setRecommended(result);
    setFilters({ ...noFilters, recommended: true });
    setFormSeq((n) => n + 1);
  }, []);
  const showAll = useCallback(() => {
    setRecommended(undefined);
    setFilters(noFilters);
    setFormSeq((n) => n + 1);
  }, []);
  return {
    sort,
    setSort,
    filters,
    setFilters,
    recommended: filters.recommended ? recommended : undefined,
    showRecommended,
    showAll,
    formSeq,
  };
}

export type ListControls = ReturnType<typeof useListFilters>;

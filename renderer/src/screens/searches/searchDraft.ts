import type { SavedSearch, SavedSearchInput, SearchFilters } from '../../../../shared/domain/search';
import { COMMON_AREAS } from './areas';
import type { FilterField } from './filterValues';

/** The search form as typed: numbers stay text until saved, so a half-typed one is not lost. */
export interface SearchDraft {
  name: string;
  text: string;
  /** The regions offered as chips. */
  areas: string[];
  /** Other regions, picked by name or typed as hh.ru's codes. */
  extraAreas: string[];
  chosen: Record<FilterField, string[]>;
  salary: string;
  onlyWithSalary: boolean;
  excludedText: string;
  periodDays: string;
  intervalHours: string;
  mode: SavedSearch['mode'];
  active: boolean;
  minScore: string;
}

export type SetDraft = (change: Partial<SearchDraft>) => void;

const isCommon = (id: string) => COMMON_AREAS.includes(id as never);

/** A new search (Moscow, every 4 hours, letters reviewed) or a saved one's values. */
export function draftOf(search: SavedSearch | undefined): SearchDraft {
  const filters = search?.filters;
  return {
    name: search?.name ?? '',
    text: filters?.text ?? '',
    areas: filters?.areas.filter(isCommon) ?? ['1'],
    extraAreas: filters?.areas.filter((id) => !isCommon(id)) ?? [],
    chosen: { experience: filters?.experience ?? [], employmentForm: filters?.employmentForm ?? [], workFormat: filters?.workFormat ?? [] },
    salary: filters?.salary ? String(filters.salary) : '',
    onlyWithSalary: filters?.onlyWithSalary ?? false,
    excludedText: filters?.excludedText ?? '',
    periodDays: filters?.periodDays ? String(filters.periodDays) : '',
    intervalHours: String(search?.intervalHours ?? 4),
    mode: search?.mode ?? 'review',
    active: search?.active ?? true,
    minScore: search?.minScore === null || search?.minScore === undefined ? '' : String(search.minScore),
  };
}

/** The AI score a letter needs, or null for none. */
export const scoreOf = (minScore: string): number | null => (minScore.trim() === '' ? null : Math.round(Number(minScore)));

/** hh.ru's region codes are numbers: anything else typed in the codes field cannot be saved. */
export const areasWrong = (draft: SearchDraft): boolean => draft.extraAreas.some((id) => !/^\d+$/.test(id));

/** What Save sends. Filters the form does not show (`filters`, the saved ones) are kept as they are. */
export function inputOf(draft: SearchDraft, filters: SearchFilters | undefined): SavedSearchInput {
  return {
    name: draft.name,
    filters: {
      ...filters,
      text: draft.text.trim(),
      areas: [...new Set([...draft.areas, ...draft.extraAreas])],
      // Only hh.ru's four experience values are offered (FILTER_GROUPS), so the cast holds.
      experience: draft.chosen.experience as SearchFilters['experience'],
      employmentForm: draft.chosen.employmentForm,
      workFormat: draft.chosen.workFormat,
      salary: draft.salary ? Math.round(Number(draft.salary)) : null,
      onlyWithSalary: draft.onlyWithSalary,
      excludedText: draft.excludedText.trim(),
      periodDays: draft.periodDays ? Math.round(Number(draft.periodDays)) : null,
    },
    intervalHours: Number(draft.intervalHours),
    mode: draft.mode,
    active: draft.active,
    minScore: scoreOf(draft.minScore),
  };
}

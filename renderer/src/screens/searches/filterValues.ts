import type { SearchFilters } from '../../../../shared/domain/search';

/**
 * The hh.ru filter values the form offers even when hh.ru's dictionaries cannot be read (the
 * website path has none): their ids are hh.ru's own and stable, the names come from i18n. Values
 * hh.ru adds later arrive through `hh.dictionaries` and are shown with hh.ru's name.
 */
export const FILTER_GROUPS = [
  { field: 'experience', dictionary: 'experience', known: ['noExperience', 'between1And3', 'between3And6', 'moreThan6'] },
  { field: 'employmentForm', dictionary: 'employment_form', known: ['FULL', 'PART', 'PROJECT', 'FLY_IN_FLY_OUT'] },
  { field: 'workFormat', dictionary: 'work_format', known: ['ON_SITE', 'REMOTE', 'HYBRID', 'FIELD_WORK'] },
] as const satisfies readonly { field: keyof SearchFilters; dictionary: string; known: readonly string[] }[];

export type FilterGroup = (typeof FILTER_GROUPS)[number];
export type FilterField = FilterGroup['field'];

export interface FilterOption {
  id: string;
  /** hh.ru's own name, for a value the app has no translation of. */
  hhName?: string;
}

/** The known values first (in hh.ru's order), then any value only hh.ru's dictionary has. */
export function filterOptions(group: FilterGroup, dictionaries: Record<string, { id: string; name: string }[]> | null | undefined): FilterOption[] {
  const known: readonly string[] = group.known;
  const extra = (dictionaries?.[group.dictionary] ?? []).filter((item) => !known.includes(item.id)).map((item) => ({ id: item.id, hhName: item.name }));
  return [...known.map((id) => ({ id })), ...extra];
}

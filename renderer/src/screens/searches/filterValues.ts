import type { SearchFilters } from '../../../../shared/domain/search';

/**
 * The hh.ru filter values the form offers even when hh.ru's dictionaries cannot be read (the
 * website path has none): their ids are hh.ru's own and stable, the names come from i18n. Values
 * hh.ru adds later arrive through `hh.dictionaries` and are shown with hh.ru's name.
 */
export const FILTER_GROUPS = [
  // Experience is a closed list in the contract (hh.ru's four values): nothing else could be saved.
  { field: 'experience', dictionary: 'experience', open: false, known: ['noExperience', 'between1And3', 'between3And6', 'moreThan6'] },
  { field: 'employmentForm', dictionary: 'employment_form', open: true, known: ['FULL', 'PART', 'PROJECT', 'FLY_IN_FLY_OUT'] },
  { field: 'workFormat', dictionary: 'work_format', open: true, known: ['ON_SITE', 'REMOTE', 'HYBRID', 'FIELD_WORK'] },
] as const satisfies readonly { field: keyof SearchFilters; dictionary: string; open: boolean; known: readonly string[] }[];

export type FilterGroup = (typeof FILTER_GROUPS)[number];
export type FilterField = FilterGroup['field'];

export interface FilterOption {
  id: string;
  /** hh.ru's own name, for a value the app has no translation of. */
  hhName?: string;
}

/**
 * The known values first (in hh.ru's order), then any value only hh.ru's dictionary has, then any
 * value the search already holds that neither names (so it can still be seen and unticked).
 */
export function filterOptions(
  group: FilterGroup,
  dictionaries: Record<string, { id: string; name: string }[]> | null | undefined,
  chosen: readonly string[] = [],
): FilterOption[] {
  const known: readonly string[] = group.known;
  const extra = group.open
    ? (dictionaries?.[group.dictionary] ?? [])
        .filter((item) => !known.includes(item.id))
        .map((item) => ({ id: item.id, hhName: item.name }))
    : [];
  const listed = new Set([...known, ...extra.map((item) => item.id)]);
  return [...known.map((id) => ({ id })), ...extra, ...chosen.filter((id) => !listed.has(id)).map((id) => ({ id }))];
}

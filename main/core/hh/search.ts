import type { SearchFilters, VacancyFacts } from '../../../shared/domain';
import type { SearchPage, SearchQuery } from './transport';

/** hh.ru serves at most 2000 results of one search: page * per_page past that is an error. */
export const SEARCH_DEPTH = 2000;
const PER_PAGE = 100;
const MIN_WINDOW_MS = 60 * 60 * 1000;
const DEFAULT_PERIOD_DAYS = 30;

/** hh.ru's date format for date_from/date_to: ISO 8601 to the second with a numeric zone, no milliseconds. */
export const hhDateTime = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+0000');

export interface CollectOptions {
  /** Stop after this many vacancies (newest first). */
  max: number;
  now: Date;
  signal?: AbortSignal;
}

export interface Collected {
  items: VacancyFacts[];
  /** What hh.ru reported for the whole search, before any split. */
  found: number;
  requests: number;
}

/**
 * Collects a search's results, splitting a wide one instead of paging into hh.ru's 2000-result
 * error: by area when it names several, then by halving the publication window (newest half first)
 * until each part fits.
 */
export async function collectSearch(
  search: (query: SearchQuery) => Promise<SearchPage>,
  filters: SearchFilters,
  options: CollectOptions,
): Promise<Collected> {
  const seen = new Map<string, VacancyFacts>();
  let requests = 0;
  const run = (query: SearchQuery) => {
    options.signal?.throwIfAborted();
    requests += 1;
    return search(query);
  };
  const full = () => seen.size >= options.max;

  const pageThrough = async (base: Omit<SearchQuery, 'page' | 'perPage'>, first: SearchPage) => {
    const add = (page: SearchPage) => page.items.forEach((item) => seen.size < options.max && seen.set(item.hhId, item));
    add(first);
    const lastPage = Math.min(first.pages, Math.floor(SEARCH_DEPTH / PER_PAGE)) - 1;
    for (let page = 1; page <= lastPage && !full(); page += 1) add(await run({ ...base, page, perPage: PER_PAGE }));
  };

  const collect = async (
    base: Omit<SearchQuery, 'page' | 'perPage'>,
    windowFrom: number,
    windowTo: number,
    first?: SearchPage,
  ): Promise<number> => {
    const head = first ?? (await run({ ...base, page: 0, perPage: PER_PAGE }));
    if (head.found <= SEARCH_DEPTH || windowTo - windowFrom <= MIN_WINDOW_MS) {
      await pageThrough(base, head);
      return head.found;
    }
    const middle = Math.floor((windowFrom + windowTo) / 2);
    for (const [from, to] of [
      [middle, windowTo],
      [windowFrom, middle],
    ] as const) {
      if (full()) break;
      await collect({ ...base, dateFrom: hhDateTime(from), dateTo: hhDateTime(to) }, from, to);
    }
    return head.found;
  };

  const to = options.now.getTime();
  const from = to - (filters.periodDays ?? DEFAULT_PERIOD_DAYS) * 24 * 60 * 60 * 1000;
  const first = await run({ filters, page: 0, perPage: PER_PAGE });
  const found = first.found;
  if (found <= SEARCH_DEPTH) {
    await pageThrough({ filters }, first);
  } else if (filters.areas.length > 1) {
    for (const area of filters.areas) {
      if (full()) break;
      await collect({ filters, areas: [area] }, from, to);
    }
  } else {
    await collect({ filters }, from, to, first);
  }
  return { items: [...seen.values()], found, requests };
}

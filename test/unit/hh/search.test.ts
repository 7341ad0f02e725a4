import { describe, expect, it } from 'vitest';
import { searchFiltersSchema, type VacancyFacts } from '../../../shared/domain';
import { collectSearch, SEARCH_DEPTH } from '../../../main/core/hh/search';
import type { SearchPage, SearchQuery } from '../../../main/core/hh/transport';

const NOW = new Date('2026-11-22T12:00:00Z');
const DAY = 24 * 60 * 60 * 1000;

/** A fake hh.ru index: vacancies spread evenly over the last 30 days in given areas; obeys the depth rule. */
function fakeIndex(total: number, areas = ['1']) {
  const vacancies = Array.from({ length: total }, (_, i) => ({
    id: String(i + 1),
    area: areas[i % areas.length]!,
    publishedAt: NOW.getTime() - ((i + 0.5) / total) * 30 * DAY,
  }));
  const queries: SearchQuery[] = [];
  const search = async (query: SearchQuery): Promise<SearchPage> => {
    queries.push(query);
    if ((query.page + 1) * query.perPage > SEARCH_DEPTH) throw new Error(`asked past the depth: page ${query.page}`);
    expect(query.perPage).toBeLessThanOrEqual(100);
    // hh.ru's own format: 2026-11-22T12:00:00+0000.
    for (const date of [query.dateFrom, query.dateTo]) if (date) expect(date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000$/);
    const parse = (date: string) => Date.parse(date.replace(/\+0000$/, 'Z'));
    const from = query.dateFrom ? parse(query.dateFrom) : -Infinity;
    const to = query.dateTo ? parse(query.dateTo) : Infinity;
    const inAreas = query.areas ?? query.filters.areas;
    const hits = vacancies.filter((v) => v.publishedAt >= from && v.publishedAt < to && (inAreas.length === 0 || inAreas.includes(v.area)));
    const items = hits.slice(query.page * query.perPage, (query.page + 1) * query.perPage).map((v) => ({ hhId: v.id }) as VacancyFacts);
    return { found: hits.length, pages: Math.ceil(hits.length / query.perPage), page: query.page, perPage: query.perPage, items };
  };
  return { search, queries };
}

describe('collecting a search', () => {
  it('pages through a search that fits, 100 per page', async () => {
    const index = fakeIndex(450);
    const result = await collectSearch(index.search, searchFiltersSchema.parse({ text: 'python' }), { max: 10_000, now: NOW });
    expect(result.items).toHaveLength(450);
    expect(result.found).toBe(450);
    expect(index.queries).toHaveLength(5);
  });

  it('splits a wide search by date windows instead of paging into the 2000-result error', async () => {
    const index = fakeIndex(5_000);
    const result = await collectSearch(index.search, searchFiltersSchema.parse({ text: 'менеджер' }), { max: 10_000, now: NOW });
    expect(result.found).toBe(5_000);
    expect(new Set(result.items.map((v) => v.hhId)).size).toBe(5_000);
    for (const query of index.queries) expect(query.page * query.perPage).toBeLessThan(SEARCH_DEPTH);
    expect(index.queries.some((query) => query.dateFrom && query.dateTo)).toBe(true);
  });

  it('splits by area first when the search names several', async () => {
    const index = fakeIndex(3_000, ['1', '2']);
    const result = await collectSearch(index.search, searchFiltersSchema.parse({ areas: ['1', '2'] }), { max: 10_000, now: NOW });
    expect(result.items).toHaveLength(3_000);
    expect(index.queries.filter((query) => query.areas?.length === 1).length).toBeGreaterThan(0);
  });

  it('stops at max, newest first, without asking for more', async () => {
    const index = fakeIndex(5_000);
    const result = await collectSearch(index.search, searchFiltersSchema.parse({}), { max: 150, now: NOW });
    expect(result.items).toHaveLength(150);
    expect(index.queries.length).toBeLessThan(6);
  });

  it('stops when aborted', async () => {
    const index = fakeIndex(5_000);
    const controller = new AbortController();
    controller.abort(new Error('stopped'));
    await expect(
      collectSearch(index.search, searchFiltersSchema.parse({}), { max: 10_000, now: NOW, signal: controller.signal }),
    ).rejects.toThrow('stopped');
  });
});

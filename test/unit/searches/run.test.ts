import { describe, expect, it, vi } from 'vitest';
import type { HhGateway } from '../../../main/core/hh/gateway';
import { runSearch } from '../../../main/core/searches/run';
import { searchFiltersSchema } from '../../../shared/domain';
import { sampleVacancy, useTestDatabase } from '../../support/db-fixture';

describe('running a saved search', () => {
  const database = useTestDatabase();

  it('keeps what hh.ru found, except the employers the user blacklisted', async () => {
    const { repos, clock } = database();
    const blocked = sampleVacancy({ employer: { id: 'bad-1', name: 'Рога и копыта' } });
    const kept = [sampleVacancy({ employer: { id: 'ok-1', name: 'Ромашка' } }), sampleVacancy({ employer: { id: null, name: 'Без id' } })];
    const collectSearch = vi.fn(async () => ({ items: [blocked, ...kept], found: 3, requests: 1 }));
    const gateway = { collectSearch } as unknown as HhGateway;
    await repos.employerBlacklist.add({ employerId: 'bad-1', employerName: 'Рога и копыта' });
    const search = await repos.savedSearches.create({
      name: 'TS',
      filters: searchFiltersSchema.parse({ text: 'TypeScript' }),
      intervalHours: 4,
    });

    expect(await runSearch({ repositories: repos, gateway, clock }, search.id)).toMatchObject({
      search: { id: search.id },
      found: 3,
      added: 2,
      updated: 0,
    });
    expect(collectSearch).toHaveBeenCalledWith(search.filters, expect.objectContaining({ max: 500 }));
    expect(await repos.vacancies.getByHhId(blocked.hhId)).toBeUndefined();
    for (const vacancy of kept) expect(await repos.vacancies.getByHhId(vacancy.hhId)).toBeDefined();

    // The same results again: nothing new, the known ones updated.
    expect(await runSearch({ repositories: repos, gateway, clock }, search.id)).toMatchObject({ found: 3, added: 0, updated: 2 });
  });

  it('an unknown search is not_found', async () => {
    const { repos, clock } = database();
    const gateway = { collectSearch: vi.fn() } as unknown as HhGateway;
    await expect(runSearch({ repositories: repos, gateway, clock }, 999)).rejects.toMatchObject({ code: 'not_found' });
    expect(gateway.collectSearch).not.toHaveBeenCalled();
  });
});

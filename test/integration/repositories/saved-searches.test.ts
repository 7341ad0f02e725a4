import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { sampleVacancy, useTestDatabase } from '../../support/db-fixture';

describe('SavedSearchRepository', () => {
  const t = useTestDatabase();

  it('lists names in the order a Russian reader expects, whatever their case', async () => {
    const { repos } = t();
    for (const name of ['аналитика', 'Бэкенд', 'Analytics', 'backend']) await repos.savedSearches.create({ name, filters: {} });
    expect((await repos.savedSearches.list()).map((search) => search.name)).toEqual(['аналитика', 'Бэкенд', 'Analytics', 'backend']);
  });

  it("never reuses a deleted search's id, and deletes its job record with it", async () => {
    const { repos, clock } = t();
    const first = await repos.savedSearches.create({ name: 'Первый', filters: {} });
    const newest = await repos.savedSearches.create({ name: 'Второй', filters: {} });
    await repos.jobRuns.markFinished(`search:${newest.id}`, 'ok', null, clock.now());
    expect(await repos.savedSearches.delete(newest.id)).toBe(true);
    expect(await repos.jobRuns.get(`search:${newest.id}`)).toBeUndefined();
    const next = await repos.savedSearches.create({ name: 'Третий', filters: {} });
    expect(next.id).toBeGreaterThan(newest.id);
    expect(first.id).toBeLessThan(newest.id);
    const template = await repos.letterTemplates.create({ name: 'Короткий', instruction: 'Коротко', tone: '', maxLength: 1000 });
    await repos.letterTemplates.delete(template.id);
    expect(
      (await repos.letterTemplates.create({ name: 'Длинный', instruction: 'Подробно', tone: '', maxLength: 3000 })).id,
    ).toBeGreaterThan(template.id);
  });

  it('creates a search with the defaults filled in', async () => {
    const { repos, clock } = t();
    const search = await repos.savedSearches.create({ name: '  Frontend в Москве ', filters: { text: 'react', areas: ['1'] } });
    expect(search).toEqual({
      id: expect.any(Number),
      name: 'Frontend в Москве',
      filters: expect.objectContaining({
        text: 'react',
        areas: ['1'],
        currency: 'RUR',
        orderBy: 'publication_time',
        salary: null,
        onlyWithSalary: false,
      }),
      intervalHours: 4,
      active: true,
      mode: 'review',
      minScore: null,
      createdAt: clock.now().toISOString(),
      updatedAt: clock.now().toISOString(),
    });
    expect(await repos.savedSearches.get(search.id)).toEqual(search);
  });

  it('rejects an empty name with a readable message', async () => {
    const { savedSearches } = t().repos;
    const attempt = savedSearches.create({ name: '   ', filters: {} });
    await expect(attempt).rejects.toBeInstanceOf(ZodError);
    await expect(attempt).rejects.toSatisfy((err: ZodError) => err.issues.some((issue) => issue.message === 'Give the search a name'));
    expect(await savedSearches.list()).toEqual([]);
  });

  it('updates a search and says when it does not exist', async () => {
    const { repos, clock } = t();
    const search = await repos.savedSearches.create({ name: 'Go', filters: { text: 'golang' } });
    clock.advance(60_000);
    const updated = await repos.savedSearches.update(search.id, {
      name: 'Go remote',
      filters: { text: 'golang', workFormat: ['REMOTE'] },
      mode: 'autopilot',
      active: false,
      intervalHours: 12,
    });
    expect(updated).toMatchObject({
      name: 'Go remote',
      mode: 'autopilot',
      active: false,
      intervalHours: 12,
      createdAt: search.createdAt,
      updatedAt: clock.now().toISOString(),
    });
    expect(updated?.filters.workFormat).toEqual(['REMOTE']);
    expect(await repos.savedSearches.update(search.id + 100, { name: 'x', filters: {} })).toBeUndefined();
  });

  it('deletes a search and unlinks the vacancies it found', async () => {
    const { repos } = t();
    const search = await repos.savedSearches.create({ name: 'Python', filters: { text: 'python' } });
    const facts = sampleVacancy();
    await repos.vacancies.upsertMany([facts], search.id);
    expect((await repos.vacancies.getByHhId(facts.hhId))?.foundBySearchId).toBe(search.id);

    expect(await repos.savedSearches.delete(search.id)).toBe(true);
    expect(await repos.savedSearches.get(search.id)).toBeUndefined();
    expect(await repos.vacancies.getByHhId(facts.hhId)).toMatchObject({ foundBySearchId: null, hhId: facts.hhId });
    expect(await repos.savedSearches.delete(search.id)).toBe(false);
  });
});

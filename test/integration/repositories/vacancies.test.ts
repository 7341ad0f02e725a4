import { describe, expect, it } from 'vitest';
import { sampleVacancy, useTestDatabase } from '../../support/db-fixture';

describe('VacancyRepository', () => {
  const t = useTestDatabase();

  it('upsertMany reports added and updated', async () => {
    const { vacancies } = t().repos;
    const first = sampleVacancy();
    expect(await vacancies.upsertMany([first, sampleVacancy()])).toEqual({ added: 2, updated: 0 });
    expect(await vacancies.upsertMany([{ ...first, title: 'Senior Frontend-разработчик' }, sampleVacancy()])).toEqual({
      added: 1,
      updated: 1,
    });
    expect(await vacancies.upsertMany([])).toEqual({ added: 0, updated: 0 });
    expect((await vacancies.getByHhId(first.hhId))?.title).toBe('Senior Frontend-разработчик');
  });

  it('counts a vacancy given twice in one call once, keeping the later copy', async () => {
    const { vacancies } = t().repos;
    const facts = sampleVacancy();
    expect(await vacancies.upsertMany([facts, { ...facts, title: 'Later copy' }])).toEqual({ added: 1, updated: 0 });
    expect((await vacancies.getByHhId(facts.hhId))?.title).toBe('Later copy');
  });

  it('a vacancy seen again keeps its status, first-seen time and finding search', async () => {
    const { repos, clock } = t();
    const search = await repos.savedSearches.create({ name: 'React', filters: { text: 'react' } });
    const facts = sampleVacancy();
    await repos.vacancies.upsertMany([facts], search.id);
    const stored = (await repos.vacancies.getByHhId(facts.hhId))!;
    await repos.vacancies.setStatus(stored.id, 'applied');

    clock.advance(60 * 60 * 1000);
    const other = await repos.savedSearches.create({ name: 'TypeScript', filters: { text: 'typescript' } });
    await repos.vacancies.upsertMany([{ ...facts, archived: true }], other.id);

    const again = (await repos.vacancies.get(stored.id))!;
    expect(again).toMatchObject({ status: 'applied', foundBySearchId: search.id, firstSeenAt: stored.firstSeenAt, archived: true });
    expect(again.updatedAt).toBe(clock.now().toISOString());
  });

  it('keeps an existing description when the new one is empty', async () => {
    const { vacancies } = t().repos;
    const facts = sampleVacancy();
    await vacancies.upsertMany([facts]);
    // Search results carry no description; only the vacancy page does.
    await vacancies.upsertMany([{ ...facts, descriptionHtml: '', descriptionText: '' }]);
    const stored = (await vacancies.getByHhId(facts.hhId))!;
    expect(stored.descriptionText).toBe(facts.descriptionText);
    expect(stored.descriptionHtml).toBe(facts.descriptionHtml);

    await vacancies.upsertMany([{ ...facts, descriptionHtml: '<p>Новое описание</p>', descriptionText: 'Новое описание' }]);
    expect((await vacancies.getByHhId(facts.hhId))?.descriptionText).toBe('Новое описание');
  });

  it('round-trips every fact', async () => {
    const { vacancies } = t().repos;
    const facts = sampleVacancy({
      salary: { from: null, to: 300_000, currency: 'RUR', gross: true },
      hasTest: true,
      externalUrl: 'https://example.ru/job',
    });
    await vacancies.upsertMany([facts]);
    const stored = (await vacancies.getByHhId(facts.hhId))!;
    expect(stored).toMatchObject({ ...facts, status: 'found', foundBySearchId: null });
    const noSalary = sampleVacancy({ salary: null });
    await vacancies.upsertMany([noSalary]);
    expect((await vacancies.getByHhId(noSalary.hhId))?.salary).toBeNull();
  });

  it('lists by statuses, newest first, with paging and total', async () => {
    const { repos, clock } = t();
    const ids: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const facts = sampleVacancy();
      await repos.vacancies.upsertMany([facts]);
      ids.push((await repos.vacancies.getByHhId(facts.hhId))!.id);
      clock.advance(1000);
    }
    await repos.vacancies.setStatus(ids[0]!, 'applied');
    await repos.vacancies.setStatus(ids[3]!, 'invited');

    const all = await repos.vacancies.list({ limit: 2, offset: 0 });
    expect(all.total).toBe(5);
    expect(all.items.map((v) => v.id)).toEqual([ids[4], ids[3]]);
    expect((await repos.vacancies.list({ limit: 2, offset: 4 })).items.map((v) => v.id)).toEqual([ids[0]]);

    const picked = await repos.vacancies.list({ statuses: ['applied', 'invited'], limit: 10, offset: 0 });
    expect(picked).toMatchObject({ total: 2, limit: 10, offset: 0 });
    expect(picked.items.map((v) => v.id)).toEqual([ids[3], ids[0]]);
    expect(picked.items[0]).not.toHaveProperty('descriptionText');

    const found = await repos.vacancies.list({ statuses: ['found'], limit: 1, offset: 1 });
    expect(found.total).toBe(3);
    expect(found.items).toHaveLength(1);
  });

  describe('search', () => {
    const seed = async () => {
      const { vacancies } = t().repos;
      const react = sampleVacancy({
        title: 'Frontend-разработчик (React)',
        employer: { id: '1', name: 'Яндекс' },
        descriptionText: 'Удалённая работа, TypeScript и React.',
      });
      const go = sampleVacancy({
        title: 'Backend-разработчик Go',
        employer: { id: '2', name: 'Тинькофф' },
        descriptionText: 'Микросервисы на Go, PostgreSQL.',
      });
      const cpp = sampleVacancy({
        title: 'Программист C++',
        employer: { id: '3', name: 'Лаборатория Касперского' },
        descriptionText: 'Разработка на C++ под Linux.',
      });
      await vacancies.upsertMany([react, go, cpp]);
      return { vacancies, react, go, cpp };
    };
    const hhIds = (page: { items: { hhId: string }[] }) => page.items.map((v) => v.hhId).sort();
    const page = { limit: 20, offset: 0 };

    it('finds Russian and English words in any case', async () => {
      const { vacancies, react, go } = await seed();
      expect(hhIds(await vacancies.search('РАЗРАБОТЧИК', page))).toEqual([react.hhId, go.hhId].sort());
      expect(hhIds(await vacancies.search('react', page))).toEqual([react.hhId]);
      expect(hhIds(await vacancies.search('POSTGRESQL', page))).toEqual([go.hhId]);
      expect(hhIds(await vacancies.search('тинькофф', page))).toEqual([go.hhId]);
    });

    it('matches word prefixes and requires every word', async () => {
      const { vacancies, react, go } = await seed();
      expect(hhIds(await vacancies.search('разработч', page))).toEqual([react.hhId, go.hhId].sort());
      expect(hhIds(await vacancies.search('разраб', page))).toHaveLength(3); // "Разработка" too
      expect(hhIds(await vacancies.search('разработчик go', page))).toEqual([go.hhId]);
      const none = await vacancies.search('разработчик python', page);
      expect(none).toEqual({ items: [], total: 0, limit: 20, offset: 0 });
    });

    it('does not throw on a query full of punctuation', async () => {
      const { vacancies, cpp } = await seed();
      expect(hhIds(await vacancies.search('C++ "(', page))).toEqual([cpp.hhId]);
      await expect(vacancies.search('"(*) AND OR NEAR -', page)).resolves.toMatchObject({ total: expect.any(Number) });
      expect(await vacancies.search('"()', page)).toEqual({ items: [], total: 0, limit: 20, offset: 0 });
    });

    it('pages results and counts them all', async () => {
      const { vacancies } = await seed();
      const first = await vacancies.search('разработчик', { limit: 1, offset: 0 });
      expect(first.total).toBe(2);
      expect(first.items).toHaveLength(1);
      const second = await vacancies.search('разработчик', { limit: 1, offset: 1 });
      expect(second.items[0]?.id).not.toBe(first.items[0]?.id);
    });

    it('narrows the matches to the statuses asked for, paging and counting only those', async () => {
      const { vacancies, react, go, cpp } = await seed();
      const idOf = async (facts: { hhId: string }) => (await vacancies.getByHhId(facts.hhId))!.id;
      await vacancies.setStatus(await idOf(go), 'applied');
      await vacancies.setStatus(await idOf(cpp), 'applied');
      expect(hhIds(await vacancies.search('разраб', { ...page, statuses: ['applied'] }))).toEqual([go.hhId, cpp.hhId].sort());
      expect(hhIds(await vacancies.search('разраб', { ...page, statuses: ['found', 'ignored'] }))).toEqual([react.hhId]);
      expect(await vacancies.search('разраб', { ...page, statuses: ['invited'] })).toEqual({ items: [], total: 0, limit: 20, offset: 0 });
      const first = await vacancies.search('разраб', { statuses: ['applied'], limit: 1, offset: 0 });
      const second = await vacancies.search('разраб', { statuses: ['applied'], limit: 1, offset: 1 });
      expect([first.total, second.total]).toEqual([2, 2]);
      // Newest first, as without statuses.
      expect([first.items[0]?.hhId, second.items[0]?.hhId]).toEqual([cpp.hhId, go.hhId]);
    });

    it('follows a changed title', async () => {
      const { vacancies, go } = await seed();
      await vacancies.upsertMany([{ ...go, title: 'Backend-разработчик Rust' }]);
      expect(await vacancies.search('go', page)).toMatchObject({ total: 1 }); // still in the description
      expect(hhIds(await vacancies.search('rust', page))).toEqual([go.hhId]);
    });
  });

  it('setStatus changes the status and says whether the vacancy exists', async () => {
    const { repos, clock } = t();
    const facts = sampleVacancy();
    await repos.vacancies.upsertMany([facts]);
    const { id } = (await repos.vacancies.getByHhId(facts.hhId))!;
    clock.advance(5000);
    expect(await repos.vacancies.setStatus(id, 'ignored')).toBe(true);
    expect(await repos.vacancies.get(id)).toMatchObject({ status: 'ignored', updatedAt: clock.now().toISOString() });
    expect(await repos.vacancies.setStatus(id + 100, 'ignored')).toBe(false);
  });

  it('countByStatus counts each status present', async () => {
    const { vacancies } = t().repos;
    expect(await vacancies.countByStatus()).toEqual({});
    const list = [sampleVacancy(), sampleVacancy(), sampleVacancy()];
    await vacancies.upsertMany(list);
    await vacancies.setStatus((await vacancies.getByHhId(list[0]!.hhId))!.id, 'queued');
    expect(await vacancies.countByStatus()).toEqual({ found: 2, queued: 1 });
  });
});

import { describe, expect, it } from 'vitest';
import type { VacancyFacts } from '../../../shared/domain';
import { sampleVacancy, useTestDatabase, type TestDatabase } from '../../support/db-fixture';

/** The Vacancies list's sorts and filters over a real database: each one narrows or orders as the screen promises. */
describe('VacancyRepository.list: sort and filters', () => {
  const t = useTestDatabase();

  /** Stores each vacancy a second apart (the later, the newer), with the search given; returns their ids. */
  async function store(db: TestDatabase, list: { facts: VacancyFacts; searchId?: number | null }[]): Promise<Record<string, number>> {
    const ids: Record<string, number> = {};
    for (const { facts, searchId } of list) {
      await db.repos.vacancies.upsertMany([facts], searchId ?? null);
      ids[facts.title] = (await db.repos.vacancies.getByHhId(facts.hhId))!.id;
      db.clock.advance(1000);
    }
    return ids;
  }
  const titles = (page: { items: { title: string }[] }) => page.items.map((v) => v.title);
  const page = { limit: 50, offset: 0 };

  it('sorts by date (newest first), salary (highest first, none last) and score (highest first, unscored last)', async () => {
    const db = t();
    const ids = await store(db, [
      { facts: sampleVacancy({ title: 'A', salary: { from: 100_000, to: null, currency: 'RUR', gross: false } }) },
      { facts: sampleVacancy({ title: 'B', salary: null }) },
      { facts: sampleVacancy({ title: 'C', salary: { from: 50_000, to: 300_000, currency: 'RUR', gross: false } }) },
      { facts: sampleVacancy({ title: 'D', salary: { from: 200_000, to: null, currency: 'RUR', gross: false } }) },
    ]);
    const { vacancies, vacancyScores } = db.repos;
    expect(titles(await vacancies.list(page))).toEqual(['D', 'C', 'B', 'A']);
    expect(titles(await vacancies.list({ ...page, sort: 'date' }))).toEqual(['D', 'C', 'B', 'A']);
    expect(titles(await vacancies.list({ ...page, sort: 'salary' }))).toEqual(['C', 'D', 'A', 'B']);

    await vacancyScores.put({ vacancyId: ids.A!, resumeHhId: 'r1', score: 90, reason: 'React', model: 'm' });
    await vacancyScores.put({ vacancyId: ids.B!, resumeHhId: 'r1', score: 40, reason: '', model: 'm' });
    await vacancyScores.put({ vacancyId: ids.C!, resumeHhId: 'other', score: 99, reason: '', model: 'm' });
    const resume = { hhId: 'r1', updatedAt: '2000-01-01T00:00:00.000Z' };
    const byScore = await vacancies.list({ ...page, sort: 'score', resume });
    expect(titles(byScore)).toEqual(['A', 'B', 'D', 'C']);
    // Each row carries its kept score for that resume; another resume's score is not shown.
    expect(byScore.items.map((v) => [v.title, v.score])).toEqual([
      ['A', 90],
      ['B', 40],
      ['D', null],
      ['C', null],
    ]);
    // A score older than the resume's last change is not shown (it would be made again).
    const changed = await vacancies.list({ ...page, sort: 'score', resume: { hhId: 'r1', updatedAt: '2100-01-01T00:00:00.000Z' } });
    expect(changed.items.every((v) => v.score === null)).toBe(true);
    expect(titles(changed)).toEqual(['D', 'C', 'B', 'A']);
    // Without a resume no score shows, and the order falls back to newest first.
    expect((await vacancies.list({ ...page, sort: 'score', resume: null })).items.map((v) => v.score)).toEqual([null, null, null, null]);
  });

  it('filters by saved search, salary at least N, region, employer (id or words of the name) and how recent, together', async () => {
    const db = t();
    const search = await db.repos.savedSearches.create({ name: 'React', filters: { text: 'react' } });
    await store(db, [
      {
        facts: sampleVacancy({
          title: 'Moscow Yandex',
          employer: { id: '1740', name: 'Яндекс' },
          area: { id: '1', name: 'Москва' },
          salary: { from: 150_000, to: 250_000, currency: 'RUR', gross: false },
          publishedAt: '2025-03-13T10:15:00+0300',
        }),
        searchId: search.id,
      },
      {
        facts: sampleVacancy({
          title: 'SPb Sber',
          employer: { id: '3529', name: 'СБЕР' },
          area: { id: '2', name: 'Санкт-Петербург' },
          salary: { from: 90_000, to: null, currency: 'RUR', gross: false },
          publishedAt: '2025-02-01T10:15:00+0300',
        }),
      },
      {
        facts: sampleVacancy({
          title: 'Moscow no salary',
          employer: { id: '78638', name: 'Т-Банк' },
          area: { id: '1', name: 'Москва' },
          salary: null,
          publishedAt: null,
        }),
        searchId: search.id,
      },
    ]);
    const { vacancies } = db.repos;
    expect(titles(await vacancies.list({ ...page, searchId: search.id }))).toEqual(['Moscow no salary', 'Moscow Yandex']);
    expect(titles(await vacancies.list({ ...page, salaryFrom: 100_000 }))).toEqual(['Moscow Yandex']);
    expect(titles(await vacancies.list({ ...page, salaryFrom: 90_000 }))).toEqual(['SPb Sber', 'Moscow Yandex']);
    expect(titles(await vacancies.list({ ...page, area: '2' }))).toEqual(['SPb Sber']);
    expect(titles(await vacancies.list({ ...page, area: 'петербург' }))).toEqual(['SPb Sber']);
    expect(titles(await vacancies.list({ ...page, employer: '1740' }))).toEqual(['Moscow Yandex']);
    // Cyrillic in any case: SQLite folds only ASCII, the repository tries the usual cases.
    expect(titles(await vacancies.list({ ...page, employer: 'сбер' }))).toEqual(['SPb Sber']);
    expect(titles(await vacancies.list({ ...page, employer: 'яндекс' }))).toEqual(['Moscow Yandex']);
    // `%` and `_` are matched literally, not as wildcards.
    expect((await vacancies.list({ ...page, employer: '%' })).total).toBe(0);
    // Published within 7 days of now (2025-03-14 09:00 + the seconds stored), or found then when hh.ru gave no date.
    expect(titles(await vacancies.list({ ...page, days: 7 }))).toEqual(['Moscow no salary', 'Moscow Yandex']);
    expect(titles(await vacancies.list({ ...page, since: '2025-01-15' }))).toEqual(['Moscow no salary', 'SPb Sber', 'Moscow Yandex']);
    expect(titles(await vacancies.list({ ...page, since: '2025-03-01' }))).toEqual(['Moscow no salary', 'Moscow Yandex']);
    // Together, with the statuses and the words, and the total counts the filtered list.
    const together = await vacancies.list({ ...page, limit: 1, searchId: search.id, area: '1', salaryFrom: 1, statuses: ['found'] });
    expect([titles(together), together.total]).toEqual([['Moscow Yandex'], 1]);
    expect(titles(await vacancies.list({ ...page, query: 'яндекс', area: '1' }))).toEqual(['Moscow Yandex']);
    expect(titles(await vacancies.list({ ...page, query: 'яндекс', area: '2' }))).toEqual([]);
  });

  it('marks hh.ru recommendations, and each row carries its newest letter and its chat', async () => {
    const db = t();
    const ids = await store(db, [{ facts: sampleVacancy({ title: 'Recommended' }) }, { facts: sampleVacancy({ title: 'Found' }) }]);
    const { vacancies, applications, chats } = db.repos;
    await vacancies.markRecommended([(await vacancies.get(ids.Recommended!))!.hhId]);
    expect(titles(await vacancies.list({ ...page, recommended: true }))).toEqual(['Recommended']);

    const letter = await applications.createDraft(ids.Found!, 'r1', 'Здравствуйте');
    const chat = await chats.upsertChat({ hhNegotiationId: 'n-1', vacancyId: ids.Found! });
    const listed = await vacancies.list(page);
    expect(listed.items.map((v) => [v.title, v.letterId, v.chatId, v.recommended])).toEqual([
      ['Found', letter.id, chat.id, false],
      ['Recommended', null, null, true],
    ]);
  });

  it('finds nothing for words that are no words, and pages the filtered list', async () => {
    const db = t();
    await store(
      db,
      [1, 2, 3].map((n) => ({ facts: sampleVacancy({ title: `V${n}`, area: { id: '1', name: 'Москва' } }) })),
    );
    const { vacancies } = db.repos;
    expect(await vacancies.list({ ...page, query: '"()' })).toEqual({ items: [], total: 0, limit: 50, offset: 0 });
    const second = await vacancies.list({ area: '1', limit: 1, offset: 1 });
    expect([titles(second), second.total]).toEqual([['V2'], 3]);
  });
});

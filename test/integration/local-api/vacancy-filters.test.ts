import { describe, expect, it } from 'vitest';
import { closeAfterEach } from '../../support/contract';
import { startTestCore } from '../../support/core';
import { sampleVacancy } from '../../support/db-fixture';
import { startLocalApi } from '../../support/local-api';

const keep = closeAfterEach();

/** GET /vacancies with the Vacancies screen's sorts and filters in the query string, as a script would ask. */
describe('Local API: GET /vacancies sorts and filters', () => {
  it('reads sort, searchId, salaryFrom, area, employer, days, since and recommended from the query string', async () => {
    const { core } = keep(await startTestCore());
    const search = await core.repositories.savedSearches.create({ name: 'Go', filters: { text: 'go' } });
    const now = Date.now();
    const recent = new Date(now - 2 * 86_400_000).toISOString();
    const old = new Date(now - 40 * 86_400_000).toISOString();
    const rich = sampleVacancy({
      title: 'Rich',
      employer: { id: '1740', name: 'Яндекс' },
      area: { id: '1', name: 'Москва' },
      salary: { from: 300_000, to: null, currency: 'RUR', gross: false },
      publishedAt: recent,
    });
    const poor = sampleVacancy({
      title: 'Poor',
      employer: { id: '3529', name: 'Сбер' },
      area: { id: '2', name: 'Санкт-Петербург' },
      salary: { from: 80_000, to: 100_000, currency: 'RUR', gross: false },
      publishedAt: old,
    });
    const unpaid = sampleVacancy({ title: 'Unpaid', area: { id: '1', name: 'Москва' }, salary: null, publishedAt: recent });
    await core.repositories.vacancies.upsertMany([rich, unpaid], search.id);
    await core.repositories.vacancies.upsertMany([poor]);
    await core.repositories.vacancies.markRecommended([poor.hhId]);
    const api = keep(await startLocalApi(core, { rateLimit: { burst: 1000, perSecond: 1 } }));

    const titles = async (query: string) => {
      const answer = await api.call('get', `/vacancies?${query}`);
      expect([query, answer.status, answer.problems]).toEqual([query, 200, []]);
      return (answer.body as { items: { title: string }[] }).items.map((v) => v.title);
    };
    expect(await titles('sort=salary')).toEqual(['Rich', 'Poor', 'Unpaid']);
    expect(await titles(`searchId=${search.id}&sort=salary`)).toEqual(['Rich', 'Unpaid']);
    expect(await titles('salaryFrom=100000&sort=salary')).toEqual(['Rich', 'Poor']);
    expect(await titles('salaryFrom=100001')).toEqual(['Rich']);
    expect(await titles('area=2')).toEqual(['Poor']);
    expect(await titles(`employer=${encodeURIComponent('яндекс')}`)).toEqual(['Rich']);
    expect(await titles('employer=3529')).toEqual(['Poor']);
    expect((await titles('days=7')).sort()).toEqual(['Rich', 'Unpaid']);
    expect(await titles(`since=${old.slice(0, 10)}&sort=salary`)).toEqual(['Rich', 'Poor', 'Unpaid']);
    expect(await titles('recommended=true')).toEqual(['Poor']);
    expect(await titles(`sort=salary&searchId=${search.id}&salaryFrom=100000&area=1&employer=1740&days=7`)).toEqual(['Rich']);
  });

  it('refuses bad values with a 400 that names the field and says what is wrong', async () => {
    const { core } = keep(await startTestCore());
    const api = keep(await startLocalApi(core, { rateLimit: { burst: 1000, perSecond: 1 } }));
    for (const [query, field, words] of [
      ['sort=price', 'sort', /date|salary|score/],
      ['salaryFrom=-5', 'salaryFrom', /negative/],
      ['salaryFrom=abc', 'salaryFrom', /number|expected/i],
      ['days=0', 'days', /at least 1 day/],
      ['days=1.5', 'days', /whole number/],
      ['since=yesterday', 'since', /YYYY-MM-DD/],
      ['searchId=0', 'searchId', /saved search/],
    ] as const) {
      const answer = await api.call('get', `/vacancies?${query}`);
      expect([query, answer.status, answer.problems]).toEqual([query, 400, []]);
      expect(JSON.stringify(answer.body), query).toContain(field);
      expect(JSON.stringify(answer.body), query).toMatch(words);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { closeAfterEach, ok } from '../../support/contract';
import { startTestCore } from '../../support/core';
import { sampleVacancy } from '../../support/db-fixture';

const keep = closeAfterEach();

/**
 * The Letters screen's page: its shared data (template, profile, each resume) is read once per page,
 * not once per letter; the vacancies come in one query.
 */
describe('Letters: database round trips per page', () => {
  const pageOf = async (letters: number, resumes: string[]) => {
    const { core } = keep(await startTestCore());
    await core.repositories.resumes.replaceAll(
      resumes.map((hhId, i) => ({ hhId, hash: `h${i}`, title: `Резюме ${i}`, raw: { title: `Резюме ${i}` } })),
    );
    const facts = Array.from({ length: letters }, (_, i) => sampleVacancy({ title: `Python-разработчик ${i}` }));
    await core.repositories.vacancies.upsertMany(facts);
    for (const [i, fact] of facts.entries()) {
      const vacancy = (await core.repositories.vacancies.getByHhId(fact.hhId))!;
      await core.repositories.applications.createDraft(vacancy.id, resumes[i % resumes.length]!, `Здравствуйте! Письмо ${i}.`);
    }
    // Caches are warm, as on a screen opened a second time; what is left is what each page costs.
    ok(await core.invoke('letters.list', { states: [], limit: 200 }));
    const before = core.databaseRequests();
    const page = ok<{ items: unknown[] }>(await core.invoke('letters.list', { states: [], limit: 200 }));
    return { trips: core.databaseRequests() - before, items: page.items.length };
  };

  it('a page of 200 letters over two resumes costs a handful of round trips, the same as a page of 10', async () => {
    const small = await pageOf(10, ['r1', 'r2']);
    const large = await pageOf(200, ['r1', 'r2']);
    expect(small.items).toBe(10);
    expect(large.items).toBe(200);
    console.info(`letters.list round trips: ${small.trips} for 10 letters, ${large.trips} for 200`);
    expect(large.trips).toBe(small.trips);
    expect(large.trips).toBeLessThanOrEqual(8);
  }, 60_000);
});

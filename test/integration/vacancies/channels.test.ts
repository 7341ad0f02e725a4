import { describe, expect, it } from 'vitest';
import { errorMessages } from '../../../shared/contract';
import { closeAfterEach, ok } from '../../support/contract';
import { startTestCore } from '../../support/core';
import { movableClock } from '../../support/hh';
import { sampleVacancy } from '../../support/db-fixture';

/** What the Vacancies screen asks of the core beyond the list: chip totals, a kept AI score, a wrong link. */
describe('the Vacancies screen channels', () => {
  const keep = closeAfterEach();

  const coreWith = async (count: number) => {
    const clock = movableClock(Date.parse('2026-03-02T09:00:00Z'));
    const { core, close } = keep(await startTestCore({ clock }));
    const facts = Array.from({ length: count }, (_, i) =>
      sampleVacancy({ title: i % 2 ? `Python-разработчик ${i}` : `Go-разработчик ${i}` }),
    );
    await core.repositories.vacancies.upsertMany(facts);
    const ids = await Promise.all(facts.map(async (f) => (await core.repositories.vacancies.getByHhId(f.hhId))!.id));
    return { core, close, clock, ids };
  };

  it('vacancies.counts names every status, 0 where there is none, and the total', async () => {
    const { core, ids } = await coreWith(6);
    const empty = ok<{ total: number; byStatus: Record<string, number> }>(await core.invoke('vacancies.counts', {}));
    expect(empty.total).toBe(6);
    expect(empty.byStatus).toEqual({
      found: 6,
      drafted: 0,
      queued: 0,
      applied: 0,
      viewed: 0,
      invited: 0,
      rejected: 0,
      ignored: 0,
      failed: 0,
      needs_manual: 0,
    });

    ok(await core.invoke('vacancies.setStatus', { id: ids[0]!, status: 'ignored' }));
    await core.repositories.vacancies.setStatus(ids[1]!, 'applied');
    await core.repositories.vacancies.setSkipped(ids[2]!, 'needs_manual', 'test_required');
    const counted = ok<{ total: number; byStatus: Record<string, number> }>(await core.invoke('vacancies.counts', {}));
    expect(counted).toMatchObject({ total: 6, byStatus: { found: 3, ignored: 1, applied: 1, needs_manual: 1, invited: 0 } });
    expect(await core.invoke('vacancies.counts', { extra: true })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('vacancies.list with a query keeps to the statuses asked for', async () => {
    const { core, ids } = await coreWith(6);
    // Odd indexes are Python; two of them applied.
    await core.repositories.vacancies.setStatus(ids[1]!, 'applied');
    await core.repositories.vacancies.setStatus(ids[3]!, 'applied');
    await core.repositories.vacancies.setStatus(ids[0]!, 'applied');
    const page = ok<{ total: number; items: { id: number }[] }>(
      await core.invoke('vacancies.list', { query: 'python', statuses: ['applied'] }),
    );
    expect(page.total).toBe(2);
    expect(page.items.map((v) => v.id).sort()).toEqual([ids[1], ids[3]].sort());
    expect(ok<{ total: number }>(await core.invoke('vacancies.list', { query: 'python' })).total).toBe(3);
  });

  it('vacancies.keptScore gives the score vacancies.score kept, never asking the AI; none without a resume or once the resume changed', async () => {
    const { core, clock, ids } = await coreWith(2);
    expect(ok(await core.invoke('vacancies.keptScore', { id: ids[0]! }))).toBeNull();

    await core.repositories.resumes.replaceAll([{ hhId: 'r1', hash: 'h1', title: 'Python-разработчик', raw: {} }]);
    expect(ok(await core.invoke('vacancies.keptScore', { id: ids[0]! }))).toBeNull();
    clock.advance(60_000);
    await core.repositories.vacancyScores.put({
      vacancyId: ids[0]!,
      resumeHhId: 'r1',
      score: 72,
      reason: 'Стек совпадает',
      model: 'GigaChat-2',
    });
    expect(ok(await core.invoke('vacancies.keptScore', { id: ids[0]! }))).toEqual({
      score: 72,
      reason: 'Стек совпадает',
      model: 'GigaChat-2',
      scoredAt: clock.now().toISOString(),
    });
    expect(ok(await core.invoke('vacancies.keptScore', { id: ids[0]!, resumeHhId: 'r1' }))).toMatchObject({ score: 72 });
    expect(ok(await core.invoke('vacancies.keptScore', { id: ids[1]! }))).toBeNull();
    expect(ok(await core.invoke('vacancies.keptScore', { id: ids[0]!, resumeHhId: 'r2' }))).toBeNull();

    // The resume changed on hh.ru after the score: vacancies.score would ask again, so nothing is shown as kept.
    clock.advance(60_000);
    await core.repositories.resumes.replaceAll([{ hhId: 'r1', hash: 'h2', title: 'Python-разработчик', raw: {} }]);
    expect(ok(await core.invoke('vacancies.keptScore', { id: ids[0]! }))).toBeNull();
  });

  it('vacancies.add says which text is not a vacancy link, as a key the window translates', async () => {
    const { core } = await coreWith(0);
    const refused = await core.invoke('vacancies.add', { link: 'https://example.com/jobs/1' });
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'invalid_input',
        message: errorMessages['vacancies.notALink'].replace('{{link}}', 'https://example.com/jobs/1'),
        key: 'vacancies.notALink',
        params: { link: 'https://example.com/jobs/1' },
        next: { kind: 'fix_input' },
      },
    });
    // A path like hh.ru's on another site is not an hh.ru link (it was read as vacancy 123456 and answered "closed").
    for (const link of ['https://example.com/vacancy/123456', 'https://hh.ru.example.com/vacancy/123456'])
      expect(await core.invoke('vacancies.add', { link })).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', key: 'vacancies.notALink', params: { link } },
      });
  });

  it("vacancies.list carries each vacancy's kept score for the user's resume", async () => {
    const { core, ids } = await coreWith(2);
    await core.repositories.resumes.replaceAll([{ hhId: 'r1', hash: 'h1', title: 'Python-разработчик', raw: {} }]);
    await core.repositories.vacancyScores.put({ vacancyId: ids[1]!, resumeHhId: 'r1', score: 77, reason: 'Python', model: 'm' });
    const listed = ok<{ items: { id: number; score: number | null }[] }>(await core.invoke('vacancies.list', { sort: 'score' }));
    expect(listed.items.map((v) => [v.id, v.score])).toEqual([
      [ids[1], 77],
      [ids[0], null],
    ]);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { sampleVacancy } from '../../support/db-fixture';
import { startTestCore, type TestCore } from '../../support/core';

let running: TestCore | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

describe('vacancies.get', () => {
  it("answers the vacancy without hh.ru's raw JSON, which stays in the core", async () => {
    running = await startTestCore();
    const { core } = running;
    await core.repositories.vacancies.upsertMany([
      sampleVacancy({ hhId: '4242', raw: { id: '4242', contacts: { email: 'hr@example.ru' }, internal: 'x' } }),
    ]);
    const stored = (await core.repositories.vacancies.getByHhId('4242'))!;
    expect(stored.raw).toMatchObject({ contacts: { email: 'hr@example.ru' } });

    const answer = await core.invoke('vacancies.get', { id: stored.id });
    expect(answer).toMatchObject({
      ok: true,
      value: { id: stored.id, hhId: '4242', title: stored.title, descriptionText: stored.descriptionText },
    });
    expect(answer.ok && Object.keys(answer.value as object)).not.toContain('raw');
    expect(JSON.stringify(answer)).not.toContain('hr@example.ru');
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../../support/core';
import { sampleVacancy } from '../../support/db-fixture';

let app: TestCore | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('applying settings and status through the contract', () => {
  it('defaults, a partial change, and the pause floor of 2 s', async () => {
    app = await startTestCore();
    expect(await app.core.invoke('applying.status', {})).toMatchObject({
      ok: true,
      value: {
        settings: { dailyCap: 50, perRunCap: 20, pauseMinSeconds: 10, pauseMaxSeconds: 25 },
        remaining: 50,
        nextSlotAt: null,
        hhLimitedUntil: null,
      },
    });
    expect(await app.core.invoke('applying.setSettings', { pauseMinSeconds: 4, pauseMaxSeconds: 6, perRunCap: 10 })).toMatchObject({
      ok: true,
      value: { settings: { dailyCap: 50, perRunCap: 10, pauseMinSeconds: 4, pauseMaxSeconds: 6 } },
    });
    expect(await app.core.invoke('applying.setSettings', { pauseMinSeconds: 1 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await app.core.invoke('applying.setSettings', { dailyCap: 201 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('letters.draft refuses a second resume on an applied vacancy unless confirmed', async () => {
    app = await startTestCore();
    const { repositories } = app.core;
    const facts = sampleVacancy();
    await repositories.vacancies.upsertMany([facts]);
    const vacancy = (await repositories.vacancies.getByHhId(facts.hhId))!;
    await repositories.vacancies.setStatus(vacancy.id, 'applied');
    expect(await app.core.invoke('letters.draft', { vacancyId: vacancy.id, resumeHhId: null })).toMatchObject({
      ok: false,
      error: { code: 'hh_already_applied', key: 'letters.secondResume' },
    });
  });
});

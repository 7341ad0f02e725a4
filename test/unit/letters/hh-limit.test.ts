import { describe, expect, it } from 'vitest';
import { HhError } from '../../../main/core/hh/errors';
import { useTestDatabase } from '../../support/db-fixture';
import { lettersWorld } from './letters-world';

const DAY = 86_400_000;
const limitExceeded = () => new HhError('hh_limit_exceeded', 'limit', { status: 400, value: 'limit_exceeded' }, { retryable: true });

describe("hh.ru's own 24-hour limit", () => {
  const database = useTestDatabase();

  it('limit_exceeded: the status says until when, and nothing is sent (or asked) before then', async () => {
    const { repos, clock, hh, letters, cap, draft } = await lettersWorld(database());
    await letters.send((await draft()).application.id);
    const firstSentAt = Date.parse(clock.now().toISOString());
    clock.advance(60 * 60 * 1000);
    hh.state.answer = () => Promise.reject(limitExceeded());
    const refused = await draft();
    await expect(letters.send(refused.application.id)).rejects.toMatchObject({ code: 'hh_limit_exceeded' });
    expect((await repos.applications.get(refused.application.id))?.state).toBe('draft');

    // hh.ru frees a slot a day after the oldest application it counts; the app knows of the first one.
    const until = new Date(firstSentAt + DAY).toISOString();
    expect(await cap.status()).toMatchObject({ hhLimitedUntil: until, remaining: 0, nextSlotAt: until, sentLast24h: 1 });
    await expect(letters.send(refused.application.id)).rejects.toMatchObject({
      code: 'hh_limit_exceeded',
      said: { key: 'letters.hhLimitReached', params: { at: until } },
    });
    expect(hh.calls.apply).toHaveBeenCalledTimes(2);

    clock.set(until);
    hh.state.answer = () => Promise.resolve({ kind: 'applied', negotiationId: 'n-late' });
    expect(await cap.status()).toMatchObject({ hhLimitedUntil: null });
    expect((await letters.send(refused.application.id)).application.state).toBe('sent');
  });

  it("with no application the app knows of, the limit holds for a day from hh.ru's answer", async () => {
    const { clock, hh, letters, cap, draft } = await lettersWorld(database());
    hh.state.answer = () => Promise.reject(limitExceeded());
    await expect(letters.send((await draft()).application.id)).rejects.toMatchObject({ code: 'hh_limit_exceeded' });
    expect((await cap.status()).hhLimitedUntil).toBe(new Date(clock.now().getTime() + DAY).toISOString());
  });
});

describe("what counts against the user's own cap", () => {
  const database = useTestDatabase();

  it('"already applied" is recorded sent, noted as already on hh.ru, and takes no slot', async () => {
    const { repos, hh, letters, cap, draft } = await lettersWorld(database(), { dailyCap: 1 });
    const known = await draft();
    hh.state.answer = () => Promise.reject(new HhError('hh_already_applied', 'already', { status: 403, value: 'already_applied' }));
    await expect(letters.send(known.application.id)).rejects.toMatchObject({ code: 'hh_already_applied' });
    expect(await repos.applications.get(known.application.id)).toMatchObject({ state: 'sent', transport: 'already' });
    expect((await repos.vacancies.get(known.vacancy.id))?.status).toBe('applied');
    expect(await cap.status()).toMatchObject({ sentLast24h: 0, remaining: 1 });

    hh.state.answer = () => Promise.resolve({ kind: 'applied', negotiationId: 'n-2' });
    expect((await letters.send((await draft()).application.id)).application.state).toBe('sent');
  });

  it("a letter the user sent with hh.ru's own button (assisted) takes no slot", async () => {
    const { hh, letters, cap, draft } = await lettersWorld(database(), { dailyCap: 1 });
    expect((await letters.markSent((await draft()).application.id)).application).toMatchObject({ state: 'sent', transport: 'assisted' });
    expect(await cap.status()).toMatchObject({ sentLast24h: 0, remaining: 1 });
    await letters.send((await draft()).application.id);
    expect(hh.calls.apply).toHaveBeenCalledTimes(1);
  });

  it('defaults: 50 a day, 20 a run, a 10-25 s pause; the pause is never under 2 s nor inverted', async () => {
    const { cap } = await lettersWorld(database());
    expect((await cap.status()).settings).toEqual({ dailyCap: 50, perRunCap: 20, pauseMinSeconds: 10, pauseMaxSeconds: 25 });
    expect((await cap.setSettings({ pauseMaxSeconds: 12 })).settings).toMatchObject({
      dailyCap: 50,
      pauseMinSeconds: 10,
      pauseMaxSeconds: 12,
    });
    await expect(cap.setSettings({ pauseMinSeconds: 20 })).rejects.toMatchObject({ code: 'invalid_input' });
  });
});

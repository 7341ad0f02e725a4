import { describe, expect, it, vi } from 'vitest';
import { HhError } from '../../../main/core/hh/errors';
import type { ApplyOutcome } from '../../../main/core/hh/transport';
import { useTestDatabase } from '../../support/db-fixture';
import { deferred, lettersWorld, response } from './letters-world';

const unavailable = (details?: Record<string, string>) =>
  new HhError('hh_unavailable', 'down', { status: 502 }, { retryable: true, ...(details && { details }) });

describe('the daily cap under concurrent sends', () => {
  const database = useTestDatabase();

  it('cap 1, four letters sent at once: exactly one reaches hh.ru, the others are refused with the cap', async () => {
    const { hh, letters, draft } = await lettersWorld(database(), { dailyCap: 1 });
    const ids = await Promise.all([draft(), draft(), draft(), draft()]).then((all) => all.map((d) => d.application.id));
    const results = await Promise.allSettled(ids.map((id) => letters.send(id)));
    expect(hh.calls.apply).toHaveBeenCalledTimes(1);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason)).toEqual(
      Array.from({ length: 3 }, () =>
        expect.objectContaining({ code: 'hh_limit_exceeded', said: expect.objectContaining({ key: 'letters.capReached' }) }),
      ),
    );
  });

  it('a letter on its way takes its slot before hh.ru answers (the reservation is what the cap counts)', async () => {
    const { hh, letters, cap, draft } = await lettersWorld(database(), { dailyCap: 1 });
    const slow = deferred<ApplyOutcome>();
    hh.state.answer = () => slow.promise;
    const first = await draft();
    const sending = letters.send(first.application.id);
    await vi.waitFor(() => expect(hh.calls.apply).toHaveBeenCalledTimes(1));
    expect(await cap.status()).toMatchObject({ sentLast24h: 1, remaining: 0 });
    await expect(letters.send((await draft()).application.id)).rejects.toMatchObject({ code: 'hh_limit_exceeded' });
    slow.resolve({ kind: 'applied', negotiationId: 'n-1' });
    await sending;
    expect(hh.calls.apply).toHaveBeenCalledTimes(1);
  });
});

describe('a letter is never sent twice', () => {
  const database = useTestDatabase();

  it('a second send of a slow letter starts no second request', async () => {
    const { hh, letters, draft } = await lettersWorld(database());
    const slow = deferred<ApplyOutcome>();
    hh.state.answer = () => slow.promise;
    const { application } = await draft();
    const first = letters.send(application.id);
    await vi.waitFor(() => expect(hh.calls.apply).toHaveBeenCalledTimes(1));
    await expect(letters.send(application.id)).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('already being sent'),
    });
    slow.resolve({ kind: 'applied', negotiationId: 'n-7' });
    expect((await first).application).toMatchObject({ state: 'sent', hhNegotiationId: 'n-7' });
    expect(hh.calls.apply).toHaveBeenCalledTimes(1);
  });

  it('a letter an interruption left in "sending" is checked with hh.ru first: there, it is recorded sent and not sent again', async () => {
    const { repos, hh, letters, draft } = await lettersWorld(database());
    const { vacancy, application } = await draft();
    await repos.applications.transition(application.id, 'draft', 'sending');
    hh.state.responses = [response('x-1', '1'), response('x-2', '2'), response('x-3', '3'), response('neg-4', vacancy.hhId)];
    const view = await letters.send(application.id);
    expect(hh.calls.apply).not.toHaveBeenCalled();
    expect(hh.calls.negotiations.mock.calls.map(([page]) => page)).toEqual([0, 1]);
    expect(view.application).toMatchObject({ state: 'sent', hhNegotiationId: 'neg-4', transport: 'official' });
    expect((await repos.vacancies.get(vacancy.id))?.status).toBe('applied');
  });

  it('... not there: it goes back to draft and is sent, once', async () => {
    const { repos, hh, letters, draft } = await lettersWorld(database());
    const { application } = await draft();
    await repos.applications.transition(application.id, 'draft', 'sending');
    await letters.send(application.id);
    // Asked before sending (was it there?) and once after it (the confirmation), never more.
    expect(hh.calls.negotiations).toHaveBeenCalledTimes(2);
    expect(hh.calls.negotiations.mock.invocationCallOrder[0]).toBeLessThan(hh.calls.apply.mock.invocationCallOrder[0]!);
    expect(hh.calls.apply).toHaveBeenCalledTimes(1);
    expect((await repos.applications.get(application.id))?.state).toBe('sent');
  });

  it('"sending" is entered only from draft or approved', async () => {
    const { repos, draft } = await lettersWorld(database());
    const { application } = await draft();
    await repos.applications.transition(application.id, 'draft', 'failed', { lastError: 'x' });
    expect(await repos.applications.transition(application.id, 'failed', 'sending')).toBe(false);
    expect(await repos.applications.reserveSending(application.id, { max: 50, since: new Date(0).toISOString() })).toBe(false);
  });
});

describe('after an uncertain failure hh.ru is asked before anything is reported', () => {
  const database = useTestDatabase();

  it("a 5xx the transport could not settle: hh.ru's responses have it, so it is sent (one request)", async () => {
    const { repos, hh, letters, draft } = await lettersWorld(database());
    const { vacancy, application } = await draft();
    hh.state.answer = () => {
      hh.state.responses = [response('neg-9', vacancy.hhId)];
      return Promise.reject(unavailable());
    };
    const view = await letters.send(application.id);
    expect(view.application).toMatchObject({ state: 'sent', hhNegotiationId: 'neg-9' });
    expect(hh.calls.apply).toHaveBeenCalledTimes(1);
    expect((await repos.vacancies.get(vacancy.id))?.status).toBe('applied');
  });

  it('a transport that already asked ("arrived: no"): back to draft without asking again', async () => {
    const { repos, hh, letters, draft } = await lettersWorld(database());
    const { application } = await draft();
    hh.state.answer = () => Promise.reject(unavailable({ arrived: 'no' }));
    await expect(letters.send(application.id)).rejects.toMatchObject({ code: 'hh_unavailable' });
    expect(hh.calls.negotiations).not.toHaveBeenCalled();
    expect((await repos.applications.get(application.id))?.state).toBe('draft');
  });

  it('hh.ru cannot be asked: the letter stays "sending", and the next send asks before applying', async () => {
    const { repos, hh, letters, draft } = await lettersWorld(database());
    const { vacancy, application } = await draft();
    hh.state.answer = () => Promise.reject(new HhError('hh_network', 'offline', { status: 0 }, { retryable: true }));
    hh.calls.negotiations.mockRejectedValueOnce(new HhError('hh_network', 'offline', { status: 0 }, { retryable: true }));
    await expect(letters.send(application.id)).rejects.toMatchObject({ code: 'hh_network' });
    expect((await repos.applications.get(application.id))?.state).toBe('sending');

    hh.state.responses = [response('neg-3', vacancy.hhId)];
    expect((await letters.send(application.id)).application).toMatchObject({ state: 'sent', hhNegotiationId: 'neg-3' });
    expect(hh.calls.apply).toHaveBeenCalledTimes(1);
  });
});

describe("a vacancy applied to on the employer's own site", () => {
  const database = useTestDatabase();

  it('is not posted to hh.ru: the letter fails with the link and the vacancy needs the user', async () => {
    const { repos, hh, letters, draft } = await lettersWorld(database());
    const { vacancy, application } = await draft({ externalUrl: 'https://careers.example.ru/7' });
    const view = await letters.send(application.id);
    expect(hh.calls.apply).not.toHaveBeenCalled();
    expect(view.application).toMatchObject({ state: 'failed', lastError: expect.stringContaining('https://careers.example.ru/7') });
    expect((await repos.vacancies.get(vacancy.id))?.status).toBe('needs_manual');
  });
});

import { describe, expect, it, vi } from 'vitest';
import { createPacer } from '../../../main/core/hh/http/pacer';
import type { ApplyOutcome } from '../../../main/core/hh/transport';
import { useTestDatabase } from '../../support/db-fixture';
import { deferred, lettersWorld } from './letters-world';

/** One turn of the event loop: whatever could have settled by now has. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('the app closing (quit, or a restart into an update) and the letters being sent', () => {
  const database = useTestDatabase();

  it('waits for a letter whose request has left until hh.ru answers, and records the answer', async () => {
    const { repos, hh, letters, draft } = await lettersWorld(database());
    const slow = deferred<ApplyOutcome>();
    hh.state.answer = () => slow.promise;
    const { application } = await draft();
    const sending = letters.send(application.id);
    await vi.waitFor(() => expect(hh.calls.apply).toHaveBeenCalledTimes(1));
    expect(letters.sending.inFlight).toBe(1);

    let closed = false;
    const closing = letters.sending.close().then(() => (closed = true));
    await settle();
    expect(closed).toBe(false);

    slow.resolve({ kind: 'applied', negotiationId: 'n-1' });
    await closing;
    expect((await sending).application.state).toBe('sent');
    expect((await repos.applications.get(application.id))?.state).toBe('sent');
    expect(letters.sending.inFlight).toBe(0);
  });

  it('a letter still waiting for its turn gives the turn back: nothing goes to hh.ru, and the letter can be sent after the start', async () => {
    // The second letter's pause never ends by itself: only the app closing can end it.
    const pacer = createPacer({ minIntervalMs: 60_000, sleep: () => new Promise<void>(() => {}) });
    const { repos, hh, letters, draft } = await lettersWorld(database(), { pacer });
    const first = await draft();
    await letters.send(first.application.id);
    const second = await draft();
    const waiting = letters.send(second.application.id);
    await vi.waitFor(async () => expect((await repos.applications.get(second.application.id))?.state).toBe('sending'));

    await letters.sending.close();
    await expect(waiting).rejects.toMatchObject({ code: 'app_closing' });
    expect(hh.calls.apply).toHaveBeenCalledTimes(1);
    expect((await repos.applications.get(second.application.id))?.state).toBe('draft');
  });

  it('once closed, a letter is refused before anything happens to it; opened again (a restart that did not happen), it goes', async () => {
    const { repos, hh, letters, draft } = await lettersWorld(database());
    const { application } = await draft();
    await letters.sending.close();
    await expect(letters.send(application.id)).rejects.toMatchObject({ code: 'app_closing', retryable: true });
    expect(hh.calls.apply).not.toHaveBeenCalled();
    expect((await repos.applications.get(application.id))?.state).toBe('draft');

    letters.sending.open();
    expect((await letters.send(application.id)).application.state).toBe('sent');
  });
});

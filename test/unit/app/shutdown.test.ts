import { describe, expect, it } from 'vitest';
import { SendingGate } from '../../../main/core/letters/sending-gate';
import { shutDown } from '../../../main/core/shutdown';

/** One turn of the event loop: every step that could run without the letter has run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe("disposing the core (the desktop app's quit, and the install a downloaded update waits for)", () => {
  it('closes sending first and waits for the letter on its way; only then the scheduler and the database', async () => {
    const steps: string[] = [];
    const sending = new SendingGate();
    const letter = sending.enter();
    const done = shutDown({
      updates: { stop: () => void steps.push('updates') },
      sending,
      scheduler: { stop: async () => void steps.push('scheduler') },
      db: { close: async () => void steps.push('database') },
    });
    await settle();
    expect(steps).toEqual(['updates']);
    expect(() => sending.enter()).toThrow(expect.objectContaining({ code: 'app_closing' }));

    steps.push('letter answered');
    letter.leave();
    await done;
    expect(steps).toEqual(['updates', 'letter answered', 'scheduler', 'database']);
  });
});

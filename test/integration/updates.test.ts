import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Updater, UpdaterEvent } from '../../main/core/updates/port';
import { startTestCore, type TestCore } from '../support/core';

/** The desktop shell's updater as the core sees it: every check finds nothing newer. */
function quietUpdater() {
  const listeners = new Set<(event: UpdaterEvent) => void>();
  const calls = { checks: 0, installs: 0 };
  const updater: Updater = {
    unsupported: () => null,
    check: async () => {
      calls.checks += 1;
      listeners.forEach((listener) => listener({ kind: 'not-available', version: '0.0.0-test' }));
    },
    quitAndInstall: () => void (calls.installs += 1),
    on: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return { updater, calls };
}

const running: TestCore[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const app of running.splice(0)) await app.close();
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

const start = async (options: Parameters<typeof startTestCore>[0] = {}) => {
  const app = await startTestCore(options);
  running.push(app);
  return app;
};

describe('updates through the contract', () => {
  it('the headless core has none: updates.get says unsupported (browser), and the actions answer with update_unavailable', async () => {
    const { core } = await start();
    expect(await core.invoke('updates.get', {})).toEqual({
      ok: true,
      value: expect.objectContaining({ phase: 'unsupported', unsupportedReason: 'browser' }),
    });
    for (const [name, input] of [
      ['updates.check', {}],
      ['updates.setAuto', { auto: false }],
      ['updates.restart', {}],
    ] as const) {
      expect(await core.invoke(name, input)).toEqual({ ok: false, error: expect.objectContaining({ code: 'update_unavailable' }) });
    }
  });

  it("the desktop core checks at start; the switch is kept in the user's data and, off, the next start does not check", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'aaa-updates-'));
    dirs.push(dataDir);
    const first = quietUpdater();
    const app = await start({ dataDir, shell: 'electron', updater: first.updater });
    await vi.waitFor(() => expect(first.calls.checks).toBe(1));
    expect(await app.core.invoke('updates.setAuto', { auto: false })).toMatchObject({
      ok: true,
      value: { auto: false, phase: 'disabled' },
    });
    await app.close();
    running.splice(running.indexOf(app), 1);

    const second = quietUpdater();
    const again = await start({ dataDir, shell: 'electron', updater: second.updater });
    await vi.waitFor(async () =>
      expect(await again.core.invoke('updates.get', {})).toMatchObject({ ok: true, value: { auto: false, phase: 'disabled' } }),
    );
    expect(second.calls.checks).toBe(0);
  });

  it("quitting closes the letters' door: a letter on its way is seen through, no new one starts (the order itself: test/unit/app/shutdown.test.ts)", async () => {
    const app = await start({ shell: 'electron', updater: quietUpdater().updater });
    running.splice(running.indexOf(app), 1);
    const letter = app.core.letters.sending.enter();
    // What the desktop app's before-quit runs (then the temp folder goes).
    const closing = app.close();
    await vi.waitFor(() => expect(app.core.letters.sending.closed).toBe(true));
    expect(() => app.core.letters.sending.enter()).toThrow(expect.objectContaining({ code: 'app_closing' }));
    letter.leave();
    await closing;
  });
});

import { describe, expect, it, vi } from 'vitest';
import type { UpdateState } from '../../../shared/contract';
import { CoreEvents } from '../../../main/core/events';
import { SendingGate } from '../../../main/core/letters/sending-gate';
import { Notices } from '../../../main/core/notices';
import { silentLogger } from '../../../main/core/ports';
import type { Updater, UpdaterEvent } from '../../../main/core/updates/port';
import { CHECK_EVERY_MS, RETRY_AFTER_FAILURE_MS } from '../../../main/core/updates/schedule';
import { UpdateService } from '../../../main/core/updates/service';
import { autoUpdateSetting } from '../../../main/core/updates/setting';
import { useTestDatabase } from '../../support/db-fixture';

const HOUR = 60 * 60_000;

/**
 * The update server and electron-updater as the core sees them: each check answers what the test
 * said last (`answer`), with the events electron-updater sends, before check() resolves.
 */
class FakeUpdater implements Updater {
  readonly listeners = new Set<(event: UpdaterEvent) => void>();
  checks = 0;
  installs = 0;
  answer: UpdaterEvent[] = [{ kind: 'not-available', version: '1.0.0' }];
  /** What quitAndInstall does besides counting (the installer failing to start, say). */
  onInstall: () => void = () => {};
  constructor(private readonly unsupportedReason: ReturnType<Updater['unsupported']> = null) {}
  unsupported() {
    return this.unsupportedReason;
  }
  async check() {
    this.checks += 1;
    this.tell({ kind: 'checking' });
    this.answer.forEach((event) => this.tell(event));
  }
  quitAndInstall() {
    this.installs += 1;
    this.onInstall();
  }
  on(listener: (event: UpdaterEvent) => void) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  tell(event: UpdaterEvent) {
    this.listeners.forEach((listener) => listener(event));
  }
}

const downloads = (version: string): UpdaterEvent[] => [
  { kind: 'available', version },
  { kind: 'progress', percent: 42.4 },
  { kind: 'downloaded', version },
];

function world(options: { auto?: boolean; updater?: FakeUpdater | null } = {}) {
  let now = Date.parse('2026-03-02T09:00:00Z');
  const clock = { now: () => new Date(now) };
  const events = new CoreEvents();
  const seen: UpdateState[] = [];
  events.on('updates.changed', (state) => seen.push(state));
  const stored = { auto: options.auto ?? true };
  const updater = options.updater === null ? undefined : (options.updater ?? new FakeUpdater());
  const sending = new SendingGate();
  const notices = new Notices(events);
  const service = new UpdateService({
    updater,
    clock,
    events,
    notices,
    log: silentLogger,
    currentVersion: '1.0.0',
    sending,
    setting: { get: async () => stored.auto, set: async (auto) => void (stored.auto = auto) },
  });
  return {
    service,
    updater: updater as FakeUpdater,
    sending,
    notices,
    seen,
    stored,
    clock,
    /** Moves the clock and lets the minute timer ask. */
    later: async (ms: number) => {
      now += ms;
      await service.tick();
    },
  };
}

describe('when the app checks for updates', () => {
  it('at start, then once a day: not a minute before the day is out', async () => {
    const { service, updater, later, clock } = world();
    await service.start();
    expect(updater.checks).toBe(1);
    expect(service.state()).toMatchObject({
      phase: 'idle',
      checkedAt: clock.now().toISOString(),
      nextCheckAt: new Date(clock.now().getTime() + CHECK_EVERY_MS).toISOString(),
    });

    await later(CHECK_EVERY_MS - 60_000);
    expect(updater.checks).toBe(1);
    await later(60_000);
    expect(updater.checks).toBe(2);
    await later(60_000);
    expect(updater.checks).toBe(2);
  });

  it('a check that failed (offline at start) is tried again within the hour, not tomorrow', async () => {
    const { service, updater, later } = world();
    updater.answer = [{ kind: 'error', failure: { kind: 'network', detail: 'net::ERR_INTERNET_DISCONNECTED' } }];
    await service.start();
    expect(service.state()).toMatchObject({ phase: 'error', error: { code: 'update_failed', next: { kind: 'retry_later' } } });
    updater.answer = [{ kind: 'not-available', version: '1.0.0' }];
    await later(RETRY_AFTER_FAILURE_MS);
    expect(updater.checks).toBe(2);
    expect(service.state()).toMatchObject({ phase: 'idle', error: null });
  });

  it('with the switch off it never checks by itself, though Check now does; switched on, it checks when a day has passed since', async () => {
    const { service, updater, later, stored } = world({ auto: false });
    await service.start();
    expect(updater.checks).toBe(0);
    expect(service.state()).toMatchObject({ phase: 'disabled', auto: false, nextCheckAt: null });
    await later(3 * CHECK_EVERY_MS);
    expect(updater.checks).toBe(0);

    expect(await service.check()).toMatchObject({ phase: 'disabled', nextCheckAt: null });
    expect(updater.checks).toBe(1);

    await later(HOUR);
    expect(await service.setAuto(true)).toMatchObject({ phase: 'idle', auto: true });
    expect(stored.auto).toBe(true);
    // The manual check was an hour ago: the next one is a day after it.
    expect(updater.checks).toBe(1);
    await later(CHECK_EVERY_MS - HOUR);
    expect(updater.checks).toBe(2);

    await service.setAuto(false);
    expect(stored.auto).toBe(false);
    await later(2 * CHECK_EVERY_MS);
    expect(updater.checks).toBe(2);
  });

  it('turned on when it never checked, it checks at once', async () => {
    const { service, updater } = world({ auto: false });
    await service.start();
    await service.setAuto(true);
    await vi.waitFor(() => expect(updater.checks).toBe(1));
  });

  it('a downloaded version waiting for its restart is not checked for again, and Check now does not start a second download', async () => {
    const { service, updater, later } = world();
    updater.answer = downloads('1.1.0');
    await service.start();
    expect(service.state()).toMatchObject({ phase: 'downloaded', version: '1.1.0', percent: 100, nextCheckAt: null });
    await later(2 * CHECK_EVERY_MS);
    expect(await service.check()).toMatchObject({ phase: 'downloaded' });
    expect(updater.checks).toBe(1);
  });

  it('tells the window each step: checking, found, downloading with its percent, downloaded, and raises a notice', async () => {
    const { service, updater, seen, notices } = world();
    updater.answer = downloads('1.1.0');
    await service.start();
    expect(seen.map((s) => [s.phase, s.version, s.percent])).toEqual([
      ['idle', null, null],
      ['checking', null, null],
      ['checking', null, null],
      ['available', '1.1.0', 0],
      ['downloading', '1.1.0', 42],
      ['downloaded', '1.1.0', 100],
    ]);
    expect(notices.list()).toEqual([
      expect.objectContaining({ id: 'updates.downloaded', code: 'update_downloaded', params: { version: '1.1.0' }, dismissible: true }),
    ]);
  });
});

describe('installing never happens while a letter is being sent', () => {
  it('Restart now with a letter on its way waits, stops new letters, and installs once that letter has its answer', async () => {
    const { service, updater, sending, seen } = world();
    updater.answer = downloads('1.1.0');
    await service.start();
    const letter = sending.enter();

    expect(service.restart()).toMatchObject({ phase: 'downloaded', restartPending: true, sending: 1 });
    await vi.waitFor(() => expect(sending.closed).toBe(true));
    expect(updater.installs).toBe(0);
    // The next letter of a run is refused with a reason the run reports, and waits for the next start.
    expect(() => sending.enter()).toThrow(expect.objectContaining({ code: 'app_closing' }));
    expect(letter.signal.aborted).toBe(true);
    // A second press changes nothing.
    expect(service.restart()).toMatchObject({ restartPending: true });

    letter.leave();
    await vi.waitFor(() => expect(updater.installs).toBe(1));
    expect(seen.at(-1)).toMatchObject({ restartPending: true, sending: 0 });
  });

  it('Restart now with nothing being sent installs at once', async () => {
    const { service, updater } = world();
    updater.answer = downloads('1.1.0');
    await service.start();
    service.restart();
    await vi.waitFor(() => expect(updater.installs).toBe(1));
  });

  it('is refused before a version is downloaded', async () => {
    const { service, updater } = world();
    await service.start();
    expect(() => service.restart()).toThrow(expect.objectContaining({ code: 'conflict' }));
    expect(updater.installs).toBe(0);
  });

  it('an installer that fails to start calls the restart off: letters may go again and the user reads why', async () => {
    const { service, updater, sending } = world();
    updater.answer = downloads('1.1.0');
    updater.onInstall = () => updater.tell({ kind: 'error', failure: { kind: 'other', detail: 'spawn EACCES' } });
    await service.start();
    service.restart();
    await vi.waitFor(() => expect(updater.installs).toBe(1));
    expect(service.state()).toMatchObject({ phase: 'error', restartPending: false, error: { code: 'update_failed' } });
    expect(sending.closed).toBe(false);
    expect(() => sending.enter().leave()).not.toThrow();
  });
});

describe('what the user reads', () => {
  it('a download refused for its checksum names the version, as a sentence the window translates', async () => {
    const { service, updater } = world();
    updater.answer = [
      { kind: 'available', version: '1.1.0' },
      { kind: 'error', failure: { kind: 'checksum', detail: 'sha512 checksum mismatch' } },
    ];
    await service.start();
    expect(service.state()).toMatchObject({
      phase: 'error',
      version: '1.1.0',
      error: {
        code: 'update_refused',
        key: 'updates.checksum',
        params: { version: '1.1.0' },
        message: expect.stringContaining('version 1.1.0 does not match the checksum (sha512)'),
      },
    });
  });

  it('the browser mode has no updater: unsupported, and every action says why', async () => {
    const { service } = world({ updater: null });
    await service.start();
    expect(service.state()).toMatchObject({ phase: 'unsupported', unsupportedReason: 'browser', nextCheckAt: null });
    await expect(service.check()).rejects.toMatchObject({ code: 'update_unavailable', message: expect.stringContaining('git pull') });
    await expect(service.setAuto(false)).rejects.toMatchObject({ code: 'update_unavailable' });
    expect(() => service.restart()).toThrow(expect.objectContaining({ code: 'update_unavailable' }));
  });

  it('a package that cannot replace itself is unsupported and never asks the server', async () => {
    const { service, updater } = world({ updater: new FakeUpdater('not_installable') });
    await service.start();
    expect(service.state()).toMatchObject({ phase: 'unsupported', unsupportedReason: 'not_installable' });
    expect(updater.checks).toBe(0);
  });
});

describe('the switch', () => {
  const database = useTestDatabase();

  it("is kept with the user's data: on until turned off, and off after a restart once turned off", async () => {
    const { repos } = database();
    expect(await autoUpdateSetting(repos).get()).toBe(true);
    await autoUpdateSetting(repos).set(false);
    expect(await autoUpdateSetting(repos).get()).toBe(false);
  });
});

import { EventEmitter } from 'node:events';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppImageUpdater, type AppUpdater } from 'electron-updater';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CoreEvents } from '../../../main/core/events';
import { SendingGate } from '../../../main/core/letters/sending-gate';
import { Notices } from '../../../main/core/notices';
import { silentLogger } from '../../../main/core/ports';
import type { Updater, UpdaterEvent } from '../../../main/core/updates/port';
import { UpdateService } from '../../../main/core/updates/service';
import { createElectronUpdater } from '../../../main/electron/updater';
import { fakeInstalledApp, sha512Of, startUpdateFeed, useNodeHttp } from '../../fakes/update-feed';

/**
 * electron-updater itself against a feed on 127.0.0.1, as the app sets it up (createElectronUpdater
 * with the AAA_UPDATE_FEED_URL override). The updater is Linux's own, AppImageUpdater: it runs here
 * without Electron given an app adapter and an AppImage to replace (APPIMAGE, a temporary file), and
 * it has no signature step to stub (Windows checks the installer's publisher, macOS the code
 * signature; both come after the same sha512 check this exercises).
 */

const PAYLOAD = Buffer.from('#!/bin/sh\necho "AI Auto Applier 2.0.0"\n'.repeat(500));
const FILE = 'AI-Auto-Applier-2.0.0.AppImage';

let dir: string;
let feed: Awaited<ReturnType<typeof startUpdateFeed>>;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aaa-updates-'));
  const installed = join(dir, 'AI-Auto-Applier-1.0.0.AppImage');
  await writeFile(installed, 'the installed version');
  vi.stubEnv('APPIMAGE', installed);
  feed = await startUpdateFeed({ version: '2.0.0', file: FILE, payload: PAYLOAD });
});

afterEach(async () => {
  vi.unstubAllEnvs();
  await feed.close();
  await rm(dir, { recursive: true, force: true });
});

async function installedUpdater(version = '1.0.0') {
  const installed = await fakeInstalledApp(dir, version);
  const updater = new AppImageUpdater(null, installed.app);
  useNodeHttp(updater);
  // The payload is not an AppImage with an embedded block map: the whole file is downloaded, which
  // is also where the differential path falls back to. Both end in the same sha512 check.
  updater.disableDifferentialDownload = true;
  const port = createElectronUpdater({ updater, feedUrl: feed.url, log: silentLogger });
  const events: UpdaterEvent[] = [];
  port.on((event) => events.push(event));
  return { port, events, cacheDir: installed.cacheDir, quitHandlers: installed.quitHandlers };
}

/** What lies in the updater's cache folder, every level down. */
async function cached(cacheDir: string): Promise<string[]> {
  return (await readdir(cacheDir, { recursive: true }).catch(() => [])).map(String).sort();
}

/** The core over the real adapter, as the desktop app wires it. */
function coreOver(port: Updater) {
  const events = new CoreEvents();
  return new UpdateService({
    updater: port,
    clock: { now: () => new Date('2026-03-02T09:00:00Z') },
    events,
    notices: new Notices(events),
    log: silentLogger,
    currentVersion: '1.0.0',
    sending: new SendingGate(),
    setting: { get: async () => true, set: async () => {} },
  });
}

describe('electron-updater against a local feed', () => {
  it('finds the newer version in the feed given by the override, downloads it, and reports it downloaded once its sha512 matches', async () => {
    const { port, events, cacheDir, quitHandlers } = await installedUpdater();
    expect(port.unsupported()).toBeNull();

    await port.check();
    await vi.waitFor(() => expect(events.at(-1)).toEqual({ kind: 'downloaded', version: '2.0.0' }));
    expect(events.filter((e) => e.kind !== 'progress')).toEqual([
      { kind: 'checking' },
      { kind: 'available', version: '2.0.0' },
      { kind: 'downloaded', version: '2.0.0' },
    ]);
    // The feed named by the app, not GitHub: its description for Linux, then the file.
    expect(feed.requests).toEqual([expect.stringMatching(/^\/latest-linux(-[a-z0-9]+)?\.yml$/), `/${FILE}`]);
    expect(await readFile(join(cacheDir, 'pending', FILE))).toEqual(PAYLOAD);
    // Installed at the app's quit (autoInstallOnAppQuit), which Electron reaches only after the app's own before-quit.
    expect(quitHandlers).toHaveLength(1);
  });

  it('refuses a download whose sha512 does not match latest.yml: the file is deleted, nothing is ready to install, and the user reads why', async () => {
    feed.publish({ version: '2.0.0', file: FILE, payload: PAYLOAD, sha512: sha512Of(Buffer.from('another build')) });
    const { port, events, cacheDir, quitHandlers } = await installedUpdater();
    const updates = coreOver(port);
    await updates.start();

    await vi.waitFor(() => expect(events.at(-1)).toMatchObject({ kind: 'error' }));
    expect(events.at(-1)).toEqual({
      kind: 'error',
      failure: { kind: 'checksum', version: '2.0.0', detail: expect.stringContaining('sha512 checksum mismatch') },
    });
    expect(events.some((e) => e.kind === 'downloaded')).toBe(false);
    expect((await cached(cacheDir)).filter((name) => name.endsWith('.AppImage'))).toEqual([]);
    expect(quitHandlers).toHaveLength(0);
    expect(updates.state()).toMatchObject({
      phase: 'error',
      version: '2.0.0',
      error: {
        code: 'update_refused',
        key: 'updates.checksum',
        params: { version: '2.0.0' },
        message:
          'The download of version 2.0.0 does not match the checksum (sha512) published with it, so the app deleted it and installed nothing. It tries again at the next check.',
      },
    });
  });

  it('the same version as installed is no update: nothing is downloaded', async () => {
    const { port, events } = await installedUpdater('2.0.0');
    await port.check();
    expect(events).toEqual([{ kind: 'checking' }, { kind: 'not-available', version: '2.0.0' }]);
    expect(feed.requests).toHaveLength(1);
  });

  it('a feed with no latest.yml (no release published yet) is a failure of the feed, not of the network', async () => {
    feed.publish(null);
    const { port, events } = await installedUpdater();
    await port.check();
    expect(events.at(-1)).toEqual({ kind: 'error', failure: { kind: 'feed', detail: expect.stringContaining('latest-linux') } });
  });

  it('an app that is not an AppImage (no APPIMAGE) cannot replace itself: unsupported, and the core never asks the feed', async () => {
    vi.stubEnv('APPIMAGE', undefined);
    const { port } = await installedUpdater();
    expect(port.unsupported()).toBe('not_installable');
    const updates = coreOver(port);
    await updates.start();
    expect(updates.state()).toMatchObject({ phase: 'unsupported', unsupportedReason: 'not_installable' });
    expect(feed.requests).toEqual([]);
  });
});

/**
 * electron-updater's quitAndInstall reaches for Electron's own autoUpdater, which exists only inside
 * Electron: Restart now on an AppImage is checked against a stand-in that installs as
 * AppImageUpdater does (the new file in place, its name told by 'appimage-filename-updated').
 */
class AppImageStandIn extends EventEmitter {
  autoDownload = false;
  autoInstallOnAppQuit = false;
  disableWebInstaller = false;
  logger: unknown = null;
  fails = false;
  constructor(private readonly steps: string[]) {
    super();
  }
  isUpdaterActive() {
    return true;
  }
  quitAndInstall(isSilent: boolean, isForceRunAfter: boolean) {
    this.steps.push(`install (silent: ${isSilent}, runs the new version itself: ${isForceRunAfter})`);
    if (this.fails) this.emit('error', Object.assign(new Error('mv: cannot move'), { code: 'EACCES' }));
    else this.emit('appimage-filename-updated', '/home/anna/Apps/AI-Auto-Applier-2.0.0.AppImage');
  }
}

describe('Restart now on a Linux AppImage', () => {
  const restartWith = (standIn: AppImageStandIn, steps: string[]) => {
    const port = createElectronUpdater({
      updater: standIn as unknown as AppUpdater,
      log: silentLogger,
      beforeInstall: () => steps.push('windows may close'),
      appImage: {
        file: '/home/anna/Apps/AI-Auto-Applier-1.0.0.AppImage',
        relaunch: (execPath) => steps.push(`relaunch ${execPath} after exit`),
      },
    });
    const events: UpdaterEvent[] = [];
    port.on((event) => events.push(event));
    port.quitAndInstall();
    return events;
  };

  it('installs without starting the new version itself (this instance still holds the single-instance lock) and has Electron start it after exit', () => {
    const steps: string[] = [];
    restartWith(new AppImageStandIn(steps), steps);
    expect(steps).toEqual([
      'windows may close',
      'install (silent: true, runs the new version itself: false)',
      'relaunch /home/anna/Apps/AI-Auto-Applier-2.0.0.AppImage after exit',
    ]);
  });

  it('elsewhere (Windows, macOS, a .deb) the installer runs silently and starts the new version itself', () => {
    const steps: string[] = [];
    const port = createElectronUpdater({
      updater: new AppImageStandIn(steps) as unknown as AppUpdater,
      log: silentLogger,
      beforeInstall: () => steps.push('windows may close'),
    });
    port.quitAndInstall();
    expect(steps).toEqual(['windows may close', 'install (silent: true, runs the new version itself: true)']);
  });

  it('an install that failed relaunches nothing, and the failure is told', () => {
    const steps: string[] = [];
    const standIn = new AppImageStandIn(steps);
    standIn.fails = true;
    const events = restartWith(standIn, steps);
    expect(steps).toEqual(['windows may close', 'install (silent: true, runs the new version itself: false)']);
    expect(events).toEqual([{ kind: 'error', failure: { kind: 'other', detail: 'mv: cannot move' } }]);
  });
});

import { once } from 'node:events';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { app, BrowserWindow, dialog, ipcMain, powerMonitor, protocol, resetFakeElectron, session, shell, Tray } from '../../fakes/electron';
import { defaultWasmPath, sourceWorkerEntry } from '../../../main/core/db/options';
import { defaultPreferences, memoryPreferences, silentLogger, systemClock, type PreferenceStore } from '../../../main/core/ports';
import { runDesktopApp, type DesktopApp } from '../../../main/electron/app';

let dataDir: string;
const started: DesktopApp[] = [];

const start = async (
  argv: string[] = ['electron', '.'],
  preferences: PreferenceStore = memoryPreferences(defaultPreferences(systemClock)),
) => {
  const desktop = await runDesktopApp({
    distDir: '/app/dist',
    resourcesDir: '/app/resources',
    argv,
    dataDir,
    databaseWorker: sourceWorkerEntry(),
    wasmPath: defaultWasmPath(),
    log: silentLogger,
    preferences,
    windowState: { get: () => ({}), set: () => {} },
  });
  if (desktop) started.push(desktop);
  return desktop;
};

afterEach(async () => {
  for (const desktop of started.splice(0)) await desktop.core.dispose();
  await rm(dataDir, { recursive: true, force: true });
});

const menuLabels = () => Tray.all[0]!.menu!.items.map((item) => item.label ?? item.type);
const click = (label: string) => Tray.all[0]!.menu!.click(label);

beforeEach(async () => {
  resetFakeElectron();
  dataDir = await mkdtemp(join(tmpdir(), 'aaa-desktop-'));
});

describe('desktop app lifecycle', () => {
  it('quits at once when another instance holds the lock', async () => {
    app.hasLock = false;
    expect(await start()).toBeUndefined();
    expect(app.quitCalls).toBe(1);
    expect(BrowserWindow.all).toHaveLength(0);
  });

  it('opens one hardened window on app://, registers the scheme and every channel', async () => {
    await start();
    expect(BrowserWindow.all).toHaveLength(1);
    expect(BrowserWindow.all[0]!.loadedUrl).toBe('app://renderer/index.html');
    expect(protocol.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(protocol.handlers.has('app')).toBe(true);
    expect(ipcMain.handlers.size).toBeGreaterThan(0);
  });

  it('shows the window when ready, unless started with --hidden', async () => {
    await start();
    BrowserWindow.all[0]!.emit('ready-to-show');
    expect(BrowserWindow.all[0]!.isVisible()).toBe(true);

    resetFakeElectron();
    for (const desktop of started.splice(0)) await desktop.core.dispose();
    await start(['electron', '.', '--hidden']);
    BrowserWindow.all[0]!.emit('ready-to-show');
    expect(BrowserWindow.all[0]!.isVisible()).toBe(false);
  });

  it('a second launch reveals and focuses the first window', async () => {
    await start(['electron', '.', '--hidden']);
    const window = BrowserWindow.all[0]!;
    window.minimize();
    app.emit('second-instance', {}, ['electron', '.'], '/');
    expect(window.isVisible()).toBe(true);
    expect(window.isMinimized()).toBe(false);
    expect(window.focused).toBe(true);
  });

  it('closes to the tray, and really closes after Quit', async () => {
    await start();
    const window = BrowserWindow.all[0]!;
    expect(window.simulateClose()).toBe(true);
    click('Выйти');
    expect(app.quitCalls).toBeGreaterThanOrEqual(1);
    expect(window.simulateClose()).toBe(false);
  });

  it('tray menu offers Open, Pause and Quit, and is set again after every change', async () => {
    const desktop = await start();
    expect(menuLabels()).toEqual(['Открыть', 'Приостановить автоматизацию', 'separator', 'Выйти']);
    const setsBefore = Tray.all[0]!.menuSets;

    click('Приостановить автоматизацию');
    expect(desktop!.core.pause.state().paused).toBe(true);
    expect(menuLabels()).toContain('Возобновить автоматизацию');
    expect(Tray.all[0]!.menuSets).toBe(setsBefore + 1);
    expect((Tray.all[0]!.image as { path: string }).path).toContain('tray-paused.png');

    // A change made in the window (through the contract) reaches the tray and the renderer too.
    await desktop!.core.invoke('automation.setPaused', { paused: false });
    expect(menuLabels()).toContain('Приостановить автоматизацию');
    // The switch's own event (a 'data.changed' for the same call follows it).
    expect(BrowserWindow.all[0]!.webContents.sent.findLast((m) => m.channel === 'event:automation.changed')).toMatchObject({
      payload: { paused: false },
    });
  });

  it("sends the core's events to its own window only, never to an hh.ru window that is open", async () => {
    const desktop = await start();
    const opened = desktop!.core.invoke('hh.openPage', { url: 'https://hh.ru/account/captcha?state=1' });
    const hhWindow = await vi.waitFor(() => {
      const found = BrowserWindow.all.find((window) => window.options.webPreferences?.partition === 'persist:hh');
      if (!found) throw new Error('no hh.ru window yet');
      return found;
    });
    await desktop!.core.invoke('automation.setPaused', { paused: true });
    expect(BrowserWindow.all[0]!.webContents.sent.findLast((m) => m.channel === 'event:automation.changed')).toMatchObject({
      payload: { paused: true },
    });
    expect(hhWindow.webContents.sent).toEqual([]);
    hhWindow.close();
    await opened;
  });

  it('labels the tray in the user language', async () => {
    await start([], memoryPreferences({ ...defaultPreferences(systemClock), language: 'en' }));
    expect(menuLabels()).toEqual(['Open', 'Pause automation', 'separator', 'Quit']);
  });

  it('the tray tooltip says what was sent, what is left and when the next run is', async () => {
    await start();
    await vi.waitFor(() =>
      expect(Tray.all[0]!.tooltip).toMatch(/^AI Auto Applier \(отправлено за сутки 0, осталось \d+, следующий запуск \d\d:\d\d\)$/),
    );
  });

  it("an engine notification becomes an OS notification in the user's language; clicking it shows the window", async () => {
    const desktop = await start(['electron', '.', '--hidden']);
    const { Notification } = await import('../../fakes/electron');
    (desktop!.core.events as { emit(name: string, payload: unknown): void }).emit('automation.notify', { kind: 'captcha', params: {} });
    expect(Notification.shown.map((n) => n.options)).toEqual([{ title: 'hh.ru просит капчу', body: expect.stringContaining('капчу') }]);
    Notification.shown[0]!.emit('click');
    expect(BrowserWindow.all[0]!.visible).toBe(true);
  });

  it('relabels the tray when the user switches language in the window', async () => {
    const desktop = await start();
    await desktop!.core.invoke('preferences.set', { language: 'en' });
    expect(menuLabels()).toEqual(['Open', 'Pause automation', 'separator', 'Quit']);
  });

  it('saves every pending write before quitting, then quits', async () => {
    const desktop = await start();
    await desktop!.core.invoke('profile.set', { name: 'Анна', email: 'anna@example.ru', phone: '', telegram: '', links: [] });
    app.quit();
    // The first quit was held back for the save; the save then quit for real.
    expect(app.quitCalls).toBe(1);
    await once(app, 'before-quit');
    expect(app.quitCalls).toBe(2);
    started.splice(0);
    resetFakeElectron();
    const reopened = await start();
    expect(await reopened!.core.invoke('profile.get', {})).toMatchObject({ ok: true, value: { name: 'Анна' } });
  });

  it('flushes on suspend', async () => {
    const desktop = await start();
    let flushes = 0;
    let onFlushed!: () => void;
    const flushed = new Promise<void>((resolve) => (onFlushed = resolve));
    const original = desktop!.core.flush;
    (desktop!.core as { flush: () => Promise<void> }).flush = async () => {
      await original();
      flushes += 1;
      onFlushed();
    };
    powerMonitor.emit('suspend');
    await flushed;
    expect(flushes).toBe(1);
  });

  it('hardens every window made later by any code, and the default session saves no download', async () => {
    const desktop = await start();
    expect(desktop).toBeDefined();
    expect(session.defaultSession.simulate('will-download', {}, {})).toBe(true);
    const later = new BrowserWindow();
    expect(later.webContents.windowOpenHandler!({ url: 'https://hh.ru/' })).toEqual({ action: 'deny' });
    expect(later.webContents.simulate('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(later.webContents.session.simulate('will-download', {}, {})).toBe(true);
  });

  it('with damaged data and no backup, asks the user and quits unless they choose empty data (the folder opens on request, and the question comes again)', async () => {
    await writeFile(join(dataDir, 'app.sqlite'), 'this is not a database');
    dialog.nextResponse = 0;
    expect(await start()).toBeUndefined();
    expect(dialog.shown[0]?.detail).toContain('damaged');
    expect(BrowserWindow.all).toHaveLength(0);

    resetFakeElectron();
    await writeFile(join(dataDir, 'app.sqlite'), 'still not a database');
    // "Open the data folder", then "Start with empty data".
    dialog.responses = [1, 2];
    const desktop = await start();
    expect(desktop).toBeDefined();
    expect(shell.openedPaths).toEqual([dataDir]);
    expect(dialog.shown).toHaveLength(2);
    expect(BrowserWindow.all).toHaveLength(1);
    // The damaged file was kept aside, not deleted.
    expect((await readdir(dataDir)).some((name) => name.startsWith('app.sqlite.damaged-'))).toBe(true);
    // What support will ask about is in the log file.
    expect(await readFile(join(dataDir, 'logs', 'app.log'), 'utf8')).toMatch(/\[error\] the data could not be opened .*damaged/);
  });

  it('writes its log to logs/app.log in the data folder, and "Open the logs folder" opens that folder', async () => {
    const desktop = (await start())!;
    expect(await readFile(join(dataDir, 'logs', 'app.log'), 'utf8')).toMatch(
      /\[info\] AI Auto Applier started \{"version":"[^"]+","shell":"electron"/,
    );

    const opened = await desktop.core.invoke('support.openLogs', {});
    expect(opened).toEqual({ ok: true, value: { path: join(dataDir, 'logs'), outcome: 'opened' } });
    expect(shell.openedPaths).toEqual([join(dataDir, 'logs')]);
  });
});

describe("the desktop app's updates", () => {
  it('run from the source folder (not packaged), it has no updater: Settings says so, and electron-updater is never asked', async () => {
    const desktop = await start();
    expect(await desktop!.core.invoke('updates.get', {})).toEqual({
      ok: true,
      value: expect.objectContaining({ phase: 'unsupported', unsupportedReason: 'not_packaged' }),
    });
    expect(await desktop!.core.invoke('updates.check', {})).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'update_unavailable', message: expect.stringContaining('npm start') }),
    });
  });
});

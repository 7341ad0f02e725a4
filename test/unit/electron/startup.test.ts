import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { app, BrowserWindow, dialog, resetFakeElectron, Tray } from '../../fakes/electron';
import { defaultWasmPath, sourceWorkerEntry } from '../../../main/core/db/options';
import { defaultPreferences, memoryPreferences, silentLogger, systemClock, type PreferenceStore } from '../../../main/core/ports';
import { runDesktopApp, type DesktopApp } from '../../../main/electron/app';
import { ok } from '../../support/contract';

let dir: string;
const started: DesktopApp[] = [];
const autostart = () => join(dir, 'config', 'autostart', 'ai-auto-applier.desktop');

const start = async (platform: NodeJS.Platform, options: { argv?: string[]; preferences?: PreferenceStore } = {}) => {
  const desktop = await runDesktopApp({
    distDir: '/app/dist',
    resourcesDir: '/app/resources',
    argv: options.argv ?? ['electron', '.'],
    platform,
    autostartFile: autostart(),
    dataDir: dir,
    databaseWorker: sourceWorkerEntry(),
    wasmPath: defaultWasmPath(),
    log: silentLogger,
    preferences: options.preferences ?? memoryPreferences(defaultPreferences(systemClock)),
    windowState: { get: () => ({}), set: () => {} },
  });
  if (!desktop) throw new Error(`the app did not start: ${JSON.stringify(dialog.shown)} quit=${app.quitCalls}`);
  started.push(desktop);
  return desktop;
};

beforeEach(async () => {
  resetFakeElectron();
  dir = await mkdtemp(join(tmpdir(), 'aaa-startup-'));
});
afterEach(async () => {
  for (const desktop of started.splice(0)) await desktop.core.dispose();
  await rm(dir, { recursive: true, force: true });
});

const mainWindow = () => BrowserWindow.all[0]!;
const trayImage = () => (Tray.all[0]!.image as { path: string }).path;

describe('each OS gets its own icons and identity', () => {
  it("Windows: the AppUserModelId is electron-builder's appId, icons are .ico", async () => {
    await start('win32');
    expect(app.appUserModelId).toBe('ru.aiautoapplier.desktop');
    expect(mainWindow().options.icon).toBe(join('/app/resources', 'icons', 'icon.ico'));
    expect(trayImage()).toBe(join('/app/resources', 'icons', 'tray.ico'));
  });

  it('macOS: the tray is a template image; Linux: PNG; neither sets an AppUserModelId', async () => {
    await start('darwin');
    expect(trayImage()).toBe(join('/app/resources', 'icons', 'trayTemplate.png'));
    for (const desktop of started.splice(0)) await desktop.core.dispose();
    resetFakeElectron();
    await start('linux');
    expect(trayImage()).toBe(join('/app/resources', 'icons', 'tray.png'));
    expect(mainWindow().options.icon).toBe(join('/app/resources', 'icons', 'icon.png'));
    expect(app.appUserModelId).toBeUndefined();
  });
});

describe('macOS in tray-only mode', () => {
  it('started hidden, the app is not in the Dock; showing the window brings it back, closing to the tray hides it again', async () => {
    await start('darwin', { argv: ['electron', '.', '--hidden'] });
    expect(app.dock.hidden).toBe(true);
    mainWindow().emit('ready-to-show');
    expect(app.dock.hidden).toBe(true);
    app.emit('second-instance');
    expect(app.dock.hidden).toBe(false);
    expect(mainWindow().simulateClose()).toBe(true);
    expect(app.dock.hidden).toBe(true);
  });

  it('opened at login with "start in the tray" on, it stays hidden (macOS passes no --hidden)', async () => {
    const preferences = memoryPreferences({ ...defaultPreferences(systemClock), startHidden: true });
    app.wasOpenedAtLogin = true;
    await start('darwin', { preferences });
    mainWindow().emit('ready-to-show');
    expect(mainWindow().isVisible()).toBe(false);
    expect(app.dock.hidden).toBe(true);
  });

  it('started by the user, it shows and stays in the Dock', async () => {
    await start('darwin', { preferences: memoryPreferences({ ...defaultPreferences(systemClock), startHidden: true }) });
    mainWindow().emit('ready-to-show');
    expect(mainWindow().isVisible()).toBe(true);
    expect(app.dock.hidden).toBe(false);
  });

  it('other systems leave the Dock alone', async () => {
    await start('linux', { argv: ['electron', '.', '--hidden'] });
    expect(app.dock.hidden).toBe(false);
  });
});

describe('start at login from Settings (app.startup.*)', () => {
  it('Linux: an XDG autostart entry that starts the app in the tray; off removes it', async () => {
    const { core } = await start('linux');
    expect(ok(await core.invoke('app.startup.get', {}))).toEqual({ supported: true, openAtLogin: false, startHidden: false });
    expect(ok(await core.invoke('app.startup.set', { openAtLogin: true, startHidden: true }))).toEqual({
      supported: true,
      openAtLogin: true,
      startHidden: true,
    });
    const entry = await readFile(autostart(), 'utf8');
    expect(entry).toMatch(/^\[Desktop Entry\]\nType=Application\nName=AI Auto Applier\n/);
    expect(entry).toMatch(/^Exec=.* --hidden$/m);
    if (process.platform !== 'win32') expect((await stat(autostart())).mode & 0o777).toBe(0o644);

    ok(await core.invoke('app.startup.set', { openAtLogin: true, startHidden: false }));
    expect(await readFile(autostart(), 'utf8')).not.toContain('--hidden');
    ok(await core.invoke('app.startup.set', { openAtLogin: false, startHidden: false }));
    await expect(stat(autostart())).rejects.toThrow(/ENOENT/);
    expect(ok(await core.invoke('app.startup.get', {}))).toMatchObject({ openAtLogin: false });
    expect(((await core.invoke('audit.list', { limit: 1, offset: 0 })) as { value: { items: unknown[] } }).value.items[0]).toMatchObject({
      action: 'app.startup',
      details: 'off',
    });
  });

  it('Windows: a login item started with --hidden when the app is to stay in the tray', async () => {
    const { core } = await start('win32');
    ok(await core.invoke('app.startup.set', { openAtLogin: true, startHidden: true }));
    expect(app.loginItemCalls.at(-1)).toEqual({ openAtLogin: true, args: ['--hidden'] });
    expect(ok(await core.invoke('app.startup.get', {}))).toEqual({ supported: true, openAtLogin: true, startHidden: true });
    ok(await core.invoke('app.startup.set', { openAtLogin: true, startHidden: false }));
    expect(app.loginItemCalls.at(-1)).toEqual({ openAtLogin: true, args: [] });
    expect(ok(await core.invoke('app.startup.get', {}))).toEqual({ supported: true, openAtLogin: true, startHidden: false });
  });

  it('macOS: a login item; "in the tray" is the app\'s own preference', async () => {
    const { core } = await start('darwin');
    ok(await core.invoke('app.startup.set', { openAtLogin: true, startHidden: true }));
    expect(app.loginItemCalls.at(-1)).toEqual({ openAtLogin: true });
    expect(ok(await core.invoke('app.startup.get', {}))).toEqual({ supported: true, openAtLogin: true, startHidden: true });
  });
});

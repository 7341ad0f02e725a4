import { beforeEach, describe, expect, it } from 'vitest';
import { app, BrowserWindow, ipcMain, protocol, resetFakeElectron, Tray } from '../../fakes/electron';
import { defaultPreferences, memoryPreferences, silentLogger, systemClock } from '../../../main/core/ports';
import { runDesktopApp } from '../../../main/electron/app';

const start = (argv: string[] = ['electron', '.']) =>
  runDesktopApp({
    distDir: '/app/dist',
    resourcesDir: '/app/resources',
    argv,
    log: silentLogger,
    preferences: memoryPreferences(defaultPreferences(systemClock)),
  });

const menuLabels = () => Tray.all[0]!.menu!.items.map((item) => item.label ?? item.type);
const click = (label: string) => Tray.all[0]!.menu!.items.find((item) => item.label === label)!.click!();

beforeEach(() => resetFakeElectron());

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
    expect(app.quitCalls).toBe(1);
    expect(window.simulateClose()).toBe(false);
  });

  it('tray menu offers Open, Pause and Quit, and is set again after every change', async () => {
    const desktop = await start();
    expect(menuLabels()).toEqual(['Открыть', 'Приостановить автоматизацию', 'separator', 'Выйти']);
    const setsBefore = Tray.all[0]!.menuSets;

    click('Приостановить автоматизацию');
    expect(desktop!.core.automation.state().paused).toBe(true);
    expect(menuLabels()).toContain('Возобновить автоматизацию');
    expect(Tray.all[0]!.menuSets).toBe(setsBefore + 1);
    expect((Tray.all[0]!.image as { path: string }).path).toContain('tray-paused.png');

    // A change made in the window (through the contract) reaches the tray and the renderer too.
    await desktop!.core.invoke('automation.setPaused', { paused: false });
    expect(menuLabels()).toContain('Приостановить автоматизацию');
    expect(BrowserWindow.all[0]!.webContents.sent.at(-1)).toMatchObject({ channel: 'event:automation.changed', payload: { paused: false } });
  });

  it('labels the tray in the user language', async () => {
    const preferences = memoryPreferences({ ...defaultPreferences(systemClock), language: 'en' });
    await runDesktopApp({ distDir: '/app/dist', resourcesDir: '/app/resources', argv: [], log: silentLogger, preferences });
    expect(menuLabels()).toEqual(['Open', 'Pause automation', 'separator', 'Quit']);
  });

  it('relabels the tray when the user switches language in the window', async () => {
    const desktop = await start();
    await desktop!.core.invoke('preferences.set', { language: 'en' });
    expect(menuLabels()).toEqual(['Open', 'Pause automation', 'separator', 'Quit']);
  });
});

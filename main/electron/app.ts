import { join } from 'node:path';
import { app, BrowserWindow, ipcMain, protocol } from 'electron';
import { ipcEventChannel } from '../../shared/contract';
import { createCore, type Core } from '../core';
import type { Logger, PreferenceStore } from '../core/ports';
import { systemClock } from '../core/ports';
import { registerHandlers } from './ipc';
import { createElectronPreferences } from './preferences';
import { registerAppScheme, serveRenderer } from './protocol';
import { APP_ORIGIN } from './security';
import { createTray, type AppTray } from './tray';
import { createMainWindow, revealWindow } from './windows';

export interface DesktopOptions {
  /** Folder with main.cjs, preload.cjs and renderer/ (dist/ in a build). */
  distDir: string;
  resourcesDir: string;
  argv: readonly string[];
  /** Set by `npm run dev`: the renderer comes from Vite's dev server instead of app://. */
  devServerUrl?: string;
  log?: Logger;
  preferences?: PreferenceStore;
}

export interface DesktopApp {
  core: Core;
  window: () => BrowserWindow | undefined;
  tray: () => AppTray | undefined;
}

const consoleLogger: Logger = {
  info: (m, d) => console.info(m, d ?? ''),
  warn: (m, d) => console.warn(m, d ?? ''),
  error: (m, d) => console.error(m, d ?? ''),
};

/**
 * Wires core to Electron. Returns undefined when another instance already runs: that one is
 * focused instead (through its 'second-instance' handler) and this one quits.
 */
export async function runDesktopApp(options: DesktopOptions): Promise<DesktopApp | undefined> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return undefined;
  }
  registerAppScheme(protocol);

  const log = options.log ?? consoleLogger;
  const startHidden = options.argv.includes('--hidden');
  const trustedOrigins = options.devServerUrl ? [APP_ORIGIN, new URL(options.devServerUrl).origin] : [APP_ORIGIN];
  let quitting = false;
  // Filled once the app is ready; a second launch can arrive before that.
  const ui: { window?: BrowserWindow; tray?: AppTray } = {};

  const showWindow = () => {
    if (ui.window && !ui.window.isDestroyed()) revealWindow(ui.window);
  };
  app.on('second-instance', showWindow);
  app.on('before-quit', () => {
    quitting = true;
  });
  // The tray keeps the app alive with every window closed; quitting is explicit.
  app.on('window-all-closed', () => {});

  await app.whenReady();
  const preferences = options.preferences ?? (await createElectronPreferences(systemClock));
  const core = createCore({
    clock: systemClock,
    log,
    preferences,
    identity: { name: app.getName(), version: app.getVersion(), shell: 'electron', platform: process.platform },
  });

  serveRenderer(protocol, join(options.distDir, 'renderer'));
  registerHandlers(ipcMain, core, trustedOrigins);

  ui.window = createMainWindow({
    preload: join(options.distDir, 'preload', 'preload.cjs'),
    url: options.devServerUrl ?? `${APP_ORIGIN}/index.html`,
    icon: join(options.resourcesDir, 'icons', 'icon.png'),
    trustedOrigins,
    startHidden,
    isQuitting: () => quitting,
  });

  core.events.onAny((name, payload) => {
    for (const window of BrowserWindow.getAllWindows()) {
      if (!window.isDestroyed()) window.webContents.send(ipcEventChannel(name), payload);
    }
  });

  ui.tray = createTray(
    { active: join(options.resourcesDir, 'icons', 'tray.png'), paused: join(options.resourcesDir, 'icons', 'tray-paused.png') },
    {
      open: showWindow,
      togglePause: () => core.automation.toggle(),
      quit: () => {
        quitting = true;
        app.quit();
      },
    },
  );
  const refreshTray = () => ui.tray?.update(core.automation.state(), preferences.get().language);
  refreshTray();
  core.events.on('automation.changed', refreshTray);
  core.events.on('preferences.changed', refreshTray);

  return { core, window: () => ui.window, tray: () => ui.tray };
}

import { printPdf, saveFileWith } from './export-files';
import { openErrorDialog } from './open-error';
import { join } from 'node:path';
import { app, dialog, ipcMain, powerMonitor, protocol, session, shell, type BrowserWindow } from 'electron';
import type { OpenChoice } from '../core/db/open-choices';
import { createCore, type Core } from '../core';
import { nodeScheduleTimer } from '../core/automation/minute-timer';
import { hhSiteUrlFrom } from '../core/hh/website/site';
import { createLocalApiListener } from '../core/local-api/listener';
import type { WorkerEntry } from '../core/db/client';
import type { Logger, PreferenceStore } from '../core/ports';
import type { Updater } from '../core/updates/port';
import { systemClock } from '../core/ports';
import { createRedactor, loadAppEnv, readAppEnv, redactingLogger, secretEnvValues, type Redactor } from '../core/secrets';
import { createFileLogger } from '../core/support/file-logger';
import { logsDirOf } from '../core/support/log-files';
import { teeLogger } from '../core/support/tee-logger';
import { createHhSignInWindow } from './hh-window';
import { createHhWebSession } from './hh-web-session';
import { forwardEvents, registerHandlers } from './ipc';
import { createElectronPreferences, createWindowStateStore } from './preferences';
import { registerAppScheme, serveRenderer } from './protocol';
import { createSafeStorageCipher } from './safe-storage-cipher';
import { APP_ORIGIN, hardenAnyWebContents, refuseDownloads } from './security';
import { showNotification } from './notifications';
import { createTray, type AppTray, type TraySummary } from './tray';
import { APP_ID, desktopLayout } from '../core/app/desktop-layout';
import { autostartFile } from '../core/app/linux-autostart';
import { dockFollowsWindow } from './dock';
import { createStartupPort, relaunchCommand, startsHidden } from './login-item';
import { createMainWindow, revealWindow } from './windows';
import type { WindowStateStore } from './window-state';
import { createElectronUpdater, sourceFolderUpdater } from './updater';

export interface DesktopOptions {
  /** Folder with main/, preload/ and renderer/ (dist/ in a build). */
  distDir: string;
  resourcesDir: string;
  argv: readonly string[];
  /** Defaults to this machine's; tests play another OS. */
  platform?: NodeJS.Platform;
  /** The XDG autostart file on Linux; defaults to the user's. */
  autostartFile?: string;
  /** Set by `npm run dev`: the renderer comes from Vite's dev server instead of app://. */
  devServerUrl?: string;
  /** Defaults to Electron's userData folder. */
  dataDir?: string;
  /** Defaults to the built worker beside main.cjs (unpacked from the asar archive). */
  databaseWorker?: WorkerEntry;
  wasmPath?: string;
  /** Where lines go besides the log file in the data folder; defaults to the console. */
  log?: Logger;
  preferences?: PreferenceStore;
  windowState?: WindowStateStore;
  /** Defaults to electron-updater in a packaged app (GitHub Releases, or AAA_UPDATE_FEED_URL) and to none from the source folder. */
  updater?: Updater;
}

export interface DesktopApp {
  core: Core;
  /** The Local API's listener (closed on quit). */
  localApi: { close(): Promise<void> };
  window: () => BrowserWindow | undefined;
  tray: () => AppTray | undefined;
}

const consoleLogger: Logger = {
  info: (m, d) => console.info(m, d ?? ''),
  warn: (m, d) => console.warn(m, d ?? ''),
  error: (m, d) => console.error(m, d ?? ''),
};

/** Sent and left in the rolling 24 hours and the next run, for the tray's tooltip. */
async function traySummary(core: Core, language: 'ru' | 'en'): Promise<TraySummary | undefined> {
  const [cap, status] = await Promise.all([core.invoke('applying.status', {}), core.invoke('automation.status', {})]);
  if (!cap.ok || !status.ok) return undefined;
  const { sentLast24h, remaining } = cap.value as { sentLast24h: number; remaining: number };
  const { nextRunAt } = status.value as { nextRunAt: string | null };
  const nextRun = nextRunAt
    ? new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'ru-RU', { hour: '2-digit', minute: '2-digit' }).format(new Date(nextRunAt))
    : null;
  return { sent: sentLast24h, left: remaining, nextRun };
}

/** How the next attempt opens the data, after the user's choice in the dialog. */
type OpenAttempt = { onDamagedWithoutBackup: 'fail' | 'start-empty'; restoreBackup: boolean };

/**
 * The core cannot open the user's data. Never start empty or restore behind the user's back: say
 * what happened and offer what fits the failure (open-choices.ts). "Open the data folder" opens it
 * and asks again; a choice that fails in turn is said the same way.
 */
async function openCoreOrAsk(
  start: (attempt: OpenAttempt) => Promise<Core>,
  language: 'ru' | 'en',
  dataDir: string,
  log: Logger,
): Promise<Core | undefined> {
  let attempt: OpenAttempt = { onDamagedWithoutBackup: 'fail', restoreBackup: false };
  for (;;) {
    try {
      return await start(attempt);
    } catch (err) {
      // Support asks for the log when the data would not open: the reason must be in it.
      log.error('the data could not be opened', { attempt, error: err instanceof Error ? err.message : String(err) });
      let choice: OpenChoice | 'quit';
      do {
        const { dialog: box, choices } = openErrorDialog(err, language);
        const { response } = await dialog.showMessageBox(box);
        choice = choices[response - 1] ?? 'quit';
        if (choice === 'open_folder') await shell.openPath(dataDir);
      } while (choice === 'open_folder');
      if (choice === 'quit') return undefined;
      attempt =
        choice === 'start_empty'
          ? { onDamagedWithoutBackup: 'start-empty', restoreBackup: false }
          : { onDamagedWithoutBackup: 'fail', restoreBackup: true };
    }
  }
}

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
  const platform = options.platform ?? process.platform;
  // Notifications on Windows belong to the app whose id the installer's shortcut carries.
  if (platform === 'win32') app.setAppUserModelId(APP_ID);

  // The log file lives in the data folder, beside the data it describes; the core fills the redactor it writes through.
  const dataDir = options.dataDir ?? app.getPath('userData');
  const redactor: Redactor = createRedactor();
  const shellLog = teeLogger(options.log ?? consoleLogger, createFileLogger({ dir: logsDirOf(dataDir), redactor, appName: app.getName() }));
  const log = redactingLogger(shellLog, redactor);
  log.info('AI Auto Applier started', {
    version: app.getVersion(),
    shell: 'electron',
    platform,
    electron: process.versions.electron ?? null,
  });
  const layout = desktopLayout({ distDir: options.distDir, resourcesDir: options.resourcesDir, platform });
  const trustedOrigins = options.devServerUrl ? [APP_ORIGIN, new URL(options.devServerUrl).origin] : [APP_ORIGIN];
  let quitting = false;
  // Filled once the app is ready; a second launch can arrive before that.
  const ui: { window?: BrowserWindow; tray?: AppTray } = {};

  const showWindow = () => {
    if (ui.window && !ui.window.isDestroyed()) revealWindow(ui.window);
  };
  app.on('second-instance', showWindow);
  // The tray keeps the app alive with every window closed; quitting is explicit.
  app.on('window-all-closed', () => {});

  // Before any window exists: every web contents made from now on, by any code, is hardened, and the
  // default session (the main and PDF windows') saves nothing by itself.
  app.on('web-contents-created', (_event, contents) => hardenAnyWebContents(contents));
  await app.whenReady();
  refuseDownloads(session.defaultSession);
  const preferences = options.preferences ?? (await createElectronPreferences(systemClock));
  const startHidden = startsHidden(options.argv, platform, preferences);
  // Developers keep settings in .env beside the project; an installed app reads only its environment.
  const env = app.isPackaged ? readAppEnv(process.env) : await loadAppEnv(join(options.distDir, '..', '.env'));
  for (const value of secretEnvValues(env)) redactor.addSecret(value);
  const hhSite = hhSiteUrlFrom(env);
  const cipher = createSafeStorageCipher({ acceptWeakProtection: () => preferences.get().weakProtectionAccepted });
  const updater =
    options.updater ??
    (app.isPackaged
      ? createElectronUpdater({
          // Loaded only here: electron-updater picks this OS's updater (NSIS, Squirrel.Mac, AppImage or deb) when first asked.
          updater: (await import('electron-updater')).autoUpdater,
          feedUrl: env.AAA_UPDATE_FEED_URL,
          log,
          // The updater quits the app itself: the main window must close, not hide in the tray.
          beforeInstall: () => (quitting = true),
          appImage: process.env.APPIMAGE ? { file: process.env.APPIMAGE, relaunch: (execPath) => app.relaunch({ execPath }) } : undefined,
        })
      : sourceFolderUpdater);
  const core = await openCoreOrAsk(
    ({ onDamagedWithoutBackup, restoreBackup }) =>
      createCore({
        clock: systemClock,
        log: shellLog,
        redactor,
        preferences,
        identity: { name: app.getName(), version: app.getVersion(), shell: 'electron', platform: process.platform },
        cipher,
        env,
        resourcesDir: options.resourcesDir,
        hhSignInWindow: createHhSignInWindow({ siteUrl: hhSite, parent: () => ui.window }),
        hhWebSession: createHhWebSession(hhSite),
        minuteTimer: nodeScheduleTimer,
        printPdf,
        saveFile: saveFileWith(() => ui.window),
        openFolder: (path) => shell.openPath(path),
        updater,
        startup: createStartupPort({
          platform,
          preferences,
          exec: relaunchCommand(),
          autostartFile: options.autostartFile ?? autostartFile(),
        }),
        storage: {
          dataDir,
          worker: options.databaseWorker ?? { file: layout.worker },
          wasmPath: options.wasmPath ?? layout.wasm,
          onDamagedWithoutBackup,
          restoreBackup,
        },
      }),
    preferences.get().language,
    dataDir,
    log,
  );
  if (!core) {
    app.quit();
    return undefined;
  }

  // Settings → Local API: a loopback server while it is on (and now, if the user left it on).
  const localApi = createLocalApiListener({ core, log: core.log, server: { docsDir: layout.docs, version: app.getVersion() } });
  core.localApi.useListener(localApi);
  void core.localApi.resume().catch((err: unknown) => log.warn('could not start the Local API', { error: String(err) }));

  // Quitting waits for the last writes to reach the disk, once.
  let flushedForQuit = false;
  app.on('before-quit', (event) => {
    quitting = true;
    if (flushedForQuit) return;
    event.preventDefault();
    flushedForQuit = true;
    void localApi
      .close()
      .then(() => core.dispose())
      .catch((err: unknown) => log.error('could not save data on quit', { error: String(err) }))
      .finally(() => app.quit());
  });
  for (const moment of ['suspend', 'shutdown', 'lock-screen'] as const) {
    powerMonitor.on(moment as 'suspend', () => {
      void core.flush().catch((err: unknown) => log.error(`could not save data on ${moment}`, { error: String(err) }));
    });
  }
  // Back from sleep: each job that came due meanwhile runs once, now, not at the next minute.
  powerMonitor.on(
    'resume',
    () => void core.wake().catch((err: unknown) => log.warn('could not catch up after sleep', { error: String(err) })),
  );

  serveRenderer(protocol, layout.renderer);
  registerHandlers(ipcMain, core, trustedOrigins, core.log);

  ui.window = createMainWindow({
    preload: layout.preload,
    url: options.devServerUrl ?? `${APP_ORIGIN}/index.html`,
    icon: layout.windowIcon,
    trustedOrigins,
    startHidden,
    isQuitting: () => quitting,
    windowState: options.windowState ?? (await createWindowStateStore()),
  });

  if (platform === 'darwin') dockFollowsWindow(ui.window, app.dock, startHidden);
  forwardEvents(core, () => ui.window);

  ui.tray = createTray(layout.trayIcons, {
    open: showWindow,
    togglePause: () => core.pause.toggle(),
    quit: () => {
      quitting = true;
      app.quit();
    },
  });
  const refreshTray = () => {
    const language = preferences.get().language;
    ui.tray?.update(core.pause.state(), language);
    // The numbers come from the core a moment later; the menu is right at once.
    void traySummary(core, language)
      .then((summary) => ui.tray?.update(core.pause.state(), language, summary))
      .catch((err: unknown) => log.warn('could not read the tray summary', { error: String(err) }));
  };
  refreshTray();
  core.events.on('automation.changed', refreshTray);
  core.events.on('preferences.changed', refreshTray);
  core.events.on('automation.jobFinished', refreshTray);
  core.events.on('automation.notify', (notification) => showNotification(notification, preferences.get().language, showWindow));

  return { core, localApi, window: () => ui.window, tray: () => ui.tray };
}

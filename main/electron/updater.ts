import type { AppUpdater } from 'electron-updater';
import type { Logger } from '../core/ports';
import type { Updater, UpdaterEvent } from '../core/updates/port';
import { updateFailureOf } from './update-failure';

export interface ElectronUpdaterOptions {
  /** electron-updater's updater for this OS (`autoUpdater`); tests build one over a fake app and a local feed. */
  updater: AppUpdater;
  /**
   * Where updates come from instead of the GitHub Releases written into app-update.yml at build time
   * (AAA_UPDATE_FEED_URL): a folder with latest.yml served over http(s), for testing a build.
   */
  feedUrl?: string;
  log: Logger;
  /** Just before the updater quits the app: windows that hide on close (the tray) must close this time. */
  beforeInstall?: () => void;
  /**
   * Linux AppImage: the file the app runs from (APPIMAGE) and Electron's relaunch. electron-updater
   * would start the new AppImage at once, while this instance still holds the single-instance lock
   * and is closing its database: the new one would find the lock taken and quit. Electron starts it
   * once this process has exited instead.
   */
  appImage?: { file: string; relaunch(execPath: string): void };
}

/**
 * The core's Updater over electron-updater. The core decides when to check and when to install;
 * here a found version downloads by itself in the background (autoDownload), sha512-checked by
 * electron-updater against latest.yml (and, on Windows, the installer's signature against the
 * publisher in app-update.yml; on macOS, Squirrel.Mac checks the new app's code signature).
 */
export function createElectronUpdater(options: ElectronUpdaterOptions): Updater {
  const { updater, log } = options;
  updater.autoDownload = true;
  // A downloaded update installs at Electron's quit event, which comes only after the app's own
  // before-quit has finished, and that waits for every letter on its way to hh.ru (core.dispose).
  updater.autoInstallOnAppQuit = true;
  // NSIS web installers can carry packages with no signature check of their own: the app ships full installers only.
  updater.disableWebInstaller = true;
  updater.logger = {
    info: (message?: unknown) => log.info(`updater: ${String(message)}`),
    warn: (message?: unknown) => log.warn(`updater: ${String(message)}`),
    error: (message?: unknown) => log.error(`updater: ${String(message)}`),
  };
  if (options.feedUrl) {
    log.warn('updates come from the address in AAA_UPDATE_FEED_URL, not from GitHub Releases', { feed: options.feedUrl });
    updater.setFeedURL({ provider: 'generic', url: options.feedUrl });
  }

  let appImageFile = options.appImage?.file;
  // The new version keeps the old file's name only when that name carries no version.
  if (options.appImage) updater.on('appimage-filename-updated', (file) => (appImageFile = file));

  const listeners = new Set<(event: UpdaterEvent) => void>();
  const tell = (event: UpdaterEvent) => listeners.forEach((listener) => listener(event));
  // The version a download failure is about (a checksum refused names it).
  let found: string | undefined;
  updater.on('checking-for-update', () => {
    found = undefined;
    tell({ kind: 'checking' });
  });
  updater.on('update-available', (info) => {
    found = info.version;
    tell({ kind: 'available', version: info.version });
  });
  updater.on('update-not-available', (info) => tell({ kind: 'not-available', version: info.version }));
  updater.on('download-progress', (progress) => tell({ kind: 'progress', percent: progress.percent }));
  updater.on('update-downloaded', (event) => tell({ kind: 'downloaded', version: event.version }));
  updater.on('error', (error) => tell({ kind: 'error', failure: updateFailureOf(error, found) }));

  return {
    unsupported: () => (updater.isUpdaterActive() ? null : 'not_installable'),
    check: async () => {
      try {
        const result = await updater.checkForUpdates();
        // The download goes on in the background; its failure arrives as an 'error' event.
        result?.downloadPromise?.catch(() => {});
      } catch {
        // Already told: electron-updater emits 'error' for a failed check before rejecting.
      }
    },
    quitAndInstall: () => {
      options.beforeInstall?.();
      // The install itself runs inside this call; a failure is told as an 'error' (and nothing quits).
      let failed = false;
      const onError = () => (failed = true);
      updater.on('error', onError);
      try {
        // Silent: the Windows installer runs without its wizard (the user already chose Restart now)
        // and starts the app after; macOS ignores both. An AppImage is started by Electron, below.
        updater.quitAndInstall(true, !options.appImage);
      } finally {
        updater.off('error', onError);
      }
      if (options.appImage && appImageFile && !failed) options.appImage.relaunch(appImageFile);
    },
    on: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** A run from the source folder (npm start, npm run dev): electron-updater refuses to work there, and git pull is the update. */
export const sourceFolderUpdater: Updater = {
  unsupported: () => 'not_packaged',
  check: async () => {},
  quitAndInstall: () => {},
  on: () => () => {},
};

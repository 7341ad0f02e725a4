import { app } from 'electron';
import { linuxAutostart } from '../core/app/linux-autostart';
import type { PreferenceStore, StartupPort } from '../core/ports';

export interface StartupOptions {
  platform: NodeJS.Platform;
  preferences: PreferenceStore;
  /** How to start this app again: the AppImage, the installed binary, or Electron plus the source folder. */
  exec: readonly string[];
  /** The XDG autostart file (Linux). */
  autostartFile: string;
}

/**
 * Start at login through what each OS offers: login items on macOS and Windows
 * (app.setLoginItemSettings), an XDG autostart entry on Linux. Windows and Linux start the app with
 * --hidden when it is to stay in the tray; macOS cannot pass arguments to a login item, so the app
 * asks at start whether it was opened at login (see startsHidden).
 */
export function createStartupPort(options: StartupOptions): StartupPort {
  const { platform, preferences } = options;
  const hiddenArgs = (startHidden: boolean) => (startHidden ? ['--hidden'] : []);

  if (platform === 'linux') {
    const autostart = linuxAutostart({ file: options.autostartFile, name: app.getName(), exec: options.exec });
    return {
      get: async () => ({ openAtLogin: await autostart.isOn(), startHidden: preferences.get().startHidden }),
      set: async ({ openAtLogin, startHidden }) => {
        await autostart.set(openAtLogin, startHidden);
        preferences.set({ startHidden });
        return { openAtLogin: await autostart.isOn(), startHidden };
      },
    };
  }

  const isOn = (startHidden: boolean) =>
    app.getLoginItemSettings(platform === 'win32' ? { args: hiddenArgs(startHidden) } : undefined).openAtLogin;
  return {
    get: async () => {
      const { startHidden } = preferences.get();
      return { openAtLogin: isOn(startHidden), startHidden };
    },
    set: async ({ openAtLogin, startHidden }) => {
      preferences.set({ startHidden });
      app.setLoginItemSettings(platform === 'win32' ? { openAtLogin, args: hiddenArgs(startHidden) } : { openAtLogin });
      return { openAtLogin: isOn(startHidden), startHidden };
    },
  };
}

/** Whether this start is to stay in the tray: asked with --hidden, or opened at login on macOS with "start in the tray" on. */
export function startsHidden(argv: readonly string[], platform: NodeJS.Platform, preferences: PreferenceStore): boolean {
  if (argv.includes('--hidden')) return true;
  return platform === 'darwin' && preferences.get().startHidden && app.getLoginItemSettings().wasOpenedAtLogin;
}

/** How the OS should start this app again at login. */
export function relaunchCommand(env: NodeJS.ProcessEnv = process.env): string[] {
  // An AppImage runs from a temporary mount: its own file is what to start.
  if (env.APPIMAGE) return [env.APPIMAGE];
  // From source, Electron needs the app's folder.
  return app.isPackaged ? [process.execPath] : [process.execPath, app.getAppPath()];
}

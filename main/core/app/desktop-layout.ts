import { join } from 'node:path';
import { bundledRussianCaPath } from '../ai/providers/gigachat/tls';

/**
 * Where the desktop app finds what it reads from disk, from a source checkout (`npm start`) and
 * from an installed package alike. electron-builder.yml decides the packaged tree; a test builds
 * that tree from the config and checks every path below exists in it.
 */
export interface DesktopLayout {
  resourcesDir: string;
  preload: string;
  renderer: string;
  /** Read by a worker thread and by sql.js, which cannot look inside the asar archive. */
  worker: string;
  wasm: string;
  windowIcon: string;
  trayIcons: { active: string; paused: string };
  gigachatCa: string;
  /** Swagger UI's files for the Local API's /docs page, copied beside main.cjs by the build. */
  docs: string;
}

/** electron-builder's appId: also the Windows AppUserModelId, which notifications are shown under. */
export const APP_ID = 'ru.aiautoapplier.desktop';

/** A file inside app.asar that was unpacked beside it (asarUnpack in electron-builder.yml). */
export const unpacked = (path: string): string => path.replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');

/**
 * The tray's pictures for each OS: template images on macOS (black on alpha: the menu bar colours
 * them for light and dark), .ico on Windows (a size per display scaling), PNG elsewhere.
 */
export function trayIconFiles(platform: NodeJS.Platform): { active: string; paused: string } {
  if (platform === 'darwin') return { active: 'trayTemplate.png', paused: 'tray-pausedTemplate.png' };
  if (platform === 'win32') return { active: 'tray.ico', paused: 'tray-paused.ico' };
  return { active: 'tray.png', paused: 'tray-paused.png' };
}

/** Resources (icons, certificates) ship as extraResources: beside the archive when packaged, in the checkout otherwise. */
export const resourcesDirFor = (options: { packaged: boolean; resourcesPath: string; distDir: string }): string =>
  options.packaged ? join(options.resourcesPath, 'resources') : join(options.distDir, '..', 'resources');

/** `distDir` holds main/, preload/ and renderer/ (dist/ in a checkout, app.asar/dist when packaged). */
export function desktopLayout(options: { distDir: string; resourcesDir: string; platform: NodeJS.Platform }): DesktopLayout {
  const { distDir, resourcesDir, platform } = options;
  const mainDir = join(distDir, 'main');
  const icons = join(resourcesDir, 'icons');
  const tray = trayIconFiles(platform);
  return {
    resourcesDir,
    preload: join(distDir, 'preload', 'preload.cjs'),
    renderer: join(distDir, 'renderer'),
    worker: unpacked(join(mainDir, 'db-worker.cjs')),
    wasm: unpacked(join(mainDir, 'sql-wasm.wasm')),
    windowIcon: join(icons, platform === 'win32' ? 'icon.ico' : 'icon.png'),
    trayIcons: { active: join(icons, tray.active), paused: join(icons, tray.paused) },
    gigachatCa: bundledRussianCaPath(resourcesDir),
    docs: join(mainDir, 'docs'),
  };
}

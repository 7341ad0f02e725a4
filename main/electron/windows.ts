import { BrowserWindow, shell, type WebPreferences } from 'electron';
import { denyAllPermissions, hardenWebContents } from './security';
import { restorableBounds, trackWindowState, type WindowStateStore } from './window-state';

export const secureWebPreferences = (preload: string): WebPreferences => ({
  preload,
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
});

export interface MainWindowOptions {
  preload: string;
  url: string;
  icon: string;
  trustedOrigins: readonly string[];
  startHidden: boolean;
  /** Asked on every close: true while the app is really quitting, false when closing to tray. */
  isQuitting: () => boolean;
  windowState?: WindowStateStore;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const saved = options.windowState?.get() ?? {};
  const bounds = restorableBounds(saved);
  const window = new BrowserWindow({
    width: 1200,
    height: 800,
    ...bounds,
    minWidth: 880,
    minHeight: 560,
    show: false,
    title: 'AI Auto Applier',
    icon: options.icon,
    backgroundColor: '#f6f7f9',
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(options.preload),
  });

  hardenWebContents(window.webContents, { trustedOrigins: options.trustedOrigins, shell });
  denyAllPermissions(window.webContents.session);

  if (options.windowState) trackWindowState(window, options.windowState);
  window.once('ready-to-show', () => {
    if (bounds && saved.maximized) window.maximize();
    if (!options.startHidden) window.show();
  });
  // Closing the window keeps the app in the tray, where the schedule goes on working.
  window.on('close', (event) => {
    if (options.isQuitting()) return;
    event.preventDefault();
    window.hide();
  });

  void window.loadURL(options.url);
  return window;
}

export function revealWindow(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore();
  if (!window.isVisible()) window.show();
  window.focus();
}

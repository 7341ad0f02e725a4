import type { BrowserWindow, Dock } from 'electron';

/**
 * macOS: in tray-only mode (the window hidden or never shown) the app leaves the Dock and the app
 * switcher, as a menu-bar app does; showing the window brings it back.
 */
export function dockFollowsWindow(window: BrowserWindow, dock: Pick<Dock, 'show' | 'hide'> | undefined, startHidden: boolean): void {
  if (!dock) return;
  if (startHidden) dock.hide();
  window.on('show', () => void dock.show());
  window.on('hide', () => dock.hide());
}

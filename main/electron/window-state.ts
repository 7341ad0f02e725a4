import { screen, type BrowserWindow, type Rectangle } from 'electron';

export interface WindowState {
  bounds?: Rectangle;
  maximized?: boolean;
}

export interface WindowStateStore {
  get(): WindowState;
  set(state: WindowState): void;
}

/** Saved bounds count only while they still overlap a connected display (a monitor may be gone). */
export function restorableBounds(state: WindowState): Rectangle | undefined {
  const bounds = state.bounds;
  if (!bounds || bounds.width < 200 || bounds.height < 200) return undefined;
  const visible = screen
    .getAllDisplays()
    .some(
      ({ workArea: area }) =>
        bounds.x < area.x + area.width &&
        bounds.x + bounds.width > area.x &&
        bounds.y < area.y + area.height &&
        bounds.y + bounds.height > area.y,
    );
  return visible ? bounds : undefined;
}

/** Remembers size, position and maximized state, saved a moment after the user stops moving. */
export function trackWindowState(window: BrowserWindow, store: WindowStateStore, delayMs = 500): void {
  let timer: NodeJS.Timeout | undefined;
  const save = () => {
    if (window.isDestroyed()) return;
    const maximized = window.isMaximized();
    // While maximized, keep the last normal bounds so un-maximizing after a restart looks right.
    store.set({ bounds: maximized ? (store.get().bounds ?? window.getNormalBounds()) : window.getNormalBounds(), maximized });
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(save, delayMs);
  };
  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) window.on(event as 'resize', later);
  window.on('close', () => {
    clearTimeout(timer);
    save();
  });
}

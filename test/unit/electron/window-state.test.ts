import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BrowserWindow, resetFakeElectron, screen } from '../../fakes/electron';
import type { WindowState } from '../../../main/electron/window-state';
import { APP_ORIGIN } from '../../../main/electron/security';
import { createMainWindow } from '../../../main/electron/windows';

const memoryStore = (initial: WindowState = {}) => {
  let state = initial;
  return { get: () => state, set: (next: WindowState) => void (state = next) };
};

const open = (store: ReturnType<typeof memoryStore>) =>
  createMainWindow({
    preload: '/p.cjs',
    url: `${APP_ORIGIN}/index.html`,
    icon: '/i.png',
    trustedOrigins: [APP_ORIGIN],
    startHidden: false,
    isQuitting: () => true,
    windowState: store,
  });

beforeEach(() => resetFakeElectron());

describe('window size and position', () => {
  it('reopens where the user left it, maximized if it was', () => {
    open(memoryStore({ bounds: { x: 100, y: 50, width: 1000, height: 700 }, maximized: true }));
    const window = BrowserWindow.all[0]!;
    expect(window.options).toMatchObject({ x: 100, y: 50, width: 1000, height: 700 });
    window.emit('ready-to-show');
    expect(window.isMaximized()).toBe(true);
  });

  it('ignores saved bounds on a display that is gone, and tiny ones', () => {
    open(memoryStore({ bounds: { x: 3000, y: 50, width: 1000, height: 700 } }));
    expect(BrowserWindow.all[0]!.options).toMatchObject({ width: 1200, height: 800 });
    expect(BrowserWindow.all[0]!.options.x).toBeUndefined();

    screen.displays.push({ workArea: { x: 1920, y: 0, width: 1920, height: 1080 } });
    open(memoryStore({ bounds: { x: 3000, y: 50, width: 1000, height: 700 } }));
    expect(BrowserWindow.all[1]!.options).toMatchObject({ x: 3000 });

    open(memoryStore({ bounds: { x: 10, y: 10, width: 50, height: 40 } }));
    expect(BrowserWindow.all[2]!.options.x).toBeUndefined();
  });

  it('saves a moment after the user stops resizing, and at close', () => {
    vi.useFakeTimers();
    try {
      const store = memoryStore();
      open(store);
      const window = BrowserWindow.all[0]!;
      window.setBounds({ x: 20, y: 30, width: 900, height: 650 });
      expect(store.get()).toEqual({});
      vi.advanceTimersByTime(600);
      expect(store.get()).toEqual({ bounds: { x: 20, y: 30, width: 900, height: 650 }, maximized: false });

      window.maximize();
      window.simulateClose();
      expect(store.get()).toEqual({ bounds: { x: 20, y: 30, width: 900, height: 650 }, maximized: true });
    } finally {
      vi.useRealTimers();
    }
  });
});

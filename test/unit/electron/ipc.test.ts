import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ipcMain, resetFakeElectron } from '../../fakes/electron';
import { channelNames, ipcEventChannel, ipcInvokeChannel } from '../../../shared/contract';
import { CoreEvents } from '../../../main/core/events';
import { forwardEvents, registerHandlers } from '../../../main/electron/ipc';
import { BrowserWindow } from '../../fakes/electron';
import { APP_ORIGIN } from '../../../main/electron/security';

import { startTestCore, type TestCore } from '../../support/core';

let testCore: TestCore;
beforeAll(async () => {
  testCore = await startTestCore({ shell: 'electron' });
});
afterAll(() => testCore.close());
const core = () => testCore.core;

const appFrame = { url: `${APP_ORIGIN}/index.html`, parent: null };

beforeEach(() => resetFakeElectron());

describe('registerHandlers', () => {
  it('registers exactly the contract channels', () => {
    registerHandlers(ipcMain as never, core(), [APP_ORIGIN]);
    expect([...ipcMain.handlers.keys()].sort()).toEqual(channelNames.map(ipcInvokeChannel).sort());
  });

  it('answers the app frame with a result value', async () => {
    registerHandlers(ipcMain as never, core(), [APP_ORIGIN]);
    expect(await ipcMain.invoke(ipcInvokeChannel('automation.setPaused'), appFrame, { paused: true })).toMatchObject({
      ok: true,
      value: { paused: true },
    });
  });

  it.each([
    ['a foreign page', { url: 'https://evil.example/', parent: null }],
    ['an iframe inside the app', { url: `${APP_ORIGIN}/frame.html`, parent: appFrame }],
    ['a file:// page', { url: 'file:///tmp/index.html', parent: null }],
    ['a different app:// host', { url: 'app://other/index.html', parent: null }],
    ['a missing frame (navigated or destroyed)', null],
  ])('refuses %s', async (_label, frame) => {
    registerHandlers(ipcMain as never, core(), [APP_ORIGIN]);
    const result = await ipcMain.invoke(ipcInvokeChannel('automation.setPaused'), frame, { paused: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
  });

  it('logs each refused sender by its origin, never its full address', async () => {
    const warnings: { message: string; details?: Record<string, unknown> }[] = [];
    registerHandlers(ipcMain as never, core(), [APP_ORIGIN], {
      info() {},
      error() {},
      warn: (message, details) => warnings.push({ message, details }),
    });
    await ipcMain.invoke(ipcInvokeChannel('app.info'), { url: 'https://evil.example/steal?token=abc', parent: null }, {});
    await ipcMain.invoke(ipcInvokeChannel('app.info'), { url: `${APP_ORIGIN}/frame.html`, parent: appFrame }, {});
    await ipcMain.invoke(ipcInvokeChannel('app.info'), appFrame, {});
    expect(warnings).toEqual([
      {
        message: 'refused a call from outside the app window',
        details: { channel: 'app.info', from: 'https://evil.example', subframe: false },
      },
      { message: 'refused a call from outside the app window', details: { channel: 'app.info', from: APP_ORIGIN, subframe: true } },
    ]);
  });

  it('rejects malformed input with a typed error', async () => {
    registerHandlers(ipcMain as never, core(), [APP_ORIGIN]);
    const result = await ipcMain.invoke(ipcInvokeChannel('automation.setPaused'), appFrame, { paused: 'maybe' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('trusts the dev server only when it is passed in', async () => {
    registerHandlers(ipcMain as never, core(), [APP_ORIGIN]);
    const dev = { url: 'http://127.0.0.1:5173/', parent: null };
    expect(await ipcMain.invoke(ipcInvokeChannel('app.info'), dev, {})).toMatchObject({ ok: false });
    resetFakeElectron();
    registerHandlers(ipcMain as never, core(), [APP_ORIGIN, 'http://127.0.0.1:5173']);
    expect(await ipcMain.invoke(ipcInvokeChannel('app.info'), dev, {})).toMatchObject({ ok: true });
  });
});

describe('forwardEvents', () => {
  it('sends each event to the main window only, and to none once it is gone', () => {
    const events = new CoreEvents();
    const main = new BrowserWindow();
    const hh = new BrowserWindow({ webPreferences: { partition: 'persist:hh' } });
    let current: BrowserWindow | undefined = main;
    forwardEvents({ events }, () => current as never);
    events.emit('automation.changed', { paused: true, changedAt: '2026-01-01T00:00:00.000Z' } as never);
    expect(main.webContents.sent).toEqual([
      { channel: ipcEventChannel('automation.changed'), payload: { paused: true, changedAt: '2026-01-01T00:00:00.000Z' } },
    ]);
    expect(hh.webContents.sent).toEqual([]);
    main.close();
    events.emit('automation.changed', { paused: false, changedAt: '2026-01-01T00:00:00.000Z' } as never);
    current = undefined;
    events.emit('automation.changed', { paused: false, changedAt: '2026-01-01T00:00:00.000Z' } as never);
    expect(main.webContents.sent).toHaveLength(1);
    expect(hh.webContents.sent).toEqual([]);
  });
});

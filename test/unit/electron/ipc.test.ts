import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ipcMain, resetFakeElectron } from '../../fakes/electron';
import { channelNames, ipcInvokeChannel } from '../../../shared/contract';
import { registerHandlers } from '../../../main/electron/ipc';
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

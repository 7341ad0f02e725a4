import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resetFakeElectron } from '../../fakes/electron';
import { defaultWasmPath, sourceWorkerEntry } from '../../../main/core/db/options';
import { defaultPreferences, memoryPreferences, silentLogger, systemClock } from '../../../main/core/ports';
import { runDesktopApp, type DesktopApp } from '../../../main/electron/app';
import { ok } from '../../support/contract';
import { freePort } from '../../support/net';

let dataDir: string;
const started: DesktopApp[] = [];

const start = async () => {
  const desktop = (await runDesktopApp({
    distDir: '/app/dist',
    resourcesDir: '/app/resources',
    argv: ['electron', '.'],
    dataDir,
    databaseWorker: sourceWorkerEntry(),
    wasmPath: defaultWasmPath(),
    log: silentLogger,
    preferences: memoryPreferences(defaultPreferences(systemClock)),
    windowState: { get: () => ({}), set: () => {} },
  }))!;
  started.push(desktop);
  return desktop;
};

const stop = async (desktop: DesktopApp) => {
  started.splice(started.indexOf(desktop), 1);
  await desktop.localApi.close();
  await desktop.core.dispose();
};

const answers = async (url: string) => {
  try {
    return (await fetch(`${url}/openapi.json`)).status;
  } catch {
    return 'nothing listens';
  }
};

beforeEach(async () => {
  resetFakeElectron();
  dataDir = await mkdtemp(join(tmpdir(), 'aaa-desktop-api-'));
});

afterEach(async () => {
  for (const desktop of started.splice(0)) {
    await desktop.localApi.close();
    await desktop.core.dispose();
  }
  await rm(dataDir, { recursive: true, force: true });
});

describe("the desktop app's Local API", () => {
  it('is off by default; listens on 127.0.0.1 at the chosen port when turned on, stops when turned off, and starts again with the app', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const desktop = await start();
    expect(ok(await desktop.core.invoke('localApi.status', {}))).toMatchObject({ enabled: false, listening: false, url: null });

    expect(ok(await desktop.core.invoke('localApi.setEnabled', { enabled: true, port }))).toEqual({
      enabled: true,
      port,
      listening: true,
      url,
      portFixed: false,
      problem: null,
      tokensEndOnQuit: false,
    });
    expect(await answers(url)).toBe(200);

    expect(ok(await desktop.core.invoke('localApi.setEnabled', { enabled: false }))).toMatchObject({ enabled: false, listening: false });
    expect(await answers(url)).toBe('nothing listens');

    ok(await desktop.core.invoke('localApi.setEnabled', { enabled: true }));
    await stop(desktop);
    expect(await answers(url)).toBe('nothing listens');

    // Left on: the next start listens again, on the same port.
    resetFakeElectron();
    const again = await start();
    await expect.poll(async () => ok<{ listening: boolean }>(await again.core.invoke('localApi.status', {})).listening).toBe(true);
    expect(await answers(url)).toBe(200);
  });

  it('says so when the port is taken, and moves to another when asked', async () => {
    const desktop = await start();
    const first = await freePort();
    ok(await desktop.core.invoke('localApi.setEnabled', { enabled: true, port: first }));
    const taken = await freePort();
    const squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen(taken, '127.0.0.1', resolve));
    try {
      expect(ok(await desktop.core.invoke('localApi.setEnabled', { enabled: true, port: taken }))).toMatchObject({
        listening: false,
        problem: 'port_in_use',
      });
      const next = await freePort();
      expect(ok(await desktop.core.invoke('localApi.setEnabled', { enabled: true, port: next }))).toMatchObject({
        listening: true,
        url: `http://127.0.0.1:${next}`,
      });
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }
  });
});

import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { _electron, type ElectronApplication } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);

/** The Electron binary is fetched on first `npm start`; machines without internet never get it. */
function electronBinary(): string | undefined {
  const dir = dirname(require.resolve('electron/package.json'));
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

const binary = electronBinary();
if (!binary) {
  console.warn(
    '[electron e2e skipped] The Electron binary is not downloaded on this machine (installs skip it; `npm start` or ' +
      '`node node_modules/electron/install.js` fetches it). The same UI is tested in Chromium by shell.test.ts.',
  );
}

describe.skipIf(!binary)('desktop app in real Electron', () => {
  let electronApp: ElectronApplication;

  beforeAll(async () => {
    for (const mode of ['renderer', 'main', 'preload']) await build({ root, mode, logLevel: 'warn' });
    electronApp = await _electron.launch({
      executablePath: binary,
      args: [root, ...(process.platform === 'linux' ? ['--no-sandbox'] : [])],
      cwd: root,
      env: { ...process.env, AAA_USER_DATA: mkdtempSync(join(tmpdir(), 'aaa-electron-')) } as Record<string, string>,
    });
  });

  afterAll(async () => {
    await electronApp?.close();
  });

  it('opens the hardened window on app:// in Russian', async () => {
    const page = await electronApp.firstWindow();
    await page.getByRole('button', { name: 'Обзор' }).waitFor();
    expect(page.url()).toBe('app://renderer/index.html');
    const exposed = await page.evaluate(() => ({
      api: Object.keys((window as unknown as { api: object }).api).sort(),
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
    }));
    expect(exposed).toEqual({ api: ['invoke', 'on'], require: 'undefined', process: 'undefined' });
  });

  it('pauses the automation through IPC', async () => {
    const page = await electronApp.firstWindow();
    await page.getByRole('button', { name: 'Приостановить' }).click();
    await page.getByText('Автоматизация на паузе').waitFor();
    await page.getByRole('button', { name: 'Возобновить' }).click();
    await page.getByText('Автоматизация работает').waitFor();
  });
});

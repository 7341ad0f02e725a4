import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resetFakeElectron, safeStorage } from '../../fakes/electron';
import { defaultPreferences, memoryPreferences, systemClock } from '../../../main/core/ports';
import { createSafeStorageCipher } from '../../../main/electron/safe-storage-cipher';
import { startTestCore, type TestCore } from '../../support/core';
import { ok } from '../../support/contract';

const ACCESS = 'USERACCESS4K5L6M7N8P9Q0R1S2T3';
const REFRESH = 'USERREFRESH9Q0R1S2T3U4V5W6X7';
const APP_TOKEN = 'APPLICATION7N8P9Q0R1S2T3U4V5';
const OPENAI_KEY = 'sk-test-0123456789abcdefghijkl';

let running: TestCore | undefined;
beforeEach(() => {
  resetFakeElectron();
  safeStorage.backend = 'basic_text';
});
afterEach(async () => {
  await running?.close();
  running = undefined;
});

/** Every file under the data folder (backups and journals included), as bytes. */
async function everyFile(dir: string): Promise<{ path: string; bytes: Buffer }[]> {
  const found: { path: string; bytes: Buffer }[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await everyFile(path)));
    else found.push({ path, bytes: await readFile(path) });
  }
  return found;
}

describe('withdrawing weak protection (Linux basic_text)', () => {
  it('takes every ciphertext under the weak key off the disk; the secrets stay usable in memory', async () => {
    const preferences = memoryPreferences(defaultPreferences(systemClock));
    const cipher = createSafeStorageCipher({ platform: 'linux', acceptWeakProtection: () => preferences.get().weakProtectionAccepted });
    running = await startTestCore({ shell: 'electron', preferences, cipher });
    const { core, dataDir } = running;

    ok(await core.invoke('vault.acceptWeakProtection', { accept: true }));
    ok(
      await core.invoke('ai.settings.set', {
        settings: { kind: 'openai', baseUrl: 'https://api.openai.com/v1', model: 'gpt-4o-mini' },
        openaiKey: OPENAI_KEY,
      }),
    );
    await core.vault.put('hh.client_secret', 'CLIENTSECRET123');
    const sealed = {
      access: await core.vault.seal(ACCESS, 'hh.access'),
      refresh: await core.vault.seal(REFRESH, 'hh.refresh'),
      app: await core.vault.seal(APP_TOKEN, 'hh_app.access'),
    };
    await core.repositories.apiTokens.save(
      {
        provider: 'hh',
        account: '',
        accessTokenSealed: sealed.access,
        refreshTokenSealed: sealed.refresh,
        expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
      },
      'obtained',
    );
    await core.repositories.apiTokens.save(
      { provider: 'hh_app', account: '', accessTokenSealed: sealed.app, refreshTokenSealed: null, expiresAt: null },
      'obtained',
    );
    await core.flush();

    const fileEntries = JSON.parse(await readFile(join(dataDir, 'secrets.json'), 'utf8')).entries as Record<string, string>;
    const ciphertexts = [...Object.values(fileEntries), sealed.access, sealed.refresh, sealed.app];
    expect(ciphertexts.every((text) => text.startsWith('ss1:'))).toBe(true);
    expect(Object.keys(fileEntries).sort()).toEqual(['hh.client_secret', 'openai.api_key']);
    const onDisk = async () =>
      (await everyFile(dataDir)).filter(({ bytes }) => ciphertexts.some((text) => bytes.includes(text.slice(4, 40))));
    expect((await onDisk()).length).toBeGreaterThan(0);

    const status = ok(await core.invoke('vault.acceptWeakProtection', { accept: false }));
    expect(status).toMatchObject({ persistent: false, weakProtectionAccepted: false });

    expect(JSON.parse(await readFile(join(dataDir, 'secrets.json'), 'utf8')).entries).toEqual({});
    expect(await core.repositories.apiTokens.get('hh')).toMatchObject({
      accessTokenSealed: expect.stringMatching(/^mem:v1:/),
      refreshTokenSealed: expect.stringMatching(/^mem:v1:/),
    });
    expect((await core.repositories.apiTokens.get('hh_app'))?.accessTokenSealed).toMatch(/^mem:v1:/);
    expect((await onDisk()).map(({ path }) => path)).toEqual([]);

    // Still there for this run: the user is not signed out, the key still works.
    expect(await core.hh.tokens.accessToken()).toBe(ACCESS);
    expect(JSON.parse((await core.vault.get('openai.api_key'))!)).toMatchObject({ key: OPENAI_KEY });
    expect(await core.vault.get('hh.client_secret')).toBe('CLIENTSECRET123');
    expect(ok(await core.invoke('ai.settings.get', {}))).toMatchObject({ keys: { openai: true } });
    expect(safeStorage.encryptions).toBe(5);
  });
});

import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { resetFakeElectron, safeStorage } from '../../fakes/electron';
import { openSecretFile, Vault, VaultError } from '../../../main/core/secrets';
import { createSafeStorageCipher, type SafeStorageCipherOptions } from '../../../main/electron/safe-storage-cipher';

const TOKEN = 'USERJ4K5L6M7N8P9Q0R1S2T3';

let dir: string;
const secretsPath = () => join(dir, 'secrets.json');
const openVault = (options: SafeStorageCipherOptions = { platform: 'linux' }) =>
  new Vault({ cipher: createSafeStorageCipher(options), file: openSecretFile(secretsPath()) });

beforeEach(async () => {
  resetFakeElectron();
  dir = await mkdtemp(join(tmpdir(), 'aaa-safe-storage-'));
});

describe('safeStorage cipher', () => {
  it('uses the Linux keyring when there is one', async () => {
    expect(await openVault().status()).toEqual({ persistent: true, backend: 'gnome_libsecret' });
  });

  it('asks for the storage backend on Linux only', async () => {
    expect(await openVault({ platform: 'darwin' }).status()).toEqual({ persistent: true, backend: 'keychain' });
    expect(await openVault({ platform: 'win32' }).status()).toEqual({ persistent: true, backend: 'dpapi' });
    expect(safeStorage.backendQueries).toBe(0);
  });

  it('keeps only ciphertext on disk and reads it back after a restart', async () => {
    await openVault().put('hh.tokens:me', TOKEN);
    const bytes = await readFile(secretsPath());
    expect(bytes.includes(Buffer.from(TOKEN))).toBe(false);
    expect(bytes.toString()).toMatch(/"hh\.tokens:me": "ss1:[A-Za-z0-9+/=]+"/);
    expect(await openVault().get('hh.tokens:me')).toBe(TOKEN);
  });

  it('turns an unreadable ciphertext into an actionable error', async () => {
    const vault = openVault();
    for (const sealed of ['ss1:AAAA', 'gcm1:AAAA']) {
      const error = await vault.unseal(sealed, 'test').catch((err: unknown) => err);
      expect(error).toBeInstanceOf(VaultError);
      expect((error as VaultError).code).toBe('invalid_input');
      expect((error as VaultError).message).toMatch(/could not be decrypted.*Enter the secret again/);
    }
  });

  it('re-encrypts when the OS asks for it', async () => {
    const vault = openVault();
    await vault.put('openai.api_key', TOKEN);
    const before = await readFile(secretsPath(), 'utf8');
    const sealed = await vault.seal(TOKEN, 'test');

    safeStorage.shouldReEncrypt = true;
    expect(await vault.get('openai.api_key')).toBe(TOKEN);
    expect(await readFile(secretsPath(), 'utf8')).not.toBe(before);
    const { plain, resealed } = await vault.unsealDetailed(sealed, 'test');
    expect(plain).toBe(TOKEN);
    expect(resealed).toMatch(/^ss1:/);
    expect(resealed).not.toBe(sealed);
  });
});

describe('Linux without a keyring (basic_text)', () => {
  beforeEach(() => {
    safeStorage.backend = 'basic_text';
  });

  it('keeps secrets in memory only and says why and how to fix it', async () => {
    const vault = openVault();
    const status = await vault.status();
    expect(status).toMatchObject({ persistent: false, backend: 'basic_text', problem: { code: 'keyring_unavailable' } });
    expect(status.problem?.message).toMatch(/no unlocked keyring.*GNOME Keyring or KWallet.*Settings/);

    await vault.put('hh.tokens:me', TOKEN);
    const handle = await vault.seal(TOKEN, 'test');
    expect(await vault.get('hh.tokens:me')).toBe(TOKEN);
    expect(await vault.unseal(handle, 'test')).toBe(TOKEN);
    expect(await readdir(dir)).toEqual([]);
    expect(safeStorage.encryptions).toBe(0);

    const restarted = openVault();
    expect(await restarted.get('hh.tokens:me')).toBeUndefined();
    const error = await restarted.unseal(handle, 'test').catch((err: unknown) => err);
    expect(error).toBeInstanceOf(VaultError);
    expect((error as VaultError).code).toBe('not_found');
    expect((error as VaultError).message).toContain('Sign in to hh.ru or enter the API key again');
  });

  it('treats an unknown backend and unavailable encryption the same way', async () => {
    safeStorage.backend = 'unknown';
    expect(await openVault().status()).toMatchObject({ persistent: false, problem: { code: 'keyring_unavailable' } });
    safeStorage.backend = 'kwallet6';
    safeStorage.available = false;
    expect(await openVault().status()).toMatchObject({ persistent: false, problem: { code: 'keyring_unavailable' } });
    expect(await openVault({ platform: 'darwin' }).status()).toMatchObject({
      persistent: false,
      problem: { message: expect.stringContaining('Keychain') },
    });
  });

  it('persists once the user accepts weak protection, and says it is weak', async () => {
    const options = { platform: 'linux' as const, acceptWeakProtection: () => true };
    const status = await openVault(options).status();
    expect(status).toMatchObject({ persistent: true, backend: 'basic_text', problem: { code: 'weak_protection_accepted' } });
    expect(status.problem?.message).toMatch(/weak protection/);

    await openVault(options).put('gigachat.credentials', TOKEN);
    expect((await readFile(secretsPath())).includes(Buffer.from(TOKEN))).toBe(false);
    expect(await openVault(options).get('gigachat.credentials')).toBe(TOKEN);
  });

  it('saves what was held in memory when the user accepts later', async () => {
    let accepted = false;
    const vault = openVault({ platform: 'linux', acceptWeakProtection: () => accepted });
    await vault.put('openai.api_key', TOKEN);
    expect(await vault.persistPending()).toBe(0);

    accepted = true;
    expect(await vault.persistPending()).toBe(1);
    expect(await openVault({ platform: 'linux', acceptWeakProtection: () => true }).get('openai.api_key')).toBe(TOKEN);
  });
});

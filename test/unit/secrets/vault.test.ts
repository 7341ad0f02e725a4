import { mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createAesCipher, createRedactor, openSecretFile, Vault, VaultError } from '../../../main/core/secrets';

const KEY = 'correct horse battery staple';
const SECRET = 'sk-live-1234567890abcdef';

let dir: string;
const secretsPath = () => join(dir, 'secrets.json');
const open = (key: string | undefined, redactor = createRedactor()) =>
  new Vault({ cipher: createAesCipher(key), file: openSecretFile(secretsPath()), redactor });
const openVault = (redactor?: ReturnType<typeof createRedactor>) => open(KEY, redactor);
const openKeyless = () => open(undefined);

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aaa-vault-'));
});

describe('vault with a persistent cipher', () => {
  it('puts, gets, lists and deletes named secrets', async () => {
    const vault = openVault();
    expect(await vault.get('openai.api_key')).toBeUndefined();
    await vault.put('openai.api_key', SECRET);
    await vault.put('hh.tokens:applicant-42', '{"access":"USERAAAA1111","refresh":"USERBBBB2222"}');
    expect(await vault.get('openai.api_key')).toBe(SECRET);
    expect(await vault.names()).toEqual(['hh.tokens:applicant-42', 'openai.api_key']);
    await vault.delete('openai.api_key');
    expect(await vault.get('openai.api_key')).toBeUndefined();
    expect(await vault.names()).toEqual(['hh.tokens:applicant-42']);
  });

  it('writes only ciphertext, owner-readable, and leaves no temp files', async () => {
    await openVault().put('gigachat.credentials', SECRET);
    const bytes = await readFile(secretsPath());
    expect(bytes.includes(Buffer.from(SECRET))).toBe(false);
    const json = JSON.parse(bytes.toString('utf8')) as { version: number; entries: Record<string, string> };
    expect(json.version).toBe(1);
    expect(json.entries['gigachat.credentials']).toMatch(/^gcm1:[A-Za-z0-9+/=]+$/);
    expect(await readdir(dir)).toEqual(['secrets.json']);
    if (process.platform !== 'win32') expect((await stat(secretsPath())).mode & 0o777).toBe(0o600);
  });

  it('keeps secrets across a restart with the same key', async () => {
    await openVault().put('hh.client_secret', SECRET);
    expect(await openVault().get('hh.client_secret')).toBe(SECRET);
  });

  it('binds each ciphertext to what it is for: one moved to another entry or purpose is refused, not read as that one', async () => {
    const vault = openVault();
    await vault.put('openai.api_key', SECRET);
    await vault.put('gigachat.credentials', 'gigachat-credential-value');
    const file = JSON.parse(await readFile(secretsPath(), 'utf8')) as { version: number; entries: Record<string, string> };
    // Someone with write access swaps two entries: each keeps its valid ciphertext, in the wrong place.
    [file.entries['openai.api_key'], file.entries['gigachat.credentials']] = [
      file.entries['gigachat.credentials']!,
      file.entries['openai.api_key']!,
    ];
    await writeFile(secretsPath(), JSON.stringify(file));
    await expect(openVault().get('openai.api_key')).rejects.toThrow(/wrong place/);

    const refresh = await vault.seal('refresh-token-value', 'hh.refresh');
    expect(await vault.unseal(refresh, 'hh.refresh')).toBe('refresh-token-value');
    await expect(vault.unseal(refresh, 'hh.access')).rejects.toBeInstanceOf(VaultError);
  });

  it('reads a secret sealed before binding existed, and seals it again bound', async () => {
    const cipher = createAesCipher(KEY);
    const old = await cipher.encrypt(SECRET);
    await writeFile(secretsPath(), JSON.stringify({ version: 1, entries: { 'openai.api_key': old } }));
    expect(await openVault().get('openai.api_key')).toBe(SECRET);
    const now = JSON.parse(await readFile(secretsPath(), 'utf8')) as { entries: Record<string, string> };
    expect(now.entries['openai.api_key']).not.toBe(old);
    expect((await cipher.decrypt(now.entries['openai.api_key']!)).plain).toBe(`\u0001file:openai.api_key\u0001${SECRET}`);
    expect(await openVault().get('openai.api_key')).toBe(SECRET);
  });

  it('seals for callers that keep ciphertext in their own rows', async () => {
    const sealed = await openVault().seal(SECRET, 'test');
    expect(sealed).toMatch(/^gcm1:/);
    expect(sealed).not.toContain(SECRET);
    expect(await openVault().unseal(sealed, 'test')).toBe(SECRET);
  });

  it('tells the redactor about every secret it handles', async () => {
    const redactor = createRedactor();
    const vault = openVault(redactor);
    await vault.put('openai.api_key', SECRET);
    const sealed = await openVault().seal('gigachat-token-abcdef', 'test');

    const reader = createRedactor();
    await openVault(reader).get('openai.api_key');
    await openVault(reader).unseal(sealed, 'test');
    expect(redactor.redactText(`key=${SECRET}`)).toBe('key=[redacted]');
    expect(reader.redactText(`${SECRET} gigachat-token-abcdef`)).toBe('[redacted] [redacted]');
  });

  it('refuses unknown names and empty secrets', async () => {
    const vault = openVault();
    await expect(vault.put('github.token' as never, SECRET)).rejects.toThrow(/Unknown secret name/);
    await expect(vault.put('hh.tokens:bad name' as never, SECRET)).rejects.toThrow(/Unknown secret name/);
    await expect(vault.put('openai.api_key', '')).rejects.toBeInstanceOf(VaultError);
  });

  it('reports a damaged secrets file as something the user can fix', async () => {
    await writeFile(secretsPath(), '{"version":1,"entries":');
    const error = await openVault()
      .get('openai.api_key')
      .catch((err: unknown) => err);
    expect(error).toBeInstanceOf(VaultError);
    expect((error as VaultError).code).toBe('invalid_input');
    expect((error as VaultError).message).toContain('damaged');
  });

  it('serialises concurrent writes so none is lost', async () => {
    const vault = openVault();
    await Promise.all(['a1', 'b2', 'c3', 'd4', 'e5'].map((id) => vault.put(`hh.tokens:${id}`, `token-${id}-secret`)));
    expect(await openVault().names()).toHaveLength(5);
  });
});

describe('headless vault without AAA_VAULT_KEY', () => {
  it('says why secrets are not kept', async () => {
    const status = await openKeyless().status();
    expect(status.persistent).toBe(false);
    expect(status.problem?.code).toBe('no_vault_key');
    expect(status.problem?.message).toContain('Set AAA_VAULT_KEY to keep secrets between runs of the headless server');
  });

  it('keeps secrets in memory only: nothing on disk, gone after a restart', async () => {
    const vault = openKeyless();
    await vault.put('openai.api_key', SECRET);
    const handle = await vault.seal('USERTOKEN1234567890', 'test');
    expect(handle).toMatch(/^mem:v1:/);
    expect(await vault.get('openai.api_key')).toBe(SECRET);
    expect(await vault.unseal(handle, 'test')).toBe('USERTOKEN1234567890');
    expect(await vault.names()).toEqual(['openai.api_key']);
    expect(await readdir(dir)).toEqual([]);

    const restarted = openKeyless();
    expect(await restarted.get('openai.api_key')).toBeUndefined();
    const error = await restarted.unseal(handle, 'test').catch((err: unknown) => err);
    expect(error).toBeInstanceOf(VaultError);
    expect((error as VaultError).code).toBe('not_found');
    expect((error as VaultError).message).toMatch(/kept in memory only.*Sign in to hh.ru or enter the API key again/);
  });

  it('says the key is missing when secrets were saved with one', async () => {
    await openVault().put('openai.api_key', SECRET);
    await expect(openKeyless().get('openai.api_key')).rejects.toThrow(/AAA_VAULT_KEY is not set/);
  });

  it('drops an older saved value when a new one is entered in memory', async () => {
    await openVault().put('openai.api_key', 'old-key-1234567');
    await openKeyless().put('openai.api_key', SECRET);
    expect(await openVault().get('openai.api_key')).toBeUndefined();
  });
});

describe('keeping secrets in memory only, after the disk stopped being trusted', () => {
  /** A cipher that can still read what it wrote, but no longer stores (weak protection withdrawn). */
  const switchable = () => {
    const inner = createAesCipher(KEY);
    const state = { persistent: true };
    const cipher = { ...inner, status: async () => ({ ...(await inner.status()), persistent: state.persistent }) };
    return { vault: new Vault({ cipher, file: openSecretFile(secretsPath()) }), state };
  };

  it('moves every named secret off the disk into memory, and drops one it cannot open', async () => {
    const { vault, state } = switchable();
    await vault.put('openai.api_key', SECRET);
    await vault.put('hh.client_secret', 'CLIENTSECRET123');
    // A damaged entry: useless, and still ciphertext on disk.
    const entries = JSON.parse(await readFile(secretsPath(), 'utf8')).entries as Record<string, string>;
    await writeFile(secretsPath(), JSON.stringify({ version: 1, entries: { ...entries, 'gigachat.credentials': 'gcm1:AAAA' } }));

    expect(await vault.keepInMemoryOnly()).toBe(0); // still persistent: nothing to do
    state.persistent = false;
    expect(await vault.keepInMemoryOnly()).toBe(2);
    expect(JSON.parse(await readFile(secretsPath(), 'utf8')).entries).toEqual({});
    expect(await vault.get('openai.api_key')).toBe(SECRET);
    expect(await vault.get('hh.client_secret')).toBe('CLIENTSECRET123');
    expect(await vault.get('gigachat.credentials')).toBeUndefined();
  });

  it("reseals a row's ciphertext as a memory handle, and leaves a memory handle as it is", async () => {
    const { vault, state } = switchable();
    const sealed = await vault.seal(SECRET, 'hh.refresh');
    state.persistent = false;
    const handle = await vault.reseal(sealed, 'hh.refresh');
    expect(handle).toMatch(/^mem:v1:/);
    expect(await vault.unseal(handle!, 'hh.refresh')).toBe(SECRET);
    expect(await vault.reseal(handle!, 'hh.refresh')).toBeUndefined();
    await expect(vault.reseal(sealed, 'hh.access')).rejects.toThrow(/wrong place/);
  });
});

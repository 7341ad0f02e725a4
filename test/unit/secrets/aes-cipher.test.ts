import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createAesCipher, VaultError } from '../../../main/core/secrets';

const PASSPHRASE = 'a long enough passphrase';
const RAW_KEY = randomBytes(32).toString('base64');

const failure = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(error).toBeInstanceOf(VaultError);
  return error as VaultError;
};

/** Flips one bit of the decoded payload at `index` (negative counts from the end). */
const tamper = (sealed: string, index: number) => {
  const bytes = Buffer.from(sealed.slice('gcm1:'.length), 'base64');
  const at = index < 0 ? bytes.length + index : index;
  bytes[at] = bytes[at]! ^ 1;
  return `gcm1:${bytes.toString('base64')}`;
};

describe('AES-256-GCM cipher', () => {
  it.each([
    ['a passphrase', PASSPHRASE],
    ['a base64 32-byte key', RAW_KEY],
  ])('round-trips with %s, across instances (each with its own salt)', async (_label, key) => {
    const sealed = await createAesCipher(key).encrypt('секрет ✓ secret');
    expect(sealed).toMatch(/^gcm1:[A-Za-z0-9+/]+={0,2}$/);
    expect(await createAesCipher(key).decrypt(sealed)).toEqual({ plain: 'секрет ✓ secret', reseal: false });
  });

  it('uses a fresh IV for every encryption', async () => {
    const cipher = createAesCipher(PASSPHRASE);
    expect(await cipher.encrypt('same')).not.toBe(await cipher.encrypt('same'));
  });

  it('reports persistent protection when keyed', async () => {
    expect(await createAesCipher(PASSPHRASE).status()).toEqual({ persistent: true, backend: 'aes-256-gcm' });
  });

  it('explains a wrong key', async () => {
    const sealed = await createAesCipher(PASSPHRASE).encrypt('secret');
    const error = await failure(createAesCipher('another long passphrase').decrypt(sealed));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(/vault key \(AAA_VAULT_KEY\) changed.*Set AAA_VAULT_KEY back/);
  });

  it.each([
    ['the ciphertext', -1],
    ['the auth tag', 16 + 12],
    ['the IV', 16],
    ['the salt', 0],
  ])('refuses a tampered %s', async (_label, index) => {
    const sealed = await createAesCipher(RAW_KEY).encrypt('secret value');
    expect((await failure(createAesCipher(RAW_KEY).decrypt(tamper(sealed, index)))).code).toBe('invalid_input');
  });

  it.each(['gcm1:', 'gcm1:AAAA', 'gcm1:not base64!', 'ss1:AAAA', 'plain text'])('refuses malformed input %j', async (sealed) => {
    expect((await failure(createAesCipher(RAW_KEY).decrypt(sealed))).code).toBe('invalid_input');
  });

  it('without a key, refuses to persist and says how to fix it', async () => {
    const cipher = createAesCipher(undefined);
    const status = await cipher.status();
    expect(status).toMatchObject({ persistent: false, problem: { code: 'no_vault_key' } });
    expect(status.problem?.message).toContain('AAA_VAULT_KEY');
    expect(await createAesCipher('   ').status()).toMatchObject({ persistent: false });
    await expect(cipher.encrypt('secret')).rejects.toThrow();
  });

  it('refuses a key too short to protect anything', () => {
    expect(() => createAesCipher('short')).toThrow(/at least 16 characters.*openssl rand -base64 32/);
  });
});

import { createCipheriv, createDecipheriv, hkdf, randomBytes, scrypt, type ScryptOptions } from 'node:crypto';
import { promisify } from 'node:util';
import { vaultProblems, type SecretCipher } from './cipher';
import { cannotDecrypt, VaultError } from './errors';

export const VAULT_KEY_ENV = 'AAA_VAULT_KEY';

const VERSION = 'gcm1';
const SALT_BYTES = 16;
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const MIN_PASSPHRASE = 16;
// N=2^15 costs ~100 ms and 32 MiB once per salt; maxmem leaves room above that exact bound.
const SCRYPT: ScryptOptions = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, length: number, options: ScryptOptions) => Promise<Buffer>;
const hkdfAsync = promisify(hkdf);
const base64Key = /^[A-Za-z0-9+/]{43}=$/;
const base64 = /^[A-Za-z0-9+/]*={0,2}$/;

const wrongKey = () =>
  cannotDecrypt(
    `the vault key (${VAULT_KEY_ENV}) changed or the secrets were altered.`,
    `Set ${VAULT_KEY_ENV} back to the key used before, or enter the secret again.`,
  );

/**
 * AES-256-GCM for the headless server, keyed by `AAA_VAULT_KEY`: either 32 random bytes in base64
 * (`openssl rand -base64 32`, expanded per salt with HKDF) or a passphrase of 16+ characters (stretched with
 * scrypt). Sealed form: `gcm1:` + base64(salt 16 | iv 12 | tag 16 | ciphertext). Each ciphertext
 * carries its own salt, so it can be opened without any file header; one salt per process keeps
 * key derivation to once per run.
 */
export function createAesCipher(vaultKey: string | undefined): SecretCipher {
  const key = vaultKey?.trim() || undefined;
  const derive = key === undefined ? undefined : keyDeriver(key);
  const salt = randomBytes(SALT_BYTES);

  return {
    kind: 'aes-256-gcm',
    status: async () =>
      derive
        ? { persistent: true, backend: 'aes-256-gcm' }
        : { persistent: false, backend: 'aes-256-gcm', problem: vaultProblems.noVaultKey },

    async encrypt(plain) {
      if (!derive) throw new Error('The vault sealed a secret while no vault key is set.');
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', await derive(salt), iv);
      cipher.setAAD(Buffer.from(VERSION));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `${VERSION}:${Buffer.concat([salt, iv, cipher.getAuthTag(), body]).toString('base64')}`;
    },

    async decrypt(sealed) {
      const payload = sealed.slice(VERSION.length + 1);
      if (!sealed.startsWith(`${VERSION}:`) || !base64.test(payload)) throw cannotDecrypt('it was not saved by this vault.');
      if (!derive)
        throw cannotDecrypt(
          `it was saved with a vault key, but ${VAULT_KEY_ENV} is not set.`,
          `Set ${VAULT_KEY_ENV} to the key used before, or enter the secret again.`,
        );
      const bytes = Buffer.from(payload, 'base64');
      if (bytes.length < SALT_BYTES + IV_BYTES + TAG_BYTES) throw wrongKey();
      const ivEnd = SALT_BYTES + IV_BYTES;
      const decipher = createDecipheriv('aes-256-gcm', await derive(bytes.subarray(0, SALT_BYTES)), bytes.subarray(SALT_BYTES, ivEnd));
      decipher.setAAD(Buffer.from(VERSION));
      decipher.setAuthTag(bytes.subarray(ivEnd, ivEnd + TAG_BYTES));
      try {
        const plain = Buffer.concat([decipher.update(bytes.subarray(ivEnd + TAG_BYTES)), decipher.final()]).toString('utf8');
        return { plain, reseal: false };
      } catch {
        throw wrongKey();
      }
    },
  };
}

/** Derived keys are cached by salt: scrypt is slow on purpose. */
function keyDeriver(key: string): (salt: Buffer) => Promise<Buffer> {
  // A base64 key is 44 characters, so this only ever refuses short passphrases.
  if (key.length < MIN_PASSPHRASE) {
    throw new VaultError(
      'invalid_input',
      `${VAULT_KEY_ENV} is too short: use a passphrase of at least ${MIN_PASSPHRASE} characters, or 32 random bytes in base64 (openssl rand -base64 32).`,
    );
  }
  const raw = base64Key.test(key) ? Buffer.from(key, 'base64') : undefined;
  const cache = new Map<string, Promise<Buffer>>();
  return (salt) => {
    const id = salt.toString('hex');
    let derived = cache.get(id);
    if (!derived) {
      derived = raw
        ? hkdfAsync('sha256', raw, salt, 'aaa-vault gcm1', 32).then((bytes) => Buffer.from(bytes))
        : scryptAsync(key, salt, 32, SCRYPT);
      cache.set(id, derived);
    }
    return derived;
  };
}

import { randomUUID } from 'node:crypto';
import type { Logger } from '../ports';
import type { SecretCipher, VaultStatus } from './cipher';
import { cannotDecrypt, emptySecret, secretNotKept } from './errors';
import { checkSecretName, type SecretName } from './names';
import type { Redactor } from './redact';
import type { SecretFile } from './secret-file';

const MEMORY_HANDLE = 'mem:v1:';
/** Marks a secret bound to what it is for: `\u0001<for>\u0001<secret>` inside the ciphertext. */
const BOUND = '\u0001';

const bind = (purpose: string, secret: string) => `${BOUND}${purpose}${BOUND}${secret}`;

/**
 * The secret, if it was sealed for `purpose`. A ciphertext copied from another entry (a refresh token
 * moved into the access token's place, one key file entry over another) is refused, whatever the
 * cipher: safeStorage has no associated data of its own. Secrets sealed before binding existed are
 * accepted once and sealed again, bound.
 */
function unbind(purpose: string, plain: string): { secret: string; legacy: boolean } {
  if (!plain.startsWith(BOUND)) return { secret: plain, legacy: true };
  const end = plain.indexOf(BOUND, 1);
  if (end < 0 || plain.slice(1, end) !== purpose) {
    throw cannotDecrypt('a stored secret is in the wrong place (it was sealed for something else).', 'Enter the secret again.');
  }
  return { secret: plain.slice(end + 1), legacy: false };
}

export interface VaultOptions {
  cipher: SecretCipher;
  file: SecretFile;
  /** Told every secret the vault sees, so logs and errors never show it. */
  redactor?: Pick<Redactor, 'addSecret'>;
  log?: Logger;
}

/**
 * The one place secrets are decrypted. Named secrets go to the secrets file as ciphertext; callers
 * that keep secrets in their own rows (api_tokens) store `seal()`ed strings and call `unseal()`.
 * While the cipher cannot protect secrets (no keyring, no vault key), nothing reaches the disk: named
 * secrets stay in a Map and `seal()` hands out `mem:v1:` handles, both gone when the process ends.
 */
/** What a named secret in the secrets file is for: its name. */
const entryPurpose = (name: SecretName) => `file:${name}`;

export class Vault {
  private readonly cipher: SecretCipher;
  private readonly file: SecretFile;
  private readonly redactor: Pick<Redactor, 'addSecret'>;
  private readonly log?: Logger;
  private readonly memory = new Map<SecretName, string>();
  private readonly handles = new Map<string, string>();

  constructor(options: VaultOptions) {
    this.cipher = options.cipher;
    this.file = options.file;
    this.redactor = options.redactor ?? { addSecret() {} };
    this.log = options.log;
  }

  status(): Promise<VaultStatus> {
    return this.cipher.status();
  }

  async put(name: SecretName, secret: string): Promise<void> {
    checkSecretName(name);
    if (!secret) throw emptySecret();
    this.redactor.addSecret(secret);
    if ((await this.cipher.status()).persistent) {
      const sealed = await this.cipher.encrypt(bind(entryPurpose(name), secret));
      await this.file.update((entries) => {
        entries[name] = sealed;
      });
      this.memory.delete(name);
    } else {
      this.memory.set(name, secret);
      // An older saved value would come back after a restart and override the one just entered.
      await this.file.update((entries) => {
        delete entries[name];
      });
    }
  }

  async get(name: SecretName): Promise<string | undefined> {
    checkSecretName(name);
    const kept = this.memory.get(name);
    if (kept !== undefined) return kept;
    const sealed = (await this.file.read())[name];
    if (sealed === undefined) return undefined;
    const { plain, resealed } = await this.unsealDetailed(sealed, entryPurpose(name));
    if (resealed) {
      // Only if nobody replaced the entry meanwhile.
      await this.file.update((entries) => {
        if (entries[name] === sealed) entries[name] = resealed;
      });
    }
    return plain;
  }

  async delete(name: SecretName): Promise<void> {
    checkSecretName(name);
    this.memory.delete(name);
    await this.file.update((entries) => {
      delete entries[name];
    });
  }

  async names(): Promise<SecretName[]> {
    const saved = Object.keys(await this.file.read()) as SecretName[];
    return [...new Set([...saved, ...this.memory.keys()])].sort();
  }

  /** After the user makes storage persistent (unlocks a keyring, accepts weak protection): saves what was held in memory. */
  async persistPending(): Promise<number> {
    if (!(await this.cipher.status()).persistent) return 0;
    const pending = [...this.memory];
    for (const [name, secret] of pending) await this.put(name, secret);
    return pending.length;
  }

  /**
   * After the user withdraws weak protection: every named secret leaves the secrets file for this
   * process's memory, so no ciphertext under the weak key stays on disk. One that cannot be opened
   * any more is dropped all the same (it could not be used, and it must not stay behind).
   * Returns how many were kept in memory.
   */
  async keepInMemoryOnly(): Promise<number> {
    if ((await this.cipher.status()).persistent) return 0;
    const sealed = await this.file.read();
    const moved = new Map<SecretName, string>();
    for (const [name, value] of Object.entries(sealed) as [SecretName, string][]) {
      try {
        this.memory.set(name, (await this.unsealDetailed(value, entryPurpose(name))).plain);
        moved.set(name, value);
      } catch (err) {
        moved.set(name, value);
        this.log?.warn('a stored secret could not be opened and was removed from disk', {
          name,
          error: err instanceof Error ? err.message : String(err),
        });
      }
    }
    // Only what was read: an entry written meanwhile is the newer one and its own writer decides.
    await this.file.update((entries) => {
      for (const [name, value] of moved) if (entries[name] === value) delete entries[name];
    });
    return [...moved.keys()].filter((name) => this.memory.has(name)).length;
  }

  /**
   * A sealed string held outside the vault (an api_tokens row), sealed again the way the vault seals
   * now: a memory handle while storage is not persistent. Returns undefined when it is already one.
   */
  async reseal(sealed: string, purpose: string): Promise<string | undefined> {
    if (sealed.startsWith(MEMORY_HANDLE) && !(await this.cipher.status()).persistent) return undefined;
    return this.seal(await this.unseal(sealed, purpose), purpose);
  }

  /** `purpose` names what the secret is for (e.g. 'hh.refresh'); `unseal` must be given the same. */
  async seal(plain: string, purpose: string): Promise<string> {
    if (!plain) throw emptySecret();
    this.redactor.addSecret(plain);
    if ((await this.cipher.status()).persistent) return this.cipher.encrypt(bind(purpose, plain));
    const handle = `${MEMORY_HANDLE}${randomUUID()}`;
    this.handles.set(handle, plain);
    return handle;
  }

  async unseal(sealed: string, purpose: string): Promise<string> {
    return (await this.unsealDetailed(sealed, purpose)).plain;
  }

  /**
   * Like `unseal`, plus `resealed`: a fresh ciphertext to store instead of `sealed` when the OS rotated
   * its key or the secret was sealed before it was bound to its purpose.
   */
  async unsealDetailed(sealed: string, purpose: string): Promise<{ plain: string; resealed?: string }> {
    if (sealed.startsWith(MEMORY_HANDLE)) {
      const plain = this.handles.get(sealed);
      if (plain === undefined) throw secretNotKept();
      return { plain };
    }
    const opened = await this.cipher.decrypt(sealed);
    const { secret: plain, legacy } = unbind(purpose, opened.plain);
    this.redactor.addSecret(plain);
    if (!opened.reseal && !legacy) return { plain };
    try {
      return (await this.cipher.status()).persistent ? { plain, resealed: await this.cipher.encrypt(bind(purpose, plain)) } : { plain };
    } catch (err) {
      // The secret itself was read; failing to refresh its ciphertext must not lose it.
      this.log?.warn('could not re-encrypt a secret', { error: err instanceof Error ? err.message : String(err) });
      return { plain };
    }
  }
}

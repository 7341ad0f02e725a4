import { randomUUID } from 'node:crypto';
import type { Logger } from '../ports';
import type { SecretCipher, VaultStatus } from './cipher';
import { emptySecret, secretNotKept } from './errors';
import { checkSecretName, type SecretName } from './names';
import type { Redactor } from './redact';
import type { SecretFile } from './secret-file';

const MEMORY_HANDLE = 'mem:v1:';

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
      const sealed = await this.cipher.encrypt(secret);
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
    const { plain, resealed } = await this.unsealDetailed(sealed);
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

  async seal(plain: string): Promise<string> {
    if (!plain) throw emptySecret();
    this.redactor.addSecret(plain);
    if ((await this.cipher.status()).persistent) return this.cipher.encrypt(plain);
    const handle = `${MEMORY_HANDLE}${randomUUID()}`;
    this.handles.set(handle, plain);
    return handle;
  }

  async unseal(sealed: string): Promise<string> {
    return (await this.unsealDetailed(sealed)).plain;
  }

  /** Like `unseal`, plus `resealed`: a fresh ciphertext to store instead of `sealed` when the OS rotated its key. */
  async unsealDetailed(sealed: string): Promise<{ plain: string; resealed?: string }> {
    if (sealed.startsWith(MEMORY_HANDLE)) {
      const plain = this.handles.get(sealed);
      if (plain === undefined) throw secretNotKept();
      return { plain };
    }
    const { plain, reseal } = await this.cipher.decrypt(sealed);
    this.redactor.addSecret(plain);
    if (!reseal) return { plain };
    try {
      return (await this.cipher.status()).persistent ? { plain, resealed: await this.cipher.encrypt(plain) } : { plain };
    } catch (err) {
      // The secret itself was read; failing to refresh its ciphertext must not lose it.
      this.log?.warn('could not re-encrypt a secret', { error: err instanceof Error ? err.message : String(err) });
      return { plain };
    }
  }
}

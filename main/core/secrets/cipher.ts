export type VaultProblemCode = 'keyring_unavailable' | 'no_vault_key' | 'weak_protection_accepted';

export interface VaultStatus {
  /** False: secrets live in this process only and are gone after a restart. */
  persistent: boolean;
  /** Where sealed secrets go, e.g. `gnome_libsecret`, `keychain`, `aes-256-gcm`. */
  backend: string;
  /** Why protection is missing or weak, in a sentence the user can act on. */
  problem?: { code: VaultProblemCode; message: string };
}

export interface Unsealed {
  plain: string;
  /** The key was rotated or got stronger: seal `plain` again and store the new ciphertext. */
  reseal: boolean;
}

/**
 * Turns a secret into ASCII ciphertext (`<version>:<base64>`) and back. The vault decides whether
 * to use it at all (see `status()`); a cipher never stores anything itself.
 */
export interface SecretCipher {
  readonly kind: string;
  status(): Promise<VaultStatus>;
  encrypt(plain: string): Promise<string>;
  decrypt(sealed: string): Promise<Unsealed>;
}

export const vaultProblems = {
  keyringUnavailable: {
    code: 'keyring_unavailable',
    message:
      'Your system has no unlocked keyring, so hh.ru tokens and API keys are kept in memory only and you will need to sign in again after a restart. ' +
      'Install and unlock GNOME Keyring or KWallet, or accept weaker protection in Settings.',
  },
  secureStorageUnavailable: {
    code: 'keyring_unavailable',
    message:
      "Your system's secure storage is not available, so hh.ru tokens and API keys are kept in memory only and you will need to sign in again after a restart. " +
      'Sign in to your system account (Keychain on macOS) and restart the app.',
  },
  weakProtectionAccepted: {
    code: 'weak_protection_accepted',
    message:
      'Secrets are saved with weak protection: without a keyring, anyone who can read your files can recover your hh.ru tokens and API keys. ' +
      'Install and unlock GNOME Keyring or KWallet, then turn weak protection off in Settings.',
  },
  noVaultKey: {
    code: 'no_vault_key',
    message:
      'Secrets are kept in memory only because AAA_VAULT_KEY is not set. Set AAA_VAULT_KEY to keep secrets between runs of the headless server ' +
      '(for example, the output of `openssl rand -base64 32`).',
  },
} as const satisfies Record<string, NonNullable<VaultStatus['problem']>>;

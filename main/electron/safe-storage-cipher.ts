import { safeStorage } from 'electron';
import { vaultProblems, type SecretCipher, type VaultStatus } from '../core/secrets/cipher';
import { cannotDecrypt } from '../core/secrets/errors';

const VERSION = 'ss1';

export interface SafeStorageCipherOptions {
  /** The user's choice in Settings to save secrets even without a keyring. Asked every time: it can change. */
  acceptWeakProtection?: () => boolean;
  platform?: NodeJS.Platform;
}

const osBackends: Partial<Record<NodeJS.Platform, string>> = { darwin: 'keychain', win32: 'dpapi' };

/**
 * The OS keyring through Electron's async safeStorage. On Linux without a keyring Chromium falls back
 * to `basic_text`, a key hard-coded in Chromium: that is obfuscation, so the vault is told not to
 * persist unless the user accepted it. `unknown` (asked before app ready) is treated the same way.
 */
export function createSafeStorageCipher(options: SafeStorageCipherOptions = {}): SecretCipher {
  const platform = options.platform ?? process.platform;

  const status = async (): Promise<VaultStatus> => {
    const available = await safeStorage.isAsyncEncryptionAvailable();
    const backend = platform === 'linux' ? safeStorage.getSelectedStorageBackend() : (osBackends[platform] ?? platform);
    if (!available) {
      return {
        persistent: false,
        backend,
        problem: platform === 'linux' ? vaultProblems.keyringUnavailable : vaultProblems.secureStorageUnavailable,
      };
    }
    if (backend !== 'basic_text' && backend !== 'unknown') return { persistent: true, backend };
    return options.acceptWeakProtection?.()
      ? { persistent: true, backend, problem: vaultProblems.weakProtectionAccepted }
      : { persistent: false, backend, problem: vaultProblems.keyringUnavailable };
  };

  return {
    kind: 'safe-storage',
    status,
    async encrypt(plain) {
      return `${VERSION}:${(await safeStorage.encryptStringAsync(plain)).toString('base64')}`;
    },
    async decrypt(sealed) {
      if (!sealed.startsWith(`${VERSION}:`)) throw cannotDecrypt('it was not saved by this app on this computer.');
      try {
        const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(Buffer.from(sealed.slice(VERSION.length + 1), 'base64'));
        return { plain: result, reseal: shouldReEncrypt };
      } catch {
        throw cannotDecrypt(
          'your system keyring no longer has the key it was saved with (it was reset, or the secrets came from another computer or user).',
        );
      }
    },
  };
}

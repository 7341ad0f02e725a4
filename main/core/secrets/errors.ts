import { AppError, say, type Said } from '../errors';

/**
 * Vault failures the user can fix, so never `internal` (whose message is hidden): `not_found` when
 * a secret was deliberately not kept, `invalid_input` when what is stored cannot be read back.
 */
export class VaultError extends AppError {
  constructor(code: 'not_found' | 'invalid_input', message: string | Said) {
    super(code, message);
    this.name = 'VaultError';
  }
}

export const secretNotKept = () =>
  new VaultError(
    'not_found',
    'This secret was kept in memory only and is gone since the app restarted. Sign in to hh.ru or enter the API key again.',
  );

export const cannotDecrypt = (why: string, fix = 'Enter the secret again (or sign in to hh.ru again).') =>
  new VaultError('invalid_input', `A saved secret could not be decrypted: ${why} ${fix}`);

export const damagedSecretsFile = (path: string) => new VaultError('invalid_input', say('secrets.fileDamaged', { path }));

export const emptySecret = () => new VaultError('invalid_input', say('secrets.empty'));

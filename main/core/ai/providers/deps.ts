import type { Clock, Logger } from '../../ports';
import type { Redactor, Vault } from '../../secrets';
import type { AiRetryPolicy } from './retry';

/** The part of the vault providers use: keys are read at each call, so a key changed in Settings applies at once. */
export type SecretStore = Pick<Vault, 'get' | 'put' | 'delete'>;

export interface ProviderDeps {
  vault: SecretStore;
  log: Logger;
  clock: Clock;
  /** The app's resources folder: the Russian Trusted Root CA ships in certs/ under it. */
  resourcesDir: string;
  /**
   * The app's redactor. The vault registers what it stores, but the GigaChat token is stored inside
   * JSON, so the provider registers the bare token itself.
   */
  redactor?: Pick<Redactor, 'addSecret'>;
  /** Tests shorten the waits; the app uses the default policy. */
  retryPolicy?: Partial<AiRetryPolicy>;
}

import { createHash } from 'node:crypto';
import type { Clock, Logger } from '../../../ports';
import type { Redactor } from '../../../secrets';
import type { SecretStore } from '../deps';
import { notConfigured } from '../errors';

export const CREDENTIALS_SECRET = 'gigachat.credentials';
export const TOKEN_SECRET = 'gigachat.access_token';

/** Renew this long before expiry: a token that dies mid-request costs a 401 and a second round trip. */
export const RENEW_WITHIN_MS = 60_000;

/** What the vault keeps under 'gigachat.access_token'. */
export interface StoredToken {
  token: string;
  /** Epoch milliseconds, as GigaChat sends it. */
  expiresAt: number;
  /** Which key, scope and address issued it, hashed: a token from a key the user has since replaced is not reused. */
  issuer?: string;
}

export interface TokenSourceOptions {
  vault: SecretStore;
  clock: Clock;
  log: Logger;
  redactor?: Pick<Redactor, 'addSecret'>;
  authUrl: string;
  scope: string;
  /** The OAuth request itself (its own timeout, no caller's signal: it is shared). */
  fetchToken(credentials: string): Promise<{ token: string; expiresAt: number }>;
}

const issuerOf = (authUrl: string, scope: string, credentials: string) =>
  createHash('sha256').update(`${authUrl}\n${scope}\n${credentials}`).digest('hex').slice(0, 16);

function parseStored(text: string | undefined): StoredToken | undefined {
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as Partial<StoredToken>;
    return typeof value.token === 'string' && typeof value.expiresAt === 'number' ? (value as StoredToken) : undefined;
  } catch {
    return undefined;
  }
}

function abortable<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (err: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(err);
      },
    );
  });
}

/**
 * The GigaChat access token: kept in the vault with its expiry so a restart does not cost a new
 * one, renewed a minute before it expires, and renewed once for all callers at a time (the token
 * endpoint allows about 10 requests a second, and 20 letters must not fetch 20 tokens). A caller
 * that aborts stops waiting; the shared renewal goes on for the others.
 */
export class GigaChatTokens {
  private current?: StoredToken;
  private loaded = false;
  private pending?: Promise<StoredToken>;
  private credentials?: string;
  /** The last few tokens: a service may quote a token it has just refused. */
  private readonly recent: string[] = [];

  constructor(private readonly options: TokenSourceOptions) {}

  async get(signal?: AbortSignal): Promise<string> {
    signal?.throwIfAborted();
    if (this.current && this.fresh(this.current)) return this.current.token;
    if (!this.pending) {
      this.pending = this.renew().finally(() => {
        this.pending = undefined;
      });
      // Callers who aborted no longer listen; the failure still reaches those who wait.
      this.pending.catch(() => {});
    }
    return (await abortable(this.pending, signal)).token;
  }

  /** After a 401 with `token`: forget it, unless a newer one has replaced it already. */
  async invalidate(token: string): Promise<void> {
    if (this.current?.token !== token) return;
    this.current = undefined;
    await this.options.vault.delete(TOKEN_SECRET).catch((err: unknown) => this.warn('could not forget the GigaChat access token', err));
  }

  /** What must never be quoted back in an error: the key and the token. */
  secrets(): (string | undefined)[] {
    return [...this.recent, this.credentials];
  }

  private fresh(token: StoredToken): boolean {
    return token.expiresAt - this.options.clock.now().getTime() > RENEW_WITHIN_MS;
  }

  private async renew(): Promise<StoredToken> {
    const { vault, authUrl, scope, log } = this.options;
    const credentials = await vault.get(CREDENTIALS_SECRET);
    if (!credentials)
      throw notConfigured(
        { provider: 'gigachat', name: 'GigaChat' },
        'GigaChat needs your authorization key (from your project in the Sber studio).',
      );
    this.credentials = credentials;
    const issuer = issuerOf(authUrl, scope, credentials);

    if (!this.loaded) {
      this.loaded = true;
      const saved = parseStored(
        await vault.get(TOKEN_SECRET).catch((err: unknown) => this.warn('could not read the saved GigaChat access token', err)),
      );
      if (saved && (saved.issuer === undefined || saved.issuer === issuer) && this.fresh(saved)) {
        this.remember(saved.token);
        this.current = saved;
        return saved;
      }
    }

    const issued = await this.options.fetchToken(credentials);
    this.remember(issued.token);
    // A token already inside the renewal window is still used once: renewing again would only loop.
    const token: StoredToken = { token: issued.token, expiresAt: issued.expiresAt, issuer };
    this.current = token;
    await vault
      .put(TOKEN_SECRET, JSON.stringify(token))
      .catch((err: unknown) => this.warn('could not save the GigaChat access token', err));
    log.info('GigaChat access token renewed', { expiresAt: new Date(token.expiresAt).toISOString() });
    return token;
  }

  private remember(token: string): void {
    this.options.redactor?.addSecret(token);
    this.recent.unshift(token);
    this.recent.length = Math.min(this.recent.length, 4);
  }

  private warn(message: string, err: unknown): undefined {
    this.options.log.warn(message, { error: err instanceof Error ? err.name : 'unknown' });
    return undefined;
  }
}

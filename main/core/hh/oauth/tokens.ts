import type { Clock, Logger } from '../../ports';
import type { ApiTokenRepository } from '../../db/repositories/api-tokens';
import type { AuditLogRepository } from '../../db/repositories/audit-log';
import type { Vault } from '../../secrets';
import { HhError } from '../errors';
import type { HhHttp } from '../http/hh-http';

/** What each sealed token is, bound into its ciphertext: an access token cannot be passed off as a refresh token or the app's. */
const SEALED_FOR = { access: 'hh.access', refresh: 'hh.refresh', appAccess: 'hh_app.access' } as const;
/** The rows this service keeps in api_tokens, and what each sealed value is for. */
const STORED_ROWS = [
  { provider: 'hh', access: SEALED_FOR.access, refresh: SEALED_FOR.refresh },
  { provider: 'hh_app', access: SEALED_FOR.appAccess, refresh: undefined },
] as const;

export interface HhClientCredentials {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}

interface TokenAnswer {
  access_token: string;
  refresh_token?: string;
  expires_in?: number;
  token_type?: string;
}

export interface TokenServiceDeps {
  http: HhHttp;
  tokens: ApiTokenRepository;
  audit: AuditLogRepository;
  vault: Vault;
  clock: Clock;
  log: Logger;
  credentials: () => Promise<HhClientCredentials | undefined>;
  /** Told once when hh.ru ends the sign-in (revoked, password changed, refresh refused). */
  onSignedOut: (reason: string) => void;
}

const APP_TOKEN_MIN_INTERVAL_MS = 5 * 60 * 1000;
const ACCOUNT = '';

const signedOut = (reason: string) =>
  new HhError(
    'hh_signed_out',
    'You are not signed in to hh.ru. Sign in to continue.',
    { status: 0 },
    { next: { kind: 'sign_in' }, details: { reason } },
  );

/**
 * The hh.ru tokens, as hh.ru allows them to be used: a refresh only after the access token has
 * expired, each refresh token once, one refresh in flight shared by every caller, and the
 * application token no more often than every 5 minutes. Every event goes to the audit log.
 */
export class HhTokenService {
  #refreshing?: Promise<string>;
  /** Refresh tokens already sent: hh.ru accepts each once, a second use would only get a refusal. */
  readonly #spentRefreshTokens = new Set<string>();
  #appToken?: { token: string; at: number };
  #appTokenRequest?: Promise<string>;

  constructor(private readonly deps: TokenServiceDeps) {}

  async exchangeCode(code: string): Promise<void> {
    const credentials = await this.#credentials();
    try {
      const { data } = await this.deps.http.request<TokenAnswer>({
        method: 'POST',
        path: '/token',
        body: {
          kind: 'form',
          fields: {
            grant_type: 'authorization_code',
            client_id: credentials.clientId,
            client_secret: credentials.clientSecret,
            redirect_uri: credentials.redirectUri,
            code,
          },
        },
      });
      await this.#store(data, 'obtained');
      await this.#audit('hh.token.obtain', 'ok', '');
    } catch (err) {
      await this.#audit('hh.token.obtain', 'failed', (err as Error).message);
      throw err;
    }
  }

  async isSignedIn(): Promise<boolean> {
    return (await this.deps.tokens.get('hh', ACCOUNT)) !== undefined;
  }

  /** A usable access token: refreshed first if it has expired (never before). */
  async accessToken(): Promise<string> {
    const stored = await this.deps.tokens.get('hh', ACCOUNT);
    if (!stored) throw signedOut('no_token');
    if (stored.expiresAt && Date.parse(stored.expiresAt) <= this.deps.clock.now().getTime()) return this.#refreshOnce();
    try {
      return await this.deps.vault.unseal(stored.accessTokenSealed, SEALED_FOR.access);
    } catch {
      // Kept in memory only (no keyring) by an earlier run, or encrypted under a key that changed.
      return this.forget('token_not_kept');
    }
  }

  /**
   * hh.ru said this token expired (403 token_expired). Refresh unless another caller already did:
   * then the newer token is returned without a second refresh.
   */
  async tokenExpired(usedToken: string): Promise<string> {
    if (this.#refreshing) return this.#refreshing;
    const stored = await this.deps.tokens.get('hh', ACCOUNT);
    if (!stored) throw signedOut('no_token');
    const current = await this.deps.vault.unseal(stored.accessTokenSealed, SEALED_FOR.access);
    if (current !== usedToken) return current;
    return this.#refreshOnce();
  }

  #refreshOnce(): Promise<string> {
    this.#refreshing ??= this.#refresh().finally(() => {
      this.#refreshing = undefined;
    });
    return this.#refreshing;
  }

  async #refresh(): Promise<string> {
    const stored = await this.deps.tokens.get('hh', ACCOUNT);
    if (!stored?.refreshTokenSealed) return this.#endSignIn('no_refresh_token');
    const refreshToken = await this.deps.vault.unseal(stored.refreshTokenSealed, SEALED_FOR.refresh);
    if (this.#spentRefreshTokens.has(refreshToken)) return this.#endSignIn('refresh_token_spent');
    this.#spentRefreshTokens.add(refreshToken);
    try {
      const { data } = await this.deps.http.request<TokenAnswer>({
        method: 'POST',
        path: '/token',
        body: { kind: 'form', fields: { grant_type: 'refresh_token', refresh_token: refreshToken } },
      });
      const token = await this.#store(data, 'refreshed');
      await this.#audit('hh.token.refresh', 'ok', '');
      return token;
    } catch (err) {
      await this.#audit('hh.token.refresh', 'failed', (err as Error).message);
      if (err instanceof HhError && err.code === 'hh_signed_out') return this.#endSignIn(err.details?.reason ?? 'refresh_refused');
      // A network failure did not spend the token on hh.ru's side: it may be tried again.
      if (err instanceof HhError && err.retryable) this.#spentRefreshTokens.delete(refreshToken);
      throw err;
    }
  }

  /** hh.ru refused the token for good (revoked, bad authorization): forget it and tell the user. */
  forget(reason: string): Promise<never> {
    return this.#endSignIn(reason);
  }

  async #endSignIn(reason: string): Promise<never> {
    await this.deps.tokens.delete('hh', ACCOUNT);
    await this.#audit('hh.signed_out', 'refused', reason);
    this.deps.onSignedOut(reason);
    throw signedOut(reason);
  }

  /** Sign out: tell hh.ru to revoke the token (best effort), then forget it here. */
  async revoke(): Promise<void> {
    const stored = await this.deps.tokens.get('hh', ACCOUNT);
    if (!stored) return;
    try {
      const token = await this.deps.vault.unseal(stored.accessTokenSealed, SEALED_FOR.access);
      await this.deps.http.request({ method: 'DELETE', path: '/oauth/token', bearer: token });
      await this.#audit('hh.token.revoke', 'ok', '');
    } catch (err) {
      await this.#audit('hh.token.revoke', 'failed', (err as Error).message);
    } finally {
      await this.deps.tokens.delete('hh', ACCOUNT);
    }
  }

  /**
   * Seals this service's rows again the way the vault seals now: after weak protection is withdrawn,
   * memory handles instead of ciphertext under the weak key. A row that cannot be opened is one no
   * request could use: it is deleted rather than left on disk.
   */
  async resealStored(): Promise<void> {
    for (const row of STORED_ROWS) {
      const stored = await this.deps.tokens.get(row.provider, ACCOUNT);
      if (!stored) continue;
      try {
        const access = await this.deps.vault.reseal(stored.accessTokenSealed, row.access);
        const refresh =
          stored.refreshTokenSealed && row.refresh ? await this.deps.vault.reseal(stored.refreshTokenSealed, row.refresh) : undefined;
        if (access === undefined && refresh === undefined) continue;
        await this.deps.tokens.reseal(row.provider, ACCOUNT, stored, {
          accessTokenSealed: access ?? stored.accessTokenSealed,
          refreshTokenSealed: refresh ?? stored.refreshTokenSealed,
        });
      } catch (err) {
        this.deps.log.warn('a stored hh.ru token could not be opened and was removed', {
          provider: row.provider,
          error: (err as Error).message,
        });
        await this.deps.tokens.delete(row.provider, ACCOUNT);
        if (row.provider === 'hh') {
          await this.#audit('hh.signed_out', 'refused', 'token_not_kept');
          this.deps.onSignedOut('token_not_kept');
        }
      }
    }
  }

  /**
   * Opens each stored token once and changes nothing: the vault tells the redactor what it opens, so
   * a support report hides these tokens even in a log an earlier run wrote. One that cannot be opened
   * is skipped (no request of this run can use it either).
   */
  async learnStored(): Promise<void> {
    for (const row of STORED_ROWS) {
      const stored = await this.deps.tokens.get(row.provider, ACCOUNT);
      if (!stored) continue;
      await this.deps.vault.unseal(stored.accessTokenSealed, row.access).catch(() => undefined);
      if (stored.refreshTokenSealed && row.refresh)
        await this.deps.vault.unseal(stored.refreshTokenSealed, row.refresh).catch(() => undefined);
    }
  }

  /** The application's own token (search without a user), cached; hh.ru refuses a new one within 5 minutes. */
  async applicationToken(): Promise<string | undefined> {
    const credentials = await this.deps.credentials();
    if (!credentials) return undefined;
    if (this.#appToken) return this.#appToken.token;
    const stored = await this.deps.tokens.get('hh_app', ACCOUNT);
    if (stored) {
      const token = await this.deps.vault.unseal(stored.accessTokenSealed, SEALED_FOR.appAccess);
      this.#appToken = { token, at: Date.parse(stored.obtainedAt) };
      return token;
    }
    this.#appTokenRequest ??= this.#requestAppToken(credentials).finally(() => {
      this.#appTokenRequest = undefined;
    });
    return this.#appTokenRequest;
  }

  /** The cached application token was refused: get a new one, but not sooner than hh.ru allows. */
  async applicationTokenRejected(): Promise<void> {
    const last = this.#appToken?.at ?? 0;
    this.#appToken = undefined;
    await this.deps.tokens.delete('hh_app', ACCOUNT);
    if (this.deps.clock.now().getTime() - last < APP_TOKEN_MIN_INTERVAL_MS) this.#appToken = { token: '', at: last };
  }

  async #requestAppToken(credentials: HhClientCredentials): Promise<string> {
    try {
      const { data } = await this.deps.http.request<TokenAnswer>({
        method: 'POST',
        path: '/token',
        body: {
          kind: 'form',
          fields: { grant_type: 'client_credentials', client_id: credentials.clientId, client_secret: credentials.clientSecret },
        },
      });
      await this.deps.tokens.save(
        {
          provider: 'hh_app',
          account: ACCOUNT,
          accessTokenSealed: await this.deps.vault.seal(data.access_token, SEALED_FOR.appAccess),
          refreshTokenSealed: null,
          expiresAt: null,
        },
        'obtained',
      );
      this.#appToken = { token: data.access_token, at: this.deps.clock.now().getTime() };
      await this.#audit('hh.app_token.obtain', 'ok', '');
      return data.access_token;
    } catch (err) {
      await this.#audit('hh.app_token.obtain', 'failed', (err as Error).message);
      throw err;
    }
  }

  async #store(answer: TokenAnswer, event: 'obtained' | 'refreshed'): Promise<string> {
    const expiresAt = answer.expires_in ? new Date(this.deps.clock.now().getTime() + answer.expires_in * 1000).toISOString() : null;
    await this.deps.tokens.save(
      {
        provider: 'hh',
        account: ACCOUNT,
        accessTokenSealed: await this.deps.vault.seal(answer.access_token, SEALED_FOR.access),
        refreshTokenSealed: answer.refresh_token ? await this.deps.vault.seal(answer.refresh_token, SEALED_FOR.refresh) : null,
        expiresAt,
      },
      event,
    );
    return answer.access_token;
  }

  async #credentials(): Promise<HhClientCredentials> {
    const credentials = await this.deps.credentials();
    if (!credentials) {
      throw new HhError(
        'hh_not_configured',
        'Signing in with the hh.ru API needs your own dev.hh.ru application. Enter its client id, secret and redirect URI in Settings → hh.ru.',
        { status: 0 },
        {
          next: { kind: 'open_settings', section: 'hh' },
        },
      );
    }
    return credentials;
  }

  #audit(action: string, outcome: 'ok' | 'failed' | 'refused', details: string) {
    return this.deps.audit.append({ action, target: 'hh.ru', outcome, details });
  }
}

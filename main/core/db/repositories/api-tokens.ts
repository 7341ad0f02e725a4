import type { Clock } from '../../ports';
import type { DatabaseClient } from '../client';
import { text } from './rows';

export type TokenProvider = 'hh' | 'hh_app' | 'gigachat';

/** Tokens exactly as stored: sealed by the vault. Only the vault can open them; never sent to the renderer. */
export interface StoredToken {
  provider: TokenProvider;
  account: string;
  accessTokenSealed: string;
  refreshTokenSealed: string | null;
  expiresAt: string | null;
  obtainedAt: string;
  refreshedAt: string | null;
}

export class ApiTokenRepository {
  constructor(
    private readonly db: DatabaseClient,
    private readonly clock: Clock,
  ) {}

  async save(token: Omit<StoredToken, 'obtainedAt' | 'refreshedAt'>, event: 'obtained' | 'refreshed'): Promise<void> {
    const now = this.clock.now().toISOString();
    await this.db.run(
      `INSERT INTO api_tokens (provider, account, access_token_sealed, refresh_token_sealed, expires_at, obtained_at, refreshed_at)
       VALUES ($provider, $account, $access, $refresh, $expires, $now, CASE WHEN $event = 'refreshed' THEN $now END)
       ON CONFLICT(provider, account) DO UPDATE SET access_token_sealed = excluded.access_token_sealed,
         refresh_token_sealed = excluded.refresh_token_sealed, expires_at = excluded.expires_at,
         obtained_at = CASE WHEN $event = 'obtained' THEN excluded.obtained_at ELSE obtained_at END,
         refreshed_at = CASE WHEN $event = 'refreshed' THEN $now ELSE NULL END`,
      {
        $provider: token.provider,
        $account: token.account,
        $access: token.accessTokenSealed,
        $refresh: token.refreshTokenSealed,
        $expires: token.expiresAt,
        $now: now,
        $event: event,
      },
    );
  }

  /**
   * Replaces a row's sealed values with the same secrets sealed another way (a memory handle once
   * weak protection is withdrawn). Only if the row still holds what was read: a refresh that landed
   * meanwhile wrote newer tokens, sealed the new way already. Dates stay: the tokens did not change.
   */
  async reseal(
    provider: TokenProvider,
    account: string,
    from: Pick<StoredToken, 'accessTokenSealed' | 'refreshTokenSealed'>,
    to: Pick<StoredToken, 'accessTokenSealed' | 'refreshTokenSealed'>,
  ): Promise<boolean> {
    const result = await this.db.run(
      `UPDATE api_tokens SET access_token_sealed = $access, refresh_token_sealed = $refresh
       WHERE provider = $provider AND account = $account AND access_token_sealed = $fromAccess AND refresh_token_sealed IS $fromRefresh`,
      {
        $provider: provider,
        $account: account,
        $access: to.accessTokenSealed,
        $refresh: to.refreshTokenSealed,
        $fromAccess: from.accessTokenSealed,
        $fromRefresh: from.refreshTokenSealed,
      },
    );
    return result.changes > 0;
  }

  async get(provider: TokenProvider, account = ''): Promise<StoredToken | undefined> {
    const row = await this.db.get('SELECT * FROM api_tokens WHERE provider = ? AND account = ?', [provider, account]);
    if (!row) return undefined;
    return {
      provider: row.provider as TokenProvider,
      account: String(row.account),
      accessTokenSealed: String(row.access_token_sealed),
      refreshTokenSealed: text(row.refresh_token_sealed),
      expiresAt: text(row.expires_at),
      obtainedAt: String(row.obtained_at),
      refreshedAt: text(row.refreshed_at),
    };
  }

  async delete(provider: TokenProvider, account = ''): Promise<void> {
    await this.db.run('DELETE FROM api_tokens WHERE provider = ? AND account = ?', [provider, account]);
  }
}

import type { LocalApiScope, LocalApiToken } from '../../../../shared/contract';
import type { Clock } from '../../ports';
import type { DatabaseClient } from '../client';
import type { SqlValue } from '../worker/protocol';
import { text } from './rows';

const toToken = (row: Record<string, SqlValue>): LocalApiToken => ({
  id: String(row.id),
  name: String(row.name),
  scope: row.scope as LocalApiScope,
  createdAt: String(row.created_at),
  expiresAt: String(row.expires_at),
  lastUsedAt: text(row.last_used_at),
  revokedAt: text(row.revoked_at),
});

/** What is known of each Local API token: its id, name, scope and dates. Never the token itself. */
export class LocalApiTokenRepository {
  constructor(
    private readonly db: DatabaseClient,
    private readonly clock: Clock,
  ) {}

  async add(token: Pick<LocalApiToken, 'id' | 'name' | 'scope' | 'expiresAt'>): Promise<LocalApiToken> {
    const now = this.clock.now().toISOString();
    await this.db.run('INSERT INTO local_api_tokens (id, name, scope, created_at, expires_at) VALUES (?, ?, ?, ?, ?)', [
      token.id,
      token.name,
      token.scope,
      now,
      token.expiresAt,
    ]);
    return { ...token, createdAt: now, lastUsedAt: null, revokedAt: null };
  }

  async get(id: string): Promise<LocalApiToken | undefined> {
    const row = await this.db.get('SELECT * FROM local_api_tokens WHERE id = ?', [id]);
    return row ? toToken(row) : undefined;
  }

  /** Newest first. */
  async list(): Promise<LocalApiToken[]> {
    return (await this.db.all('SELECT * FROM local_api_tokens ORDER BY created_at DESC, rowid DESC')).map(toToken);
  }

  /** True when it was in force until now (a second revoke changes nothing). */
  async revoke(id: string): Promise<boolean> {
    const result = await this.db.run('UPDATE local_api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL', [
      this.clock.now().toISOString(),
      id,
    ]);
    return result.changes > 0;
  }

  async touch(id: string): Promise<void> {
    await this.db.run('UPDATE local_api_tokens SET last_used_at = ? WHERE id = ?', [this.clock.now().toISOString(), id]);
  }
}

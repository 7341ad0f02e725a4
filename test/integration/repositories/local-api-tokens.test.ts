import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../support/db-fixture';

describe('LocalApiTokenRepository', () => {
  const t = useTestDatabase();

  it('keeps what lists a token and revokes it by id: never the token itself', async () => {
    const { repos, clock, db } = t();
    const first = await repos.localApiTokens.add({ id: 'a1', name: 'cron', scope: 'read', expiresAt: '2030-01-01T00:00:00.000Z' });
    expect(first).toEqual({
      id: 'a1',
      name: 'cron',
      scope: 'read',
      createdAt: clock.now().toISOString(),
      expiresAt: '2030-01-01T00:00:00.000Z',
      lastUsedAt: null,
      revokedAt: null,
    });
    clock.advance(1_000);
    await repos.localApiTokens.add({ id: 'b2', name: 'bot', scope: 'write', expiresAt: '2030-01-01T00:00:00.000Z' });
    expect((await repos.localApiTokens.list()).map((token) => token.id)).toEqual(['b2', 'a1']);

    clock.advance(1_000);
    await repos.localApiTokens.touch('a1');
    expect((await repos.localApiTokens.get('a1'))?.lastUsedAt).toBe(clock.now().toISOString());

    expect(await repos.localApiTokens.revoke('a1')).toBe(true);
    const revokedAt = (await repos.localApiTokens.get('a1'))?.revokedAt;
    expect(revokedAt).toBe(clock.now().toISOString());
    clock.advance(1_000);
    // A second revoke changes nothing, not even the date.
    expect(await repos.localApiTokens.revoke('a1')).toBe(false);
    expect((await repos.localApiTokens.get('a1'))?.revokedAt).toBe(revokedAt);
    expect((await repos.localApiTokens.get('b2'))?.revokedAt).toBeNull();
    expect(await repos.localApiTokens.get('nope')).toBeUndefined();

    const columns = (await db.all<{ name: string }>('PRAGMA table_info(local_api_tokens)')).map((c) => c.name);
    expect(columns).toEqual(['id', 'name', 'scope', 'created_at', 'expires_at', 'last_used_at', 'revoked_at']);
  });
});

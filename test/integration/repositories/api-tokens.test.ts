import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../support/db-fixture';

const token = {
  provider: 'hh' as const,
  account: '',
  accessTokenSealed: 'sealed-access-1',
  refreshTokenSealed: 'sealed-refresh-1',
  expiresAt: '2025-03-28T09:00:00.000Z',
};

describe('ApiTokenRepository', () => {
  const t = useTestDatabase();

  it('a new sign-in after a refresh forgets the old refresh time', async () => {
    const { repos, clock } = t();
    await repos.apiTokens.save(token, 'obtained');
    clock.advance(60 * 60 * 1000);
    await repos.apiTokens.save(token, 'refreshed');
    clock.advance(60 * 60 * 1000);
    await repos.apiTokens.save(token, 'obtained');
    expect(await repos.apiTokens.get('hh')).toMatchObject({ obtainedAt: clock.now().toISOString(), refreshedAt: null });
  });

  it('a refresh saved with no earlier row still records when it happened', async () => {
    const { repos, clock } = t();
    await repos.apiTokens.save(token, 'refreshed');
    expect((await repos.apiTokens.get('hh'))?.refreshedAt).toBe(clock.now().toISOString());
  });

  it('reseals a row only if it still holds what was read, and keeps its dates', async () => {
    const { repos, clock } = t();
    await repos.apiTokens.save(token, 'obtained');
    const obtainedAt = clock.now().toISOString();
    clock.advance(60_000);
    const read = (await repos.apiTokens.get('hh'))!;
    expect(await repos.apiTokens.reseal('hh', '', read, { accessTokenSealed: 'mem:v1:a', refreshTokenSealed: 'mem:v1:r' })).toBe(true);
    expect(await repos.apiTokens.get('hh')).toMatchObject({
      accessTokenSealed: 'mem:v1:a',
      refreshTokenSealed: 'mem:v1:r',
      obtainedAt,
      refreshedAt: null,
    });
    // A refresh landed in between: its newer tokens stay.
    expect(await repos.apiTokens.reseal('hh', '', read, { accessTokenSealed: 'mem:v1:old', refreshTokenSealed: null })).toBe(false);
    expect((await repos.apiTokens.get('hh'))?.accessTokenSealed).toBe('mem:v1:a');
    // A row with no refresh token matches on its null.
    await repos.apiTokens.save({ ...token, provider: 'hh_app', refreshTokenSealed: null }, 'obtained');
    expect(
      await repos.apiTokens.reseal(
        'hh_app',
        '',
        { accessTokenSealed: token.accessTokenSealed, refreshTokenSealed: null },
        { accessTokenSealed: 'mem:v1:app', refreshTokenSealed: null },
      ),
    ).toBe(true);
  });

  it('saves an obtained token and reads it back', async () => {
    const { repos, clock } = t();
    await repos.apiTokens.save(token, 'obtained');
    expect(await repos.apiTokens.get('hh')).toEqual({ ...token, obtainedAt: clock.now().toISOString(), refreshedAt: null });
    expect(await repos.apiTokens.get('gigachat')).toBeUndefined();
  });

  it('a refresh keeps obtained_at and sets refreshed_at', async () => {
    const { repos, clock } = t();
    await repos.apiTokens.save(token, 'obtained');
    const obtainedAt = clock.now().toISOString();
    clock.advance(60 * 60 * 1000);
    await repos.apiTokens.save({ ...token, accessTokenSealed: 'sealed-access-2', expiresAt: '2025-03-29T09:00:00.000Z' }, 'refreshed');
    expect(await repos.apiTokens.get('hh')).toMatchObject({
      accessTokenSealed: 'sealed-access-2',
      expiresAt: '2025-03-29T09:00:00.000Z',
      obtainedAt,
      refreshedAt: clock.now().toISOString(),
    });

    clock.advance(60 * 60 * 1000);
    await repos.apiTokens.save({ ...token, accessTokenSealed: 'sealed-access-3' }, 'obtained');
    expect(await repos.apiTokens.get('hh')).toMatchObject({ accessTokenSealed: 'sealed-access-3', obtainedAt: clock.now().toISOString() });
  });

  it('keeps one token per provider and account', async () => {
    const { repos, db } = t();
    await repos.apiTokens.save(token, 'obtained');
    await repos.apiTokens.save({ ...token, accessTokenSealed: 'again' }, 'obtained');
    await repos.apiTokens.save({ ...token, account: 'second@example.ru', accessTokenSealed: 'other' }, 'obtained');
    await repos.apiTokens.save({ ...token, provider: 'gigachat', refreshTokenSealed: null, expiresAt: null }, 'obtained');
    expect((await db.get<{ n: number }>('SELECT count(*) AS n FROM api_tokens'))?.n).toBe(3);
    expect((await repos.apiTokens.get('hh'))?.accessTokenSealed).toBe('again');
    expect((await repos.apiTokens.get('hh', 'second@example.ru'))?.accessTokenSealed).toBe('other');
    expect(await repos.apiTokens.get('gigachat')).toMatchObject({ refreshTokenSealed: null, expiresAt: null });
  });

  it('deletes only the named token', async () => {
    const { apiTokens } = t().repos;
    await apiTokens.save(token, 'obtained');
    await apiTokens.save({ ...token, account: 'second' }, 'obtained');
    await apiTokens.delete('hh');
    expect(await apiTokens.get('hh')).toBeUndefined();
    expect(await apiTokens.get('hh', 'second')).toBeDefined();
    await expect(apiTokens.delete('hh_app')).resolves.toBeUndefined();
  });
});

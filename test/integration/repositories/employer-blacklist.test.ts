import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { useTestDatabase } from '../../support/db-fixture';

describe('EmployerBlacklistRepository', () => {
  const t = useTestDatabase();

  it('adds, checks and removes an employer', async () => {
    const { repos, clock } = t();
    expect(await repos.employerBlacklist.has('1740')).toBe(false);
    const entry = await repos.employerBlacklist.add({ employerId: '1740', employerName: 'Яндекс', reason: 'Уже работал там' });
    expect(entry).toEqual({ employerId: '1740', employerName: 'Яндекс', reason: 'Уже работал там', createdAt: clock.now().toISOString() });
    expect(await repos.employerBlacklist.has('1740')).toBe(true);
    expect(await repos.employerBlacklist.remove('1740')).toBe(true);
    expect(await repos.employerBlacklist.has('1740')).toBe(false);
    expect(await repos.employerBlacklist.remove('1740')).toBe(false);
  });

  it('adding twice keeps one entry and its first date', async () => {
    const { repos, clock } = t();
    const first = await repos.employerBlacklist.add({ employerId: '78638', employerName: 'Тинькофф', reason: 'Не отвечают' });
    clock.advance(60_000);
    const again = await repos.employerBlacklist.add({ employerId: '78638' });
    expect(again).toEqual(first);
    const renamed = await repos.employerBlacklist.add({ employerId: '78638', employerName: 'Т-Банк' });
    expect(renamed).toMatchObject({ employerName: 'Т-Банк', reason: 'Не отвечают', createdAt: first.createdAt });
    expect(await repos.employerBlacklist.list()).toHaveLength(1);
  });

  it('lists the most recently blocked first', async () => {
    const { repos, clock } = t();
    await repos.employerBlacklist.add({ employerId: '1' });
    clock.advance(1000);
    await repos.employerBlacklist.add({ employerId: '2', employerName: 'Сбер' });
    expect(await repos.employerBlacklist.list()).toEqual([
      { employerId: '2', employerName: 'Сбер', reason: null, createdAt: clock.now().toISOString() },
      expect.objectContaining({ employerId: '1', employerName: null }),
    ]);
  });

  it('rejects a missing employer id with a readable message', async () => {
    await expect(t().repos.employerBlacklist.add({ employerId: ' ' })).rejects.toSatisfy(
      (err: unknown) => err instanceof ZodError && err.issues[0]?.message === 'Choose the employer to block',
    );
  });
});

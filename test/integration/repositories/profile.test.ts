import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { useTestDatabase } from '../../support/db-fixture';

describe('ProfileRepository', () => {
  const t = useTestDatabase();

  it('refuses links that are not web pages', async () => {
    const { repos } = t();
    for (const link of ['javascript:alert(1)', 'file:///etc/passwd', 'ftp://example.com/cv.pdf']) {
      await expect(repos.profile.save({ name: '', telegram: '', email: '', phone: '', links: [link] })).rejects.toThrow(/https:\/\//);
    }
  });

  it('starts as an empty profile', async () => {
    expect(await t().repos.profile.get()).toEqual({ name: '', telegram: '', email: '', phone: '', links: [], salaryExpectation: '' });
  });

  it('saves and reads back, and a second save replaces the first', async () => {
    const { profile } = t().repos;
    const mine = {
      name: 'Анна Смирнова',
      telegram: '@anna_dev',
      email: 'anna@example.ru',
      phone: '+7 999 123-45-67',
      links: ['https://github.com/anna'],
      salaryExpectation: 'от 250 000 ₽ на руки',
    };
    expect(await profile.save(mine)).toEqual(mine);
    expect(await profile.get()).toEqual(mine);
    await profile.save({ ...mine, telegram: '', links: [] });
    expect(await profile.get()).toEqual({ ...mine, telegram: '', links: [] });
  });

  it('rejects a bad email with a readable message and keeps the stored profile', async () => {
    const { profile } = t().repos;
    await profile.save({ name: 'Анна', telegram: '', email: 'anna@example.ru', phone: '', links: [] });
    const attempt = profile.save({ name: 'Анна', telegram: '', email: 'anna-at-example', phone: '', links: [] });
    await expect(attempt).rejects.toBeInstanceOf(ZodError);
    await expect(attempt).rejects.toSatisfy((err: ZodError) => err.issues[0]?.message === 'Enter an email like name@example.com');
    expect((await profile.get()).email).toBe('anna@example.ru');
  });
});

import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../support/db-fixture';

describe('AuditLogRepository', () => {
  const t = useTestDatabase();

  it('appends entries and lists them newest first', async () => {
    const { repos, clock } = t();
    await repos.auditLog.append({ action: 'token.obtained', target: 'hh', outcome: 'ok', details: '' });
    clock.advance(1000);
    await repos.auditLog.append({ action: 'application.sent', target: 'vacancy 123', outcome: 'failed', details: 'hh.ru: 403' });
    await repos.auditLog.append({ action: 'profile.read', target: '', outcome: 'refused', details: '', at: '2025-01-01T00:00:00.000Z' });

    const page = await repos.auditLog.list({ limit: 10, offset: 0 });
    expect(page.total).toBe(3);
    expect(page.items.map((e) => e.action)).toEqual(['application.sent', 'token.obtained', 'profile.read']);
    expect(page.items[0]).toEqual({
      id: expect.any(Number),
      at: clock.now().toISOString(),
      action: 'application.sent',
      target: 'vacancy 123',
      outcome: 'failed',
      details: 'hh.ru: 403',
      // No vacancy 123 is kept, so it has no title to be named by.
      targetName: null,
    });
  });

  it('orders entries with the same time by insertion, newest first', async () => {
    const { auditLog } = t().repos;
    for (const target of ['a', 'b', 'c']) await auditLog.append({ action: 'x', target, outcome: 'ok', details: '' });
    expect((await auditLog.list({ limit: 10, offset: 0 })).items.map((e) => e.target)).toEqual(['c', 'b', 'a']);
  });

  it('pages and filters by action', async () => {
    const { repos, clock } = t();
    for (let i = 0; i < 5; i += 1) {
      await repos.auditLog.append({ action: i % 2 ? 'message.sent' : 'application.sent', target: String(i), outcome: 'ok', details: '' });
      clock.advance(1000);
    }
    const second = await repos.auditLog.list({ limit: 2, offset: 2 });
    expect(second).toMatchObject({ total: 5, limit: 2, offset: 2 });
    expect(second.items.map((e) => e.target)).toEqual(['2', '1']);

    const sent = await repos.auditLog.list({ limit: 10, offset: 0, action: 'application.sent' });
    expect(sent.total).toBe(3);
    expect(sent.items.map((e) => e.target)).toEqual(['4', '2', '0']);
    expect(await repos.auditLog.list({ limit: 10, offset: 0, action: 'nothing' })).toEqual({ items: [], total: 0, limit: 10, offset: 0 });
  });
});

import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../support/db-fixture';

describe('DailyCounterRepository', () => {
  const t = useTestDatabase();

  it('increments and returns the new value', async () => {
    const { dailyCounters } = t().repos;
    expect(await dailyCounters.get('2025-03-14', 'applications')).toBe(0);
    expect(await dailyCounters.increment('2025-03-14', 'applications')).toBe(1);
    expect(await dailyCounters.increment('2025-03-14', 'applications')).toBe(2);
    expect(await dailyCounters.increment('2025-03-14', 'ai_tokens', 1500)).toBe(1500);
    expect(await dailyCounters.get('2025-03-14', 'applications')).toBe(2);
    expect(await dailyCounters.get('2025-03-15', 'applications')).toBe(0);
  });

  it('each of many concurrent increments gets its own total', async () => {
    const { dailyCounters } = t().repos;
    const totals = await Promise.all(Array.from({ length: 20 }, () => dailyCounters.increment('2025-03-14', 'applications')));
    expect([...totals].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(await dailyCounters.get('2025-03-14', 'applications')).toBe(20);
  });

  it('sums a name from a day on', async () => {
    const { dailyCounters } = t().repos;
    await dailyCounters.increment('2025-03-12', 'applications', 5);
    await dailyCounters.increment('2025-03-13', 'applications', 7);
    await dailyCounters.increment('2025-03-14', 'applications', 3);
    await dailyCounters.increment('2025-03-14', 'letters', 100);
    expect(await dailyCounters.sumSince('applications', '2025-03-13')).toBe(10);
    expect(await dailyCounters.sumSince('applications', '2025-03-01')).toBe(15);
    expect(await dailyCounters.sumSince('applications', '2025-03-15')).toBe(0);
    expect(await dailyCounters.sumSince('unknown', '2025-03-01')).toBe(0);
  });

  it('refuses a day that would not sort as text', async () => {
    const { dailyCounters } = t().repos;
    await expect(dailyCounters.increment('2025-3-14', 'applications')).rejects.toThrow(/2025-03-14/);
    await expect(dailyCounters.sumSince('applications', '14.03.2025')).rejects.toThrow();
  });
});

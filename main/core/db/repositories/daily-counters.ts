import type { Clock } from '../../ports';
import type { DatabaseClient } from '../client';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

// Days are compared as text, which is only right for zero-padded YYYY-MM-DD.
const checkDay = (day: string) => {
  if (!DAY.test(day)) throw new Error(`daily counter day must look like 2025-03-14, got "${day}"`);
};

/** Per-day tallies (applications sent, letters written, AI tokens spent) behind the daily limits. */
export class DailyCounterRepository {
  constructor(
    private readonly db: DatabaseClient,
    // Taken like every repository's, but unused: the caller decides which day it is, in the user's zone.
    _clock: Clock,
  ) {}

  /** Adds `by` and returns the new total. */
  async increment(day: string, name: string, by = 1): Promise<number> {
    checkDay(day);
    // Posted back to back, so the worker runs the read right after the write with nothing in
    // between: the total returned is this increment's, even with other increments in flight.
    const [, row] = await Promise.all([
      this.db.run(
        `INSERT INTO daily_counters (day, name, value) VALUES (?, ?, ?)
         ON CONFLICT(day, name) DO UPDATE SET value = value + excluded.value`,
        [day, name, by],
      ),
      this.db.get<{ value: number }>('SELECT value FROM daily_counters WHERE day = ? AND name = ?', [day, name]),
    ]);
    return Number(row?.value ?? 0);
  }

  async get(day: string, name: string): Promise<number> {
    checkDay(day);
    const row = await this.db.get<{ value: number }>('SELECT value FROM daily_counters WHERE day = ? AND name = ?', [day, name]);
    return Number(row?.value ?? 0);
  }

  /** The total from `fromDay` (inclusive) on. */
  async sumSince(name: string, fromDay: string): Promise<number> {
    checkDay(fromDay);
    const row = await this.db.get<{ total: number }>('SELECT coalesce(sum(value), 0) AS total FROM daily_counters WHERE name = ? AND day >= ?', [
      name,
      fromDay,
    ]);
    return Number(row?.total ?? 0);
  }
}

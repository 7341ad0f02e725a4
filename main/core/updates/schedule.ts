const HOUR = 60 * 60_000;

/** hh.ru changes its pages a few times a year; a fix is worth a day's wait at most. */
export const CHECK_EVERY_MS = 24 * HOUR;
/** A check that failed (offline at start, the server down) is tried again sooner than tomorrow. */
export const RETRY_AFTER_FAILURE_MS = HOUR;

/** When the app checks by itself next, after a check that ended at `at` (answered, or failed). */
export function nextCheckAfter(at: Date, outcome: 'answered' | 'failed'): Date {
  return new Date(at.getTime() + (outcome === 'answered' ? CHECK_EVERY_MS : RETRY_AFTER_FAILURE_MS));
}

/** Whether the minute timer's tick should start a check now. */
export function isDue(now: Date, nextCheckAt: Date | null): boolean {
  return nextCheckAt !== null && now.getTime() >= nextCheckAt.getTime();
}

/**
 * hh.ru's "slow down" (HTTP 429): the app waits as hh.ru says (Retry-After) or backs off, tries a
 * few times, and says so while it waits. Only for requests that are safe to send again: a write
 * hh.ru refused with 429 is reported, never resent blindly.
 */
export interface SlowDownPolicy {
  /** Tries after the first 429. */
  retries: number;
  /** The first wait when hh.ru names none; doubled each time. */
  waitMs: number;
  /** No wait is longer, whatever hh.ru asks: a longer one is the next scheduled run's business. */
  maxWaitMs: number;
}

export const defaultSlowDown: SlowDownPolicy = { retries: 3, waitMs: 10_000, maxWaitMs: 120_000 };

/** Retry-After as seconds or as an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(value: string | undefined, now: number): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** The wait before the next try after the `attempt`-th 429 (0-based): hh.ru's own, else doubling; capped. */
export const slowDownWait = (attempt: number, policy: SlowDownPolicy, askedMs?: number): number =>
  Math.min(policy.maxWaitMs, askedMs ?? policy.waitMs * 2 ** attempt);

/** Sleeps `ms`, ending early (rejecting) when `signal` aborts: a cancelled run does not wait out hh.ru's pause. */
export const abortableSleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', stop);
      resolve();
    }, ms);
    const stop = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', stop, { once: true });
  });

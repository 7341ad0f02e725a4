/**
 * One pacer for every request to a host, shared by all callers (not one per call site): hh.ru
 * counts requests per account and IP, so the app's total rate is what matters.
 */
export interface Pacer {
  /** Waits for this request's turn; rejects if `signal` aborts while waiting. `onDelay` hears when the turn comes (epoch ms). */
  wait(signal?: AbortSignal, onDelay?: (untilMs: number) => void): Promise<void>;
}

export function createPacer(options: {
  minIntervalMs: number;
  jitterMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}): Pacer {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  let nextSlot = 0;
  return {
    async wait(signal, onDelay) {
      const start = Math.max(now(), nextSlot);
      const jitter = options.jitterMs ? Math.random() * options.jitterMs : 0;
      // Reserve the slot before sleeping, so concurrent callers line up instead of racing.
      nextSlot = start + options.minIntervalMs + jitter;
      const delay = start - now();
      if (delay > 0) onDelay?.(start);
      if (delay > 0) await abortable(sleep(delay), signal);
      signal?.throwIfAborted();
    },
  };
}

/** `promise`, or the signal's reason as soon as it aborts. */
export function abortable(promise: Promise<void>, signal?: AbortSignal): Promise<void> {
  if (!signal) return promise;
  signal.throwIfAborted();
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, reject);
  });
}

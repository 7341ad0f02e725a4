export interface RetryPolicy {
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { retries: 3, baseDelayMs: 500, maxDelayMs: 8_000 };

/** Exponential backoff with full jitter: retries of many clients spread out instead of colliding. */
export const backoffDelay = (attempt: number, policy: RetryPolicy, random = Math.random): number =>
  Math.round(random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt));

/**
 * Runs `attempt` until it succeeds, the error is not worth retrying, or the retries run out.
 * `retryAfterMs` lets an error carry the server's own wait (Retry-After).
 */
export async function withRetry<T>(
  attempt: (n: number) => Promise<T>,
  options: {
    policy?: RetryPolicy;
    shouldRetry: (err: unknown) => boolean;
    retryAfterMs?: (err: unknown) => number | undefined;
    signal?: AbortSignal;
    sleep?: (ms: number) => Promise<void>;
  },
): Promise<T> {
  const policy = options.policy ?? defaultRetryPolicy;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let n = 0; ; n += 1) {
    try {
      return await attempt(n);
    } catch (err) {
      if (n >= policy.retries || !options.shouldRetry(err) || options.signal?.aborted) throw err;
      await sleep(options.retryAfterMs?.(err) ?? backoffDelay(n, policy));
    }
  }
}

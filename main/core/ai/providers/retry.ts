import type { Logger } from '../../ports';
import { AiError } from './errors';

export interface AiRetryPolicy {
  /** Attempts after the first. */
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A longer Retry-After is not waited out: the error goes to the caller, who can come back later. */
  maxRetryAfterMs: number;
}

export const defaultAiRetryPolicy: AiRetryPolicy = { retries: 2, baseDelayMs: 500, maxDelayMs: 4_000, maxRetryAfterMs: 30_000 };

/**
 * Only failures that another try can fix: rate limits, 5xx and dropped connections. A timeout is not
 * retried (the caller already waited the whole limit), nor is anything about keys, quotas,
 * requests or refusals, which would fail the same way again.
 */
export function retryDelay(err: unknown, attempt: number, policy: AiRetryPolicy, random = Math.random): number | undefined {
  if (!(err instanceof AiError) || attempt >= policy.retries) return undefined;
  if (err.code === 'ai_rate_limited' && err.ai.retryAfterMs !== undefined) {
    return err.ai.retryAfterMs <= policy.maxRetryAfterMs ? err.ai.retryAfterMs : undefined;
  }
  if (err.code !== 'ai_rate_limited' && err.code !== 'ai_unavailable' && err.code !== 'ai_network') return undefined;
  // Equal jitter: at least half the backoff (a 503 needs a moment), the rest spread so callers do not collide.
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  signal?.throwIfAborted();
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export interface RetryOptions {
  policy: AiRetryPolicy;
  signal?: AbortSignal;
  log: Logger;
  /** For the log line: "GigaChat chat". */
  what: string;
  random?: () => number;
}

export async function withAiRetry<T>(attempt: (n: number) => Promise<T>, options: RetryOptions): Promise<T> {
  for (let n = 0; ; n += 1) {
    try {
      return await attempt(n);
    } catch (err) {
      const delay = options.signal?.aborted ? undefined : retryDelay(err, n, options.policy, options.random);
      if (delay === undefined) throw err;
      const { code, ai } = err as AiError;
      options.log.warn(`${options.what} failed; trying again`, {
        code,
        status: ai.status,
        reason: ai.reason,
        attempt: n + 1,
        delayMs: delay,
      });
      await abortableSleep(delay, options.signal);
    }
  }
}

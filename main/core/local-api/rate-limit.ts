import type { Clock } from '../ports';

export interface RateLimitOptions {
  /** Requests a token may make at once. */
  burst: number;
  /** Requests a token earns back per second after that. */
  perSecond: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { burst: 60, perSecond: 5 };

/**
 * A token bucket per caller: `burst` requests at once, then `perSecond`. Small enough to keep here
 * (a dozen lines against a dependency with stores and plugins), and it takes the app's clock, so
 * tests move time instead of waiting.
 */
export function rateLimiter(options: RateLimitOptions, clock: Clock) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    /** Undefined when the request may go; otherwise the seconds to wait. */
    take(key: string): number | undefined {
      const now = clock.now().getTime();
      const bucket = buckets.get(key) ?? { tokens: options.burst, at: now };
      bucket.tokens = Math.min(options.burst, bucket.tokens + ((now - bucket.at) / 1000) * options.perSecond);
      bucket.at = now;
      buckets.set(key, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return undefined;
      }
      return Math.max(1, Math.ceil((1 - bucket.tokens) / options.perSecond));
    },
  };
}

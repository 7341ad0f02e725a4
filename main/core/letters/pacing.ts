import { abortable, type Pacer } from '../hh/http/pacer';

/**
 * The pause between two applications, a random length between the user's bounds (read at every
 * application, so a change applies to the next one). Evenly spaced applications are what hh.ru's
 * anti-bot looks for; tools that kept accounts healthy waited 8-25 s at random.
 */
export function settingsPacer(
  bounds: () => Promise<{ pauseMinSeconds: number; pauseMaxSeconds: number }>,
  options: { now?: () => number; sleep?: (ms: number) => Promise<void>; random?: () => number } = {},
): Pacer {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = options.random ?? Math.random;
  let last = Number.NEGATIVE_INFINITY;
  return {
    async wait(signal, onDelay) {
      const { pauseMinSeconds, pauseMaxSeconds } = await bounds();
      const pauseMs = (pauseMinSeconds + random() * Math.max(0, pauseMaxSeconds - pauseMinSeconds)) * 1000;
      const start = Math.max(now(), last + pauseMs);
      // Taken before sleeping, so concurrent sends line up instead of leaving together.
      last = start;
      const delay = start - now();
      if (delay > 0) onDelay?.(start);
      if (delay > 0) await abortable(sleep(delay), signal);
      signal?.throwIfAborted();
    },
  };
}

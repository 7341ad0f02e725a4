import type { TextProvider } from './provider';

export interface LimitedProvider extends TextProvider {
  readonly streams: number;
  /** Completions running now. */
  readonly active: number;
  /** Completions waiting for a slot. */
  readonly waiting: number;
}

interface Waiter {
  resolve: () => void;
  reject: (reason: unknown) => void;
  signal?: AbortSignal;
  onAbort?: () => void;
}

/**
 * At most `streams` completions at a time, first come first served (GigaChat for individuals allows
 * one). Waiting costs nothing but a promise, so 100 letters queue up without flooding the provider
 * or holding up anything else; an aborted caller leaves the line at once. Only `complete` queues:
 * listing models is cheap and "Test connection" must not wait behind a batch of letters. The
 * provider's timeout starts when the slot is taken, not while waiting.
 */
export function limitConcurrency(provider: TextProvider, streams: number): LimitedProvider {
  if (!(streams >= 1) || (Number.isFinite(streams) && !Number.isInteger(streams))) {
    throw new RangeError(`streams must be a whole number of at least 1, got ${streams}`);
  }
  let active = 0;
  const line: Waiter[] = [];

  const acquire = (signal?: AbortSignal): Promise<void> => {
    signal?.throwIfAborted();
    if (active < streams) {
      active += 1;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = { resolve, reject, signal };
      if (signal) {
        waiter.onAbort = () => {
          line.splice(line.indexOf(waiter), 1);
          reject(signal.reason);
        };
        signal.addEventListener('abort', waiter.onAbort, { once: true });
      }
      line.push(waiter);
    });
  };

  const release = () => {
    const next = line.shift();
    if (!next) {
      active -= 1;
      return;
    }
    // The slot passes straight to the next in line, so a newcomer cannot jump the queue.
    if (next.onAbort) next.signal?.removeEventListener('abort', next.onAbort);
    next.resolve();
  };

  return {
    kind: provider.kind,
    streams,
    get active() {
      return active;
    },
    get waiting() {
      return line.length;
    },
    async complete(messages, options) {
      await acquire(options?.signal);
      try {
        return await provider.complete(messages, options);
      } finally {
        release();
      }
    },
    listModels: (options) => provider.listModels(options),
    check: (options) => provider.check(options),
  };
}

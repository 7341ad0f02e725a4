import { describe, expect, it } from 'vitest';
import { createPacer } from '../../../main/core/hh/http/pacer';
import { backoffDelay, withRetry } from '../../../main/core/hh/http/retry';
import { virtualTime } from '../../support/virtual-time';

describe('pacer', () => {
  it('spaces concurrent requests exactly minInterval apart, in call order', async () => {
    const time = virtualTime();
    const pacer = createPacer({ minIntervalMs: 40, now: time.now, sleep: time.sleep });
    const starts: [number, number][] = [];
    await Promise.all(
      Array.from({ length: 5 }, async (_, caller) => {
        await pacer.wait();
        starts.push([caller, time.now()]);
      }),
    );
    expect(starts).toEqual([
      [0, 0],
      [1, 40],
      [2, 80],
      [3, 120],
      [4, 160],
    ]);
  });

  it('reserves slots from its clock, so a burst is spread over the interval', async () => {
    const slept: number[] = [];
    const pacer = createPacer({ minIntervalMs: 500, now: virtualTime().now, sleep: async (ms) => void slept.push(ms) });
    await Promise.all([pacer.wait(), pacer.wait(), pacer.wait()]);
    expect(slept).toEqual([500, 1000]);
  });

  it('stops waiting when the caller aborts', async () => {
    // A turn that never comes: only the abort can end the wait.
    const pacer = createPacer({ minIntervalMs: 60_000, now: virtualTime().now, sleep: () => new Promise<void>(() => {}) });
    await pacer.wait();
    const controller = new AbortController();
    const waiting = pacer.wait(controller.signal);
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
  });
});

describe('retry', () => {
  it('backs off exponentially with jitter, capped', () => {
    const policy = { retries: 5, baseDelayMs: 500, maxDelayMs: 8000 };
    expect(backoffDelay(0, policy, () => 1)).toBe(500);
    expect(backoffDelay(3, policy, () => 1)).toBe(4000);
    expect(backoffDelay(10, policy, () => 1)).toBe(8000);
    expect(backoffDelay(3, policy, () => 0.25)).toBe(1000);
  });

  it('retries only what shouldRetry allows, up to the limit', async () => {
    const sleeps: number[] = [];
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls += 1;
          throw new Error('boom');
        },
        { policy: { retries: 3, baseDelayMs: 10, maxDelayMs: 100 }, shouldRetry: () => true, sleep: async (ms) => void sleeps.push(ms) },
      ),
    ).rejects.toThrow('boom');
    expect(calls).toBe(4);
    expect(sleeps).toHaveLength(3);

    calls = 0;
    await expect(
      withRetry(
        async () => {
          calls += 1;
          throw new Error('4xx');
        },
        { shouldRetry: () => false, sleep: async () => {} },
      ),
    ).rejects.toThrow('4xx');
    expect(calls).toBe(1);
  });

  it('honours a server-given wait', async () => {
    const sleeps: number[] = [];
    let calls = 0;
    const value = await withRetry(
      async () => {
        calls += 1;
        if (calls < 2) throw new Error('later');
        return 'ok';
      },
      { shouldRetry: () => true, retryAfterMs: () => 1234, sleep: async (ms) => void sleeps.push(ms) },
    );
    expect(value).toBe('ok');
    expect(sleeps).toEqual([1234]);
  });
});

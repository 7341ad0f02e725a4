/**
 * A clock for code that takes `now` and `sleep` (the hh.ru pacer, retries): time moves only from one
 * sleeper's deadline to the next, so what a test reads from it is exact however busy the machine is,
 * and a test never waits for real time to pass.
 *
 * The clock moves to the earliest deadline once the event loop has nothing more urgent (setImmediate),
 * so a sleeper wakes with `now()` equal to its deadline, and sleepers wake in deadline order (ties in
 * the order they went to sleep). Real I/O may still be under way when it moves: that only makes time
 * pass for it sooner, which pacing tolerates, and assertions stay on the clock's own readings.
 */
export interface VirtualTime {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export function virtualTime(start = 0): VirtualTime {
  let now = start;
  const sleepers: { at: number; wake(): void }[] = [];
  let moving = false;

  const moveToNextDeadline = () => {
    moving = false;
    const next = sleepers.shift();
    if (!next) return;
    now = Math.max(now, next.at);
    next.wake();
    if (sleepers.length > 0) scheduleMove();
  };
  const scheduleMove = () => {
    if (moving) return;
    moving = true;
    setImmediate(moveToNextDeadline);
  };

  return {
    now: () => now,
    sleep: (ms) =>
      new Promise<void>((wake) => {
        const at = now + Math.max(0, ms);
        // Kept sorted by deadline; equal deadlines keep their order.
        const index = sleepers.findIndex((sleeper) => sleeper.at > at);
        sleepers.splice(index === -1 ? sleepers.length : index, 0, { at, wake });
        scheduleMove();
      }),
  };
}

/**
 * Waiting for something to happen, without betting on how fast the machine is.
 *
 * Prefer awaiting the event itself (a promise the fake resolves, a log line, a window opening). Where
 * only state can be watched, poll it with `expect.poll(fn, patience)` or `vi.waitFor(fn, patience)`:
 * Vitest's default of 1 s is a guess about speed that a busy 2-core machine loses. The test's own
 * timeout still bounds the whole test.
 */
export const patience = { timeout: 15_000, interval: 10 } as const;

/**
 * One turn of the event loop. Promise chains that wait on nothing real (fakes that answer at once)
 * have all run by then, so a test can check that something did *not* happen as a result.
 */
export const settled = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A promise the test settles itself: to hold a fake's answer, or to learn that a callback ran. */
export function gate<T = void>(): { opened: Promise<T>; open(value: T): void } {
  let open!: (value: T) => void;
  const opened = new Promise<T>((resolve) => (open = resolve));
  return { opened, open };
}

/**
 * Runs `work` under one signal that fires when the caller aborts or `ms` pass, and tells the two
 * apart: the caller's abort rejects with the caller's own reason (they asked for it), the deadline
 * with `onTimeout()`. The race also covers libraries that stop the clock once headers arrive and
 * would otherwise wait forever for a body that never comes.
 */
export async function withDeadline<T>(
  ms: number,
  signal: AbortSignal | undefined,
  work: (signal: AbortSignal) => Promise<T>,
  onTimeout: () => Error,
): Promise<T> {
  signal?.throwIfAborted();
  const controller = new AbortController();
  let timeoutError: Error | undefined;
  let stop: (err: unknown) => void = () => {};
  const stopped = new Promise<never>((_, reject) => {
    stop = reject;
  });
  const onAbort = () => {
    controller.abort(signal!.reason);
    stop(signal!.reason);
  };
  const timer = setTimeout(() => {
    timeoutError = onTimeout();
    controller.abort(timeoutError);
    stop(timeoutError);
  }, ms);
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    return await Promise.race([work(controller.signal), stopped]);
  } catch (err) {
    if (signal?.aborted) throw signal.reason;
    if (timeoutError) throw timeoutError;
    throw err;
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

/** What closes when the core is disposed, each as narrow as the order needs. */
export interface ClosingParts {
  updates: { stop(): void };
  sending: { close(): Promise<void> };
  scheduler: { stop(): Promise<void> };
  db: { close(): Promise<void> };
}

/**
 * The core's last steps, in this order: no more update checks; no letter starts and one waiting for
 * its turn gives it back, while a request that left is seen through so its answer is recorded; the
 * scheduler's pass ends; the database closes. The desktop app quits (and a downloaded update
 * installs, at Electron's quit event) only once this has finished.
 */
export async function shutDown(parts: ClosingParts): Promise<void> {
  parts.updates.stop();
  await parts.sending.close();
  await parts.scheduler.stop();
  await parts.db.close();
}

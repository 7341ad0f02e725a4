import { afterEach } from 'vitest';

/** The value of a contract answer, or the test fails with the core's own sentence. */
export const ok = <T>(
  result: { ok: true; value: unknown } | { ok: false; error: { message: string; issues?: { path: string; message: string }[] } },
): T => {
  if (!result.ok) {
    // The fields a refused input got wrong, so a failing fixture says which.
    const fields = result.error.issues?.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
    throw new Error(fields ? `${result.error.message} (${fields})` : result.error.message);
  }
  return result.value as T;
};

/**
 * Closes what each test of the file opened (cores, fakes), newest first: `const site = keep(await startFakeHhSite())`.
 */
export function closeAfterEach() {
  const open: { close(): Promise<void> }[] = [];
  afterEach(async () => {
    for (const item of open.splice(0).reverse()) await item.close();
  });
  return <T extends { close(): Promise<void> }>(item: T): T => {
    open.push(item);
    return item;
  };
}

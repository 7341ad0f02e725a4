import { AppError } from '../errors';
import { HhError } from './errors';

/**
 * Failures after which an application may or may not have reached hh.ru: the request left, and
 * the answer was lost, late, a 5xx, or unreadable. hh.ru's considered refusals (4xx with a word)
 * are not among them: nothing was applied.
 */
const UNCERTAIN = new Set(['hh_network', 'hh_timeout', 'hh_unavailable', 'hh_page_changed']);

export const isUncertain = (err: unknown): boolean => !(err instanceof AppError) || UNCERTAIN.has(err.code);

/** `details.arrived`: 'no' once hh.ru was asked after an uncertain failure and has no response. */
export const arrivalOf = (err: unknown): string | undefined => (err instanceof AppError ? err.details?.arrived : undefined);

/**
 * Applying is not idempotent on hh.ru's side, so the request is sent once and never again: after
 * an uncertain failure hh.ru is asked whether the response exists (`existing`), and that is the
 * answer. When it does not, the original error goes on marked `arrived: 'no'`, so the caller may
 * send later without asking again; when the check itself fails, the original error goes on as is
 * and the caller must ask before anything else.
 */
export async function applyOnce<T>(
  attempt: () => Promise<T>,
  existing: () => Promise<string | null>,
  arrived: (negotiationId: string) => T,
): Promise<T> {
  try {
    return await attempt();
  } catch (err) {
    if (!isUncertain(err) || !(err instanceof HhError)) throw err;
    let found: string | null;
    try {
      found = await existing();
    } catch {
      throw err;
    }
    if (found) return arrived(found);
    throw new HhError(err.code, err.said ?? err.message, err.hh, {
      next: err.next,
      retryable: err.retryable,
      details: { ...err.details, arrived: 'no' },
      cause: err,
    });
  }
}

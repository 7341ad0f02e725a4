import { z } from 'zod';

/**
 * Every failure that crosses the contract is one of these codes. The renderer translates the code
 * (falling back to `message`), so a code is a promise to the user about what happened.
 */
export const errorCodes = [
  'invalid_input',
  'unknown_channel',
  'forbidden_sender',
  'unauthorized',
  'not_found',
  'internal',
] as const;

export const errorCodeSchema = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const appErrorSchema = z.object({
  code: errorCodeSchema,
  /** A sentence the user can act on; never contains secrets (core redacts before it gets here). */
  message: z.string(),
  /** Field-level problems for `invalid_input`, keyed by a dotted path. */
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type AppErrorValue = z.infer<typeof appErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorValue };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (error: AppErrorValue): Result<never> => ({ ok: false, error });

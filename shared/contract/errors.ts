import { z } from 'zod';
import { errorMessages, type ErrorMessageKey } from './error-messages';
import { fieldIssueSchema } from './validation';

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
  /** The request clashes with the state of what it names (a letter already sent cannot be edited). */
  'conflict',
  /** Too many requests from one Local API token in a short time: wait `next.retryAfterSeconds`. */
  'rate_limited',
  // AI providers
  'ai_not_configured',
  'ai_bad_key',
  'ai_quota_exhausted',
  'ai_rate_limited',
  'ai_unavailable',
  'ai_timeout',
  'ai_network',
  'ai_tls',
  'ai_refused',
  'ai_model_unavailable',
  'ai_bad_request',
  'ai_key_address_changed',
  // hh.ru
  'hh_not_configured',
  'hh_signed_out',
  'hh_sign_in_cancelled',
  'hh_access_denied',
  'hh_captcha',
  'hh_limit_exceeded',
  'hh_rate_limited',
  'hh_already_applied',
  'hh_needs_manual',
  'hh_application_denied',
  'hh_vacancy_gone',
  'hh_resume_problem',
  /** The resume's own page is missing or not understood: letters are written without its content. */
  'hh_resume_unreadable',
  'hh_forbidden_for_app',
  'hh_bad_user_agent',
  'hh_bad_request',
  'hh_unavailable',
  'hh_timeout',
  'hh_network',
  'hh_page_changed',
  'hh_login_required',
  'hh_csrf',
  // the app's own data folder
  'storage_full',
  'storage_read_only',
  'storage_failed',
  // exporting a file
  'export_unavailable',
  // the app's own updates
  /** The update server could not be reached or did not answer with a usable update: tried again later. */
  'update_failed',
  /** A downloaded update failed its check (sha512, the publisher's signature): deleted, never installed. */
  'update_refused',
  /** Updates are a desktop app's: the browser mode and a run from source have none. */
  'update_unavailable',
  /** The app is closing (to quit, or to restart into an update): a letter not yet on its way waits for the next start. */
  'app_closing',
] as const;

export const errorCodeSchema = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const appErrorSchema = z.object({
  code: errorCodeSchema,
  /** A sentence the user can act on; never contains secrets (core redacts before it gets here). */
  message: z.string(),
  /** Field-level problems for `invalid_input`, keyed by a dotted path. */
  issues: z.array(fieldIssueSchema).optional(),
  /** What the user (or the app) can do next. */
  next: z
    .object({
      kind: z.enum(['sign_in', 'open_captcha', 'retry_later', 'open_settings', 'open_in_browser', 'fix_input']),
      url: z.string().optional(),
      retryAfterSeconds: z.number().optional(),
      section: z.string().optional(),
    })
    .optional(),
  /** True when the same request may work if simply tried again later. */
  retryable: z.boolean().optional(),
  /** Small, non-secret facts for display (e.g. the reason hh.ru gave). */
  details: z.record(z.string(), z.string()).optional(),
  /** A sentence with facts in it, from error-messages.ts: the renderer translates it with `params`. */
  key: z.enum(Object.keys(errorMessages) as [ErrorMessageKey, ...ErrorMessageKey[]]).optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type AppErrorValue = z.infer<typeof appErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorValue };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (error: AppErrorValue): Result<never> => ({ ok: false, error });

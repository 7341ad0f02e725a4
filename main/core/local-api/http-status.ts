import type { AppErrorValue, ErrorCode } from '../../../shared/contract';

/**
 * The HTTP status each error code answers with, in one table (TypeScript demands every code).
 * 409: the request clashes with the state of things, and the user (not a retry) changes that state.
 * 422: understood and valid, but hh.ru or the AI will not do it for this vacancy, resume or text.
 * 502: hh.ru or the AI answered in a way the app cannot use. 503/504: unavailable now, or too slow.
 */
export const statusOfCode: Record<ErrorCode, number> = {
  invalid_input: 400,
  unknown_channel: 404,
  forbidden_sender: 403,
  unauthorized: 401,
  not_found: 404,
  internal: 500,
  conflict: 409,
  rate_limited: 429,

  ai_not_configured: 409,
  ai_bad_key: 502,
  ai_quota_exhausted: 503,
  ai_rate_limited: 503,
  ai_unavailable: 503,
  ai_timeout: 504,
  ai_network: 503,
  ai_tls: 502,
  ai_refused: 422,
  ai_model_unavailable: 502,
  ai_bad_request: 502,
  ai_key_address_changed: 409,

  hh_not_configured: 409,
  hh_signed_out: 409,
  hh_sign_in_cancelled: 409,
  hh_access_denied: 409,
  hh_captcha: 409,
  hh_limit_exceeded: 429,
  hh_rate_limited: 503,
  hh_already_applied: 409,
  hh_needs_manual: 422,
  hh_application_denied: 422,
  hh_vacancy_gone: 410,
  hh_resume_problem: 422,
  hh_resume_unreadable: 502,
  hh_forbidden_for_app: 502,
  hh_bad_user_agent: 502,
  hh_bad_request: 502,
  hh_unavailable: 503,
  hh_timeout: 504,
  hh_network: 503,
  hh_page_changed: 502,
  hh_login_required: 409,
  hh_csrf: 409,

  storage_full: 507,
  storage_read_only: 503,
  storage_failed: 500,
  // PDF needs the desktop app's printer: this server cannot make it.
  export_unavailable: 501,
  update_failed: 503,
  update_refused: 502,
  // Updates are the desktop app's; the headless server has none.
  update_unavailable: 501,
  // The app is quitting or restarting into an update: the same request works after it starts again.
  app_closing: 503,
};

/** Every status an error can answer with, besides 413 (a body too large), which the server sets itself. */
export const errorStatuses = [...new Set(Object.values(statusOfCode))].sort((a, b) => a - b);

/**
 * Seconds to wait before trying again, for a Retry-After header: the error's own hint, else the
 * time it names (hh.ru's or the app's daily limit frees a slot `at`).
 */
export function retryAfterOf(error: AppErrorValue, now: Date): number | undefined {
  if (error.next?.retryAfterSeconds !== undefined) return Math.max(1, Math.ceil(error.next.retryAfterSeconds));
  const at = error.params?.at;
  if (typeof at === 'string' && !Number.isNaN(Date.parse(at))) return Math.max(1, Math.ceil((Date.parse(at) - now.getTime()) / 1000));
  return undefined;
}

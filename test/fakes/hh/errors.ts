/**
 * hh.ru's answers for every error of docs/hh/API-NOTES.md, as responses for `fake.failNext()`:
 *
 *   fake.failNext('POST /negotiations', hhErrors.captchaRequired());
 *   fake.failNext('GET /vacancies/{vacancy_id}', hhErrors.serverError(), 3);
 *
 * Bodies follow the spec's error schemas (`{errors: [{type, value}], request_id}`; the server adds
 * request_id to every object body with an `errors` array). The token endpoint answers OAuth-style
 * `{error, error_description}` instead.
 */

/** A response the fake sends instead of the real one. */
export interface FakeReply {
  status: number;
  /** An object is sent as JSON; a string or Buffer as is (Content-Type text/html unless `headers` says otherwise). */
  body?: unknown;
  headers?: Record<string, string>;
  /** Wait this long (real time) before answering. */
  delayMs?: number;
  /** With no body: send the headers without Content-Length (a chunked, empty body), as hh.ru's 201 on applying. */
  omitContentLength?: boolean;
}

/** 'hang' never answers (until the client gives up or the fake closes); 'reset' destroys the socket. */
export type FakeFailure = FakeReply | 'hang' | 'reset';

export type OauthErrorValue =
  'bad_authorization' | 'token_expired' | 'token_revoked' | 'application_not_found' | 'user_auth_expected' | 'application_auth_expected';

/** The spec's ErrorsCommonBadAuthorizationErrors.oauth_error, sent next to the errors array. */
const OAUTH_ERROR_HINT: Partial<Record<OauthErrorValue, string>> = {
  bad_authorization: 'bad-auth-type',
  token_expired: 'token-expired',
  token_revoked: 'token-revoked',
  application_not_found: 'client-id-deleted',
};

export type NegotiationsErrorValue =
  | 'vacancy_not_found'
  | 'resume_not_found'
  | 'limit_exceeded'
  | 'resource_policy_violation'
  | 'inappropriate_language'
  | 'already_applied'
  | 'test_required'
  | 'application_denied'
  | 'invalid_vacancy'
  | 'resume_visibility_conflict'
  | 'empty_message'
  | 'too_long_message'
  | 'in_a_row_limit'
  | 'overall_limit'
  | 'disabled_by_employer'
  | 'archived'
  | 'chat_is_not_ready';

const json = (status: number, body: object): FakeReply => ({ status, body });

export const DEFAULT_CAPTCHA_URL = 'https://hh.ru/account/captcha?state=fake-captcha-state';

export const hhErrors = {
  /** 400 bad_user_agent: `unset` (no HH-User-Agent/User-Agent) or `blacklisted`. */
  badUserAgent: (value: 'unset' | 'blacklisted' = 'blacklisted') => json(400, { errors: [{ type: 'bad_user_agent', value }] }),

  /** 403 captcha_required; the app appends `backurl=` to captcha_url and shows it to the user. */
  captchaRequired: (captchaUrl: string = DEFAULT_CAPTCHA_URL) =>
    json(403, { errors: [{ type: 'captcha_required', value: 'captcha_required', captcha_url: captchaUrl }] }),

  /** 403 oauth errors of API calls. */
  oauth: (value: OauthErrorValue) => {
    const hint = OAUTH_ERROR_HINT[value];
    return json(403, { errors: [{ type: 'oauth', value }], ...(hint ? { oauth_error: hint } : {}) });
  },

  /**
   * What an application without access to the applicant API gets since 2025-12-15 (API-NOTES: "expect
   * 403s on applicant methods"; the body is not documented, so this is the spec's generic Forbidden:
   * ErrorsCommonBadAuthorizationErrors with type `forbidden`).
   */
  applicantApiClosed: () => json(403, { description: 'Forbidden', errors: [{ type: 'forbidden' }] }),

  /** Any negotiations error (apply, messages). */
  negotiations: (status: number, value: NegotiationsErrorValue) => json(status, { errors: [{ type: 'negotiations', value }] }),
  alreadyApplied: () => hhErrors.negotiations(403, 'already_applied'),
  testRequired: () => hhErrors.negotiations(403, 'test_required'),
  applicationDenied: () => hhErrors.negotiations(403, 'application_denied'),
  /** The ~200 applications a day limit: 400 by the spec, sometimes reported as 403 or 429. */
  limitExceeded: (status: 400 | 403 | 429 = 400) => hhErrors.negotiations(status, 'limit_exceeded'),
  vacancyNotFound: () => hhErrors.negotiations(400, 'vacancy_not_found'),
  /** Applying to an archived (or hidden) vacancy: hhru/api's docs name `invalid_vacancy` for it. */
  vacancyArchived: () => hhErrors.negotiations(403, 'invalid_vacancy'),
  resumeNotFound: () => hhErrors.negotiations(400, 'resume_not_found'),
  tooLongMessage: () => hhErrors.negotiations(403, 'too_long_message'),
  inARowLimit: () => hhErrors.negotiations(403, 'in_a_row_limit'),
  overallLimit: () => hhErrors.negotiations(403, 'overall_limit'),
  disabledByEmployer: () => hhErrors.negotiations(403, 'disabled_by_employer'),
  negotiationArchived: () => hhErrors.negotiations(403, 'archived'),
  /** 425: the chat of a fresh negotiation is not ready yet. */
  chatNotReady: () => hhErrors.negotiations(425, 'chat_is_not_ready'),

  /** 404 not_found (a vacancy, resume or negotiation that does not exist or is not yours). */
  notFound: () => json(404, { errors: [{ type: 'not_found' }] }),
  /** 400 bad_argument naming the parameter. */
  badArgument: (name: string, description?: string) =>
    json(400, {
      errors: [{ type: 'bad_argument', value: name }],
      bad_argument: name,
      bad_arguments: [{ name, description: description ?? `bad value of ${name}` }],
    }),

  /** 429 on resume publishing: too early (see next_publish_at). */
  touchLimitExceeded: () => json(429, { errors: [{ type: 'resumes', value: 'touch_limit_exceeded' }] }),
  /** 429 on GET /vacancies/{id}: the spec declares no body for it, so none is sent. */
  tooManyRequests: (): FakeReply => ({ status: 429, body: '', headers: { 'content-type': 'text/plain' } }),

  /** A 5xx whose body is not JSON (an nginx page), as API-NOTES warns. */
  serverError: (
    status = 502,
    body = '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>',
  ): FakeReply => ({
    status,
    body,
    headers: { 'content-type': 'text/html' },
  }),
  /** A response that says JSON and is not. */
  malformedJson: (status = 200): FakeReply => ({
    status,
    body: '{"found": 1, "items": [{"id": "1",',
    headers: { 'content-type': 'application/json; charset=UTF-8' },
  }),
};

export type HhErrors = typeof hhErrors;

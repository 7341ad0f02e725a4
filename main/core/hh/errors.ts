import type { ErrorCode } from '../../../shared/contract';
import { AppError, say, type AppErrorExtra, type Said } from '../errors';

/** What hh.ru itself said, kept beside the user-facing error for routing and retries. */
export interface HhFailure {
  status: number;
  type?: string;
  value?: string;
  /** OAuth endpoint errors: invalid_grant, invalid_client, ... */
  oauthError?: string;
  description?: string;
  requestId?: string;
}

export class HhError extends AppError {
  constructor(
    code: ErrorCode,
    message: string | Said,
    readonly hh: HhFailure,
    extra: AppErrorExtra = {},
  ) {
    super(code, message, undefined, extra);
    this.name = 'HhError';
  }
}

interface HhErrorBody {
  errors?: { type?: string; value?: string; captcha_url?: string; reason?: string }[];
  request_id?: string;
  description?: string;
  error?: string;
  error_description?: string;
  bad_argument?: string;
}

const asBody = (body: unknown): HhErrorBody => (body && typeof body === 'object' ? (body as HhErrorBody) : {});

/** hh.ru shows the captcha page and sends the user back to `backurl` once it is solved. */
export const captchaUrlWithBackurl = (captchaUrl: string, backurl: string): string => {
  const url = new URL(captchaUrl);
  url.searchParams.set('backurl', backurl);
  return url.toString();
};

const VACANCY_GONE = new Set(['vacancy_not_found', 'invalid_vacancy', 'archived']);
const RESUME_PROBLEM = new Set(['resume_not_found', 'resume_visibility_conflict', 'resume_deleted']);
const LETTER_PROBLEM = new Set(['empty_message', 'too_long_message', 'inappropriate_language', 'resource_policy_violation']);
const SIGNED_OUT = new Set(['bad_authorization', 'token_expired', 'token_revoked', 'user_auth_expected']);

/**
 * Turns any hh.ru error answer into a typed error with a sentence and a next step. `backurl` is the
 * page to return to after a captcha (hh.ru's own recommendation).
 */
export function toHhError(status: number, rawBody: unknown, context: { backurl?: string; vacancyUrl?: string } = {}): HhError {
  const body = asBody(rawBody);
  const first = body.errors?.[0];
  const hh: HhFailure = {
    status,
    type: first?.type,
    value: first?.value,
    oauthError: body.error,
    description: body.error_description ?? body.description,
    requestId: body.request_id,
  };
  const make = (code: ErrorCode, message: string | Said, extra: AppErrorExtra = {}) => new HhError(code, message, hh, extra);
  const value = first?.value ?? '';
  const type = first?.type ?? '';

  if (type === 'captcha_required' || value === 'captcha_required') {
    const url = first?.captcha_url ? captchaUrlWithBackurl(first.captcha_url, context.backurl ?? 'https://hh.ru/') : undefined;
    return make('hh_captcha', 'hh.ru asks you to solve a captcha. Open it, solve it, and the app will carry on.', {
      next: { kind: 'open_captcha', ...(url && { url }) },
    });
  }
  if (type === 'oauth') {
    if (value === 'application_not_found') {
      return make(
        'hh_not_configured',
        'hh.ru does not know this application any more. Check the client id in Settings → hh.ru, or remove it to sign in without one.',
        {
          next: { kind: 'open_settings', section: 'hh' },
        },
      );
    }
    if (SIGNED_OUT.has(value)) {
      return make('hh_signed_out', 'Your hh.ru sign-in has ended. Sign in again to continue.', {
        next: { kind: 'sign_in' },
        details: { reason: value },
      });
    }
  }
  if (type === 'bad_user_agent') {
    return make('hh_bad_user_agent', "hh.ru refused the app's identification. Update the app; if it persists, report it.", {
      details: { reason: value },
    });
  }
  if (body.error) {
    // The OAuth token endpoint speaks RFC 6749: {error, error_description}.
    const description = body.error_description ?? '';
    if (body.error === 'invalid_client') {
      return make('hh_not_configured', "hh.ru rejected the application's client id or secret. Check them in Settings → hh.ru.", {
        next: { kind: 'open_settings', section: 'hh' },
      });
    }
    if (body.error === 'invalid_grant' && /not expired|already been refreshed/i.test(description)) {
      return make('hh_signed_out', 'hh.ru refused to renew the sign-in too early. Sign in again if the app keeps asking.', {
        details: { reason: description },
      });
    }
    if (body.error === 'invalid_grant' || body.error === 'invalid_request') {
      return make('hh_signed_out', 'hh.ru ended this sign-in (it expired, was revoked, or the password changed). Sign in again.', {
        next: { kind: 'sign_in' },
        details: { reason: description || body.error },
      });
    }
    return make('hh_bad_request', say('hh.refusedSignIn', { reason: body.error }), { details: { reason: description } });
  }
  if (value === 'limit_exceeded' || value === 'negotiations_limit_exceeded') {
    return make(
      'hh_limit_exceeded',
      'hh.ru allows about 200 applications in 24 hours, and the limit is reached. The app waits until a slot frees up.',
      {
        next: { kind: 'retry_later' },
        retryable: true,
      },
    );
  }
  if (value === 'already_applied') return make('hh_already_applied', 'You have already applied to this vacancy on hh.ru.');
  if (value === 'test_required') {
    return make('hh_needs_manual', "This vacancy asks you to answer the employer's questions first. Open it and apply yourself.", {
      next: { kind: 'open_in_browser', ...(context.vacancyUrl && { url: context.vacancyUrl }) },
      details: { reason: 'test_required' },
    });
  }
  if (status === 400 && (body.bad_argument === 'message' || value === 'letter_required')) {
    return make('hh_needs_manual', 'This vacancy requires a cover letter. Write one and send it yourself.', {
      details: { reason: 'letter_required' },
    });
  }
  if (value === 'application_denied' || value === 'disabled_by_employer') {
    return make('hh_application_denied', 'The employer does not accept applications or messages from you for this vacancy.', {
      details: { reason: value },
    });
  }
  if (VACANCY_GONE.has(value))
    return make('hh_vacancy_gone', 'This vacancy is closed or no longer on hh.ru.', { details: { reason: value } });
  if (RESUME_PROBLEM.has(value)) {
    return make(
      'hh_resume_problem',
      'hh.ru cannot use this resume for the application (deleted or hidden from this employer). Pick another resume.',
      { details: { reason: value } },
    );
  }
  if (LETTER_PROBLEM.has(value)) {
    return make('hh_bad_request', 'hh.ru refused the letter (empty, too long, or its wording). Edit it and send again.', {
      details: { reason: value },
    });
  }
  if (value === 'in_a_row_limit' || value === 'overall_limit') {
    return make('hh_limit_exceeded', 'hh.ru does not allow more messages in this chat until the employer answers.', {
      details: { reason: value },
    });
  }
  if (status === 403 && (type === 'forbidden' || /not allowed|applicant/i.test(`${value} ${body.description ?? ''}`))) {
    return make(
      'hh_forbidden_for_app',
      'hh.ru refuses this operation for third-party applications. The app will use your hh.ru website session instead.',
      {
        details: { reason: value || type || 'forbidden' },
      },
    );
  }
  if (status === 429 || value === 'touch_limit_exceeded') {
    return make(
      'hh_rate_limited',
      value === 'touch_limit_exceeded'
        ? 'hh.ru lets you raise a resume about every 4 hours. The app will try later.'
        : 'hh.ru asks the app to slow down. It will try again shortly.',
      {
        next: { kind: 'retry_later' },
        retryable: true,
        details: { reason: value || 'too_many_requests' },
      },
    );
  }
  if (status === 404) return make('hh_vacancy_gone', 'hh.ru has no such page any more.', { details: { reason: 'not_found' } });
  if (status >= 500)
    return make('hh_unavailable', 'hh.ru is not answering properly right now. The app will try again.', { retryable: true });
  return make('hh_bad_request', say('hh.refused', { reason: value || type || `HTTP ${status}` }), {
    details: { reason: value || type || String(status) },
  });
}

export const hhNetworkError = (timedOut: boolean, cause?: unknown): HhError =>
  timedOut
    ? new HhError('hh_timeout', 'hh.ru did not answer in time. The app will try again.', { status: 0 }, { retryable: true, cause })
    : new HhError('hh_network', 'Cannot reach hh.ru. Check your internet connection.', { status: 0 }, { retryable: true, cause });

export const hhMalformed = (status: number): HhError =>
  new HhError('hh_unavailable', 'hh.ru sent an answer the app cannot read. The app will try again.', { status }, { retryable: true });

import { describe, expect, it } from 'vitest';
import { captchaUrlWithBackurl, toHhError } from '../../../main/core/hh/errors';

const err = (type: string, value: string, extra: Record<string, unknown> = {}) => ({
  errors: [{ type, value, ...extra }],
  request_id: 'r1',
});

describe('hh.ru error taxonomy', () => {
  it.each([
    [403, err('oauth', 'token_expired'), 'hh_signed_out'],
    [403, err('oauth', 'token_revoked'), 'hh_signed_out'],
    [403, err('oauth', 'bad_authorization'), 'hh_signed_out'],
    [403, err('oauth', 'application_not_found'), 'hh_not_configured'],
    [400, err('negotiations', 'limit_exceeded'), 'hh_limit_exceeded'],
    [429, err('negotiations', 'limit_exceeded'), 'hh_limit_exceeded'],
    [403, err('negotiations', 'already_applied'), 'hh_already_applied'],
    [403, err('negotiations', 'test_required'), 'hh_needs_manual'],
    [403, err('negotiations', 'application_denied'), 'hh_application_denied'],
    [403, err('negotiations', 'invalid_vacancy'), 'hh_vacancy_gone'],
    [400, err('negotiations', 'vacancy_not_found'), 'hh_vacancy_gone'],
    [403, err('negotiations', 'resume_not_found'), 'hh_resume_problem'],
    [403, err('negotiations', 'resume_visibility_conflict'), 'hh_resume_problem'],
    [403, err('negotiations', 'too_long_message'), 'hh_bad_request'],
    [400, err('bad_user_agent', 'blacklisted'), 'hh_bad_user_agent'],
    [400, err('bad_user_agent', 'unset'), 'hh_bad_user_agent'],
    [429, err('resumes', 'touch_limit_exceeded'), 'hh_rate_limited'],
    [403, err('negotiations', 'in_a_row_limit'), 'hh_limit_exceeded'],
    [403, err('negotiations', 'disabled_by_employer'), 'hh_application_denied'],
    [404, {}, 'hh_vacancy_gone'],
    [502, undefined, 'hh_unavailable'],
    [400, { error: 'invalid_grant', error_description: 'token not expired' }, 'hh_signed_out'],
    [400, { error: 'invalid_grant', error_description: 'token has already been refreshed' }, 'hh_signed_out'],
    [400, { error: 'invalid_grant', error_description: 'token revoked' }, 'hh_signed_out'],
    [400, { error: 'invalid_client', error_description: 'client_id or client_secret not found' }, 'hh_not_configured'],
    [403, err('forbidden', 'not_allowed_for_applications'), 'hh_forbidden_for_app'],
  ])('%i %j -> %s', (status, body, code) => {
    const error = toHhError(status, body);
    expect(error.code).toBe(code);
    expect(error.message.length).toBeGreaterThan(20);
  });

  it('keeps the reason a token was refused, for the token service to act on', () => {
    expect(toHhError(403, err('oauth', 'token_expired')).details).toEqual({ reason: 'token_expired' });
  });

  it('a captcha carries the page to open, with backurl set to where the user was', () => {
    const error = toHhError(403, err('captcha_required', 'captcha_required', { captcha_url: 'https://hh.ru/account/captcha?state=x' }), {
      backurl: 'https://hh.ru/vacancy/1',
    });
    expect(error.code).toBe('hh_captcha');
    const url = new URL(error.next!.url!);
    expect(url.searchParams.get('state')).toBe('x');
    expect(url.searchParams.get('backurl')).toBe('https://hh.ru/vacancy/1');
    expect(captchaUrlWithBackurl('https://hh.ru/captcha?backurl=old', 'https://hh.ru/new')).toBe(
      'https://hh.ru/captcha?backurl=https%3A%2F%2Fhh.ru%2Fnew',
    );
  });

  it('marks what is worth retrying', () => {
    expect(toHhError(503, undefined).retryable).toBe(true);
    expect(toHhError(403, err('negotiations', 'already_applied')).retryable).toBeUndefined();
  });

  it('a letter-required refusal sends the vacancy to manual handling', () => {
    const error = toHhError(400, { errors: [{ type: 'bad_argument', value: 'message' }], bad_argument: 'message' });
    expect(error.code).toBe('hh_needs_manual');
    expect(error.details).toEqual({ reason: 'letter_required' });
  });
});

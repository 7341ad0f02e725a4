import { UNAVAILABLE } from '../unavailable';
import { HhError, captchaUrlWithBackurl } from '../errors';
import { say } from '../../errors';

/**
 * The website's own failures as typed errors. Every message is for people and never carries a
 * cookie, a token or a page body: only the page address and what the app looked for.
 */

/** The page no longer has what the app reads: never an empty result, always this. */
export const pageChanged = (url: string, what: string, status = 200): HhError =>
  new HhError(
    'hh_page_changed',
    say('hh.pageChanged', { what, url }),
    { status, type: 'website', value: 'page_changed', description: what },
    {
      details: { url, what },
    },
  );

export const loginRequired = (url: string, status = 302): HhError =>
  new HhError(
    'hh_login_required',
    "hh.ru asks you to sign in again. Sign in to hh.ru in the app's window.",
    { status, type: 'website', value: 'login_required' },
    {
      next: { kind: 'sign_in' },
      details: { url },
    },
  );

/** `captchaUrl` is where hh.ru sent the request; the user returns to `backurl` once it is solved. */
export function captchaRequired(captchaUrl: string, backurl: string, status = 302): HhError {
  let url = captchaUrl;
  try {
    if (!new URL(captchaUrl).searchParams.has('backurl')) url = captchaUrlWithBackurl(captchaUrl, backurl);
  } catch {
    url = captchaUrl;
  }
  return new HhError(
    'hh_captcha',
    'hh.ru asks you to solve a captcha. Open it, solve it, and the app will carry on.',
    { status, type: 'website', value: 'captcha_required' },
    {
      next: { kind: 'open_captcha', url },
      details: { url: backurl },
    },
  );
}

export const csrfRefused = (url: string, status = 403): HhError =>
  new HhError(
    'hh_csrf',
    'hh.ru refused the request (session protection). Sign in to hh.ru again if it keeps happening.',
    { status, type: 'website', value: 'xsrf' },
    {
      next: { kind: 'sign_in' },
      details: { url },
    },
  );

export const noXsrfCookie = (siteUrl: string): HhError =>
  new HhError(
    'hh_csrf',
    "hh.ru did not give this session its protection token (_xsrf). Sign in to hh.ru again in the app's window.",
    { status: 0, type: 'website', value: 'no_xsrf' },
    {
      next: { kind: 'sign_in' },
      details: { url: siteUrl },
    },
  );

/** The resume's own page is missing or not understood: its own code, so no one reads it as a closed vacancy. */
export const resumeUnreadable = (url: string, cause: HhError) =>
  new HhError(
    'hh_resume_unreadable',
    'The app could not read your resume on hh.ru. Letters are written without its content until it can.',
    cause.hh,
    {
      details: {
        url,
        reason: cause.code === 'not_found' ? 'not_found' : 'page_changed',
        ...(cause.details?.what && { what: cause.details.what }),
      },
      cause,
    },
  );

export const noDictionaries = () =>
  new HhError(
    'hh_forbidden_for_app',
    `${UNAVAILABLE.no_dictionaries[0]!.toUpperCase()}${UNAVAILABLE.no_dictionaries.slice(1)}.`,
    { status: 0, type: 'website', value: 'no_dictionaries' },
    {
      details: { reason: 'not_on_website' },
    },
  );

/** chatik's refusal words: a chat limit, a closed chat, or anything else. */
export function sendRefused(status: number, word: string): HhError {
  const hh = { status, type: 'website', value: word };
  if (/limit|in.?a.?row|too.?many/i.test(word)) {
    return new HhError('hh_limit_exceeded', 'hh.ru does not allow more messages in this chat until the employer answers.', hh, {
      details: { reason: word },
    });
  }
  if (/not.?allowed|forbidden|disabled|denied|closed|write/i.test(word)) {
    return new HhError('hh_application_denied', 'The employer does not accept messages in this chat.', hh, { details: { reason: word } });
  }
  return new HhError('hh_bad_request', say('hh.messageNotSent', { reason: word }), hh, { details: { reason: word } });
}

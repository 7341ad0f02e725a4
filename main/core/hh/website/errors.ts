import { HhError, captchaUrlWithBackurl } from '../errors';
import { say } from '../../errors';

/**
 * The website's own failures as typed errors. Every message is for people and never carries a
 * cookie, a token or a page body: only the page address and what the app looked for.
 */

/** The page no longer has what the app reads: never an empty result, always this. */
export const pageChanged = (url: string, what: string, status = 200): HhError =>
  new HhError('hh_page_changed', say('hh.pageChanged', { what, url }), { status, type: 'website', value: 'page_changed', description: what }, {
    details: { url, what },
  });

export const loginRequired = (url: string, status = 302): HhError =>
  new HhError('hh_login_required', 'hh.ru asks you to sign in again. Sign in to hh.ru in the app\'s window.', { status, type: 'website', value: 'login_required' }, {
    next: { kind: 'sign_in' },
    details: { url },
  });

/** `captchaUrl` is where hh.ru sent the request; the user returns to `backurl` once it is solved. */
export function captchaRequired(captchaUrl: string, backurl: string, status = 302): HhError {
  let url = captchaUrl;
  try {
    if (!new URL(captchaUrl).searchParams.has('backurl')) url = captchaUrlWithBackurl(captchaUrl, backurl);
  } catch {
    url = captchaUrl;
  }
  return new HhError('hh_captcha', 'hh.ru asks you to solve a captcha. Open it, solve it, and the app will carry on.', { status, type: 'website', value: 'captcha_required' }, {
    next: { kind: 'open_captcha', url },
    details: { url: backurl },
  });
}

export const csrfRefused = (url: string, status = 403): HhError =>
  new HhError('hh_csrf', 'hh.ru refused the request (session protection). Sign in to hh.ru again if it keeps happening.', { status, type: 'website', value: 'xsrf' }, {
    next: { kind: 'sign_in' },
    details: { url },
  });

export const noXsrfCookie = (siteUrl: string): HhError =>
  new HhError('hh_csrf', 'hh.ru did not give this session its protection token (_xsrf). Sign in to hh.ru again in the app\'s window.', { status: 0, type: 'website', value: 'no_xsrf' }, {
    next: { kind: 'sign_in' },
    details: { url: siteUrl },
  });

import { captchaPageHtml, loginPageHtml, pageWithBrokenState, pageWithoutState, statePage } from './pages';

/**
 * Answers for `site.failNext(route, reply)`: every failure of docs/hh/WEBSITE-NOTES.md the app
 * must understand.
 *
 *   site.failNext('POST /applicant/vacancy_response/popup', siteReplies.limitExceeded());
 *   site.failNext('GET /search/vacancy', siteReplies.captchaRedirect());
 */
export interface FakeSiteReply {
  status: number;
  /** An object is sent as JSON; a string as text/html unless `headers` says otherwise. */
  body?: unknown;
  headers?: Record<string, string>;
}

/** 'reset' destroys the socket (the answer is lost); 'hang' never answers. */
export type FakeSiteFailure = FakeSiteReply | 'reset' | 'hang';

const json = (status: number, body: unknown): FakeSiteReply => ({ status, body });
const html = (status: number, body: string): FakeSiteReply => ({ status, body, headers: { 'content-type': 'text/html; charset=utf-8' } });

export const siteReplies = {
  /** "В течение 24 часов можно совершить не более 200 откликов". */
  limitExceeded: () => json(400, { error: 'negotiations-limit-exceeded' }),
  testRequired: () => json(400, { error: 'test-required' }),
  alreadyApplied: () => json(400, { error: 'alreadyApplied' }),
  unknownApplyError: () => json(400, { error: 'unknown' }),
  /** What hh.ru answers a write whose _xsrf header/field does not match the cookie. */
  csrf: () => json(403, { errorPage: { code: 403, xsrfError: true } }),
  /** The usual captcha: a redirect to the captcha page, which returns to `backurl` when solved. */
  captchaRedirect: (backurl = '/') => ({
    status: 302,
    headers: { location: `/account/captcha?state=fake-captcha&backurl=${encodeURIComponent(backurl)}` },
  }),
  /** A captcha (or DDoS-Guard) page served in place of the asked one. */
  captchaPage: (status = 200) => html(status, captchaPageHtml('/')),
  loginRedirect: (backurl = '/') => ({ status: 302, headers: { location: `/account/login?backurl=${encodeURIComponent(backurl)}` } }),
  /** The login form served in place (for an XHR endpoint: HTML instead of JSON). */
  loginPage: () => html(200, loginPageHtml('/')),
  /** The layout changed: no page state template. */
  noTemplate: () => html(200, pageWithoutState()),
  brokenState: () => html(200, pageWithBrokenState()),
  /** Any state, e.g. with renamed keys. */
  pageState: (state: unknown, escape = true) => html(200, statePage(state, { escape })),
  /** HTML where JSON was expected, without captcha or login markers. */
  unexpectedHtml: () => html(200, '<!DOCTYPE html><html><body><p>Что-то пошло не так</p></body></html>'),
  serverError: (status = 503) => html(status, '<!DOCTYPE html><html><body><h1>Сервис временно недоступен</h1></body></html>'),
  chatError: (error = 'write-not-allowed', status = 400) => json(status, { error }),
  touchTooEarly: () => json(409, { error: 'touch-limit-exceeded' }),
};

import type { HhError } from '../errors';
import { isLoginUrl } from './site';
import { captchaRequired, loginRequired, pageChanged } from './errors';
import type { WebResponse } from './web-session';

/** The JSON hh.ru renders its pages from. */
export type PageState = Record<string, unknown>;

/** The main state of hh.ru's pages. */
export const LUX_STATE = 'HH-Lux-InitialState';
/** The resume pages' own front end (resume-profile-front) keeps its state in a template with this class (2026). */
export const RESUME_PROFILE_STATE = 'ResumeProfileFront-InitialState';

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * `<template id="NAME">` or `<template class="... NAME ...">`: the name may be quoted either way and
 * other attributes may come before or after it.
 */
const templatePattern = (name: string) =>
  new RegExp(
    `<template\\b[^>]*?\\b(?:id\\s*=\\s*(["']?)${escapeRegex(name)}\\1|class\\s*=\\s*(["'])(?:[^"'>]*\\s)?${escapeRegex(name)}(?:\\s[^"'>]*)?\\2)(?:\\s[^>]*)?>([\\s\\S]*?)<\\/template\\s*>`,
    'i',
  );
const TEMPLATE = templatePattern(LUX_STATE);
const ENTITY = /&(#x[0-9a-f]+|#\d+|quot|amp|lt|gt|apos);/gi;
const NAMED: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>', apos: "'" };

/**
 * Undoes HTML escaping in one pass, so `&amp;quot;` becomes `&quot;` (the text the page meant), not
 * a quote that would break the JSON.
 */
export function unescapeHtml(text: string): string {
  return text.replace(ENTITY, (match, entity: string) => {
    if (entity[0] !== '#') return NAMED[entity.toLowerCase()] ?? match;
    const code = entity[1] === 'x' || entity[1] === 'X' ? Number.parseInt(entity.slice(2), 16) : Number.parseInt(entity.slice(1), 10);
    return Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : match;
  });
}

/**
 * Escaped state has no raw double quote at all (every one is `&#34;`). Raw JSON always has them, and
 * its strings may hold entities of their own (vacancy descriptions are HTML), which must stay as they are.
 */
const isEscaped = (raw: string) => !raw.includes('"');

function parseTemplate(raw: string, url: string, name: string): PageState {
  let state: unknown;
  try {
    state = JSON.parse(isEscaped(raw) ? unescapeHtml(raw) : raw);
  } catch {
    throw pageChanged(url, `${name}: the page state is not valid JSON`);
  }
  if (!state || typeof state !== 'object' || Array.isArray(state)) throw pageChanged(url, `${name}: the page state is not an object`);
  return state as PageState;
}

/** The page state of an HTML page; a page without one (or with broken JSON) is a changed page, never `{}`. */
export function extractPageState(html: string, url: string): PageState {
  const match = TEMPLATE.exec(html);
  if (!match) throw pageChanged(url, `no ${LUX_STATE} page state`);
  return parseTemplate(match[3]!.trim(), url, LUX_STATE);
}

/**
 * Every state the page keeps under `name` besides the main one (hh.ru's profile pages carry several
 * ResumeProfileFront templates, one per widget): none is an empty list, a broken one is a changed page.
 */
export function extractNamedStates(html: string, url: string, name: string): PageState[] {
  const pattern = new RegExp(templatePattern(name).source, 'gi');
  return [...html.matchAll(pattern)].map((match) => parseTemplate(match[3]!.trim(), url, name));
}

const pathOf = (url: string, base?: string): string | undefined => {
  try {
    return new URL(url, base).pathname;
  } catch {
    return undefined;
  }
};

export const isCaptchaPath = (url: string, base?: string) => /captcha/i.test(pathOf(url, base) ?? '');

/**
 * A redirect (or a followed one) to the login form or a captcha: the session is not usable as it is.
 * `requestUrl` is the page the user should come back to.
 */
export function blockedByRedirect(response: WebResponse, requestUrl: string): HhError | undefined {
  const location = response.status >= 300 && response.status < 400 ? response.headers.location : undefined;
  const target = location ? new URL(location, response.url || requestUrl).toString() : response.url;
  if (!target) return undefined;
  if (isLoginUrl(target)) return loginRequired(requestUrl, response.status);
  if (isCaptchaPath(target)) return captchaRequired(target, requestUrl, response.status);
  return undefined;
}

const CAPTCHA_MARKERS = [/action="[^"]*captcha/i, /data-qa="[^"]*captcha/i, /name="captcha/i, /ddos-guard/i, /captcha_required/];
const LOGIN_MARKERS = [/action="[^"]*\/account\/login/i, /data-qa="[^"]*account-login/i];

/**
 * For an answer that is not what was asked for (no page state, HTML instead of JSON): a captcha or
 * login page shown in place, without a redirect.
 */
export function blockedByContent(response: WebResponse, requestUrl: string): HhError | undefined {
  const text = response.text;
  if (CAPTCHA_MARKERS.some((marker) => marker.test(text))) return captchaRequired(response.url || requestUrl, requestUrl, response.status);
  if (LOGIN_MARKERS.some((marker) => marker.test(text))) return loginRequired(requestUrl, response.status);
  return undefined;
}

/** The page state of an answer, after ruling out the login form and a captcha. */
export function readPageState(response: WebResponse, requestUrl: string): PageState {
  const blocked = blockedByRedirect(response, requestUrl);
  if (blocked) throw blocked;
  try {
    return extractPageState(response.text, requestUrl);
  } catch (err) {
    throw blockedByContent(response, requestUrl) ?? err;
  }
}

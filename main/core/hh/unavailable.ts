import type { HhUnavailableCode } from '../../../shared/domain';

/**
 * Why a path to hh.ru cannot serve an operation now: one sentence per reason, in English for logs and
 * error messages, each with the code the window translates (Settings → "How the app reaches hh.ru").
 */
export const UNAVAILABLE = {
  own_app_needed: 'needs a sign-in through your own dev.hh.ru application',
  own_app_or_credentials_needed:
    'needs a sign-in through your own dev.hh.ru application (or its client id and secret for an application token)',
  refused_for_apps: 'hh.ru refuses this operation for third-party applications',
  sign_in_in_window: 'sign in to hh.ru in the app window',
  sign_in_with_cookies: 'give the app your hh.ru session: a cookies.txt export in HH_COOKIES_FILE, then Sign in',
  no_dictionaries: "hh.ru's website has no dictionaries the app can read; they come from hh.ru's official API",
} as const satisfies Record<Exclude<HhUnavailableCode, 'other'>, string>;

const CODES = new Map(Object.entries(UNAVAILABLE).map(([code, sentence]) => [sentence as string, code as HhUnavailableCode]));

/** The code of a reason sentence; 'other' for a sentence from elsewhere (shown as it is). */
export const unavailableCode = (reason: string): HhUnavailableCode => CODES.get(reason) ?? 'other';

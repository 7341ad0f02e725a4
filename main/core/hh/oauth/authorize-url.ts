import { randomBytes } from 'node:crypto';
import { sitePages } from '../website/site';

export interface AuthorizeUrlInput {
  oauthBaseUrl: string;
  clientId: string;
  redirectUri: string;
  state: string;
  /** "Continue as <name>": skip hh.ru's "is this you?" screen. */
  skipChooseAccount?: boolean;
  /** "Switch account": always show the login form. */
  forceLogin?: boolean;
}

/** A fresh, unguessable state per sign-in attempt: the redirect is accepted only with this value. */
export const newOAuthState = (): string => randomBytes(24).toString('base64url');

export function buildAuthorizeUrl(input: AuthorizeUrlInput): string {
  // The base keeps its path: an hh.ru behind a path prefix (a proxy, a fake) signs in too.
  const url = new URL(sitePages.oauthAuthorize(input.oauthBaseUrl));
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', input.clientId);
  url.searchParams.set('state', input.state);
  url.searchParams.set('redirect_uri', input.redirectUri);
  if (input.skipChooseAccount) url.searchParams.set('skip_choose_account', 'true');
  if (input.forceLogin) url.searchParams.set('force_login', 'true');
  return url.toString();
}

export type RedirectOutcome =
  { kind: 'code'; code: string } | { kind: 'denied' } | { kind: 'error'; error: string } | { kind: 'state_mismatch' };

/**
 * Reads hh.ru's redirect back to the registered URI. hh.ru may add a longer path or extra query, so
 * only scheme, host and port must match the registered URI; `state` must be the one we sent.
 */
export function readRedirect(redirectedTo: string, expectedState: string): RedirectOutcome {
  const url = new URL(redirectedTo);
  if (url.searchParams.get('state') !== expectedState) return { kind: 'state_mismatch' };
  const error = url.searchParams.get('error');
  if (error === 'access_denied') return { kind: 'denied' };
  if (error) return { kind: 'error', error };
  const code = url.searchParams.get('code');
  return code ? { kind: 'code', code } : { kind: 'error', error: 'no_code' };
}

/** True when `candidate` is the registered redirect URI (same scheme, host and port; path may be longer). */
export function isRedirectTo(candidate: string, registered: string): boolean {
  try {
    const a = new URL(candidate);
    const b = new URL(registered);
    return a.protocol === b.protocol && a.host === b.host && a.pathname.startsWith(b.pathname.replace(/\/$/, ''));
  } catch {
    return false;
  }
}

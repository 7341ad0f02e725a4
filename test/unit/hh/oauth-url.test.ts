import { describe, expect, it } from 'vitest';
import { buildAuthorizeUrl, isRedirectTo, newOAuthState, readRedirect } from '../../../main/core/hh/oauth/authorize-url';

const base = { oauthBaseUrl: 'https://hh.ru', clientId: 'CLIENT', redirectUri: 'http://localhost:8080/hh/callback', state: 'STATE' };

describe('OAuth authorize URL', () => {
  it('carries response_type, client_id, redirect_uri and state', () => {
    const url = new URL(buildAuthorizeUrl(base));
    expect(url.origin + url.pathname).toBe('https://hh.ru/oauth/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'CLIENT',
      redirect_uri: 'http://localhost:8080/hh/callback',
      state: 'STATE',
    });
  });

  it('adds skip_choose_account and force_login only when asked', () => {
    expect(new URL(buildAuthorizeUrl({ ...base, skipChooseAccount: true })).searchParams.get('skip_choose_account')).toBe('true');
    expect(new URL(buildAuthorizeUrl({ ...base, forceLogin: true })).searchParams.get('force_login')).toBe('true');
    const plain = new URL(buildAuthorizeUrl(base)).searchParams;
    expect(plain.has('skip_choose_account') || plain.has('force_login')).toBe(false);
  });

  it('keeps the path of an OAuth base served under a prefix', () => {
    const url = new URL(buildAuthorizeUrl({ ...base, oauthBaseUrl: 'http://127.0.0.1:9000/hh/' }));
    expect(url.origin + url.pathname).toBe('http://127.0.0.1:9000/hh/oauth/authorize');
  });

  it('makes a fresh unguessable state every time', () => {
    const states = new Set(Array.from({ length: 200 }, newOAuthState));
    expect(states.size).toBe(200);
    for (const state of states) expect(state).toMatch(/^[\w-]{32}$/);
  });
});

describe('reading the redirect', () => {
  it('returns the code only for our state', () => {
    expect(readRedirect('http://localhost:8080/hh/callback?code=C&state=S', 'S')).toEqual({ kind: 'code', code: 'C' });
    expect(readRedirect('http://localhost:8080/hh/callback?code=C&state=X', 'S')).toEqual({ kind: 'state_mismatch' });
    expect(readRedirect('http://localhost:8080/hh/callback?code=C', 'S')).toEqual({ kind: 'state_mismatch' });
  });

  it('tells a refusal from other errors', () => {
    expect(readRedirect('http://localhost:8080/hh/callback?error=access_denied&state=S', 'S')).toEqual({ kind: 'denied' });
    expect(readRedirect('http://localhost:8080/hh/callback?error=server_error&state=S', 'S')).toEqual({
      kind: 'error',
      error: 'server_error',
    });
  });

  it('matches the registered URI by scheme, host and port; a longer path or extra query is fine', () => {
    const registered = 'http://localhost:8080/hh/callback';
    expect(isRedirectTo('http://localhost:8080/hh/callback?code=1', registered)).toBe(true);
    expect(isRedirectTo('http://localhost:8080/hh/callback/more?x=1', registered)).toBe(true);
    expect(isRedirectTo('http://localhost:8081/hh/callback', registered)).toBe(false);
    expect(isRedirectTo('https://localhost:8080/hh/callback', registered)).toBe(false);
    expect(isRedirectTo('http://evil.example/hh/callback', registered)).toBe(false);
    expect(isRedirectTo('aiautoapplier://hh/callback?code=1', 'aiautoapplier://hh/callback')).toBe(true);
    expect(isRedirectTo('not a url', registered)).toBe(false);
  });
});

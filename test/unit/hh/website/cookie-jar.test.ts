import { describe, expect, it } from 'vitest';
import { CookieJar, defaultPath, domainMatches, parseSetCookie, pathMatches } from '../../../../main/core/hh/website/cookie-jar';

const NOW = Date.parse('2026-03-02T09:00:00Z');

describe('cookie matching rules', () => {
  it('domain: host-only cookies match one host; domain cookies their subdomains, never look-alikes', () => {
    expect(domainMatches('hh.ru', { domain: 'hh.ru', hostOnly: true })).toBe(true);
    expect(domainMatches('chatik.hh.ru', { domain: 'hh.ru', hostOnly: true })).toBe(false);
    expect(domainMatches('chatik.hh.ru', { domain: 'hh.ru', hostOnly: false })).toBe(true);
    expect(domainMatches('xhh.ru', { domain: 'hh.ru', hostOnly: false })).toBe(false);
    expect(domainMatches('127.0.0.1', { domain: '0.0.1', hostOnly: false })).toBe(false);
  });

  it('path: a prefix at a / boundary', () => {
    expect(pathMatches('/applicant/resumes', '/applicant')).toBe(true);
    expect(pathMatches('/applicant', '/applicant')).toBe(true);
    expect(pathMatches('/applicants', '/applicant')).toBe(false);
    expect(pathMatches('/applicant/x', '/applicant/')).toBe(true);
    expect(defaultPath('/applicant/resumes')).toBe('/applicant');
    expect(defaultPath('/')).toBe('/');
  });
});

describe('Set-Cookie', () => {
  const at = new URL('https://hh.ru/applicant/resumes');

  it('reads the attributes a browser reads (Max-Age wins over Expires)', () => {
    const cookie = parseSetCookie(
      '_xsrf=abc; Domain=.hh.ru; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=60; Expires=Wed, 21 Oct 2015 07:28:00 GMT',
      at,
      NOW,
    );
    expect(cookie).toMatchObject({
      name: '_xsrf',
      value: 'abc',
      domain: 'hh.ru',
      hostOnly: false,
      path: '/',
      secure: true,
      httpOnly: true,
      expires: NOW + 60_000,
    });
    expect(parseSetCookie('a=1', at, NOW)).toMatchObject({ domain: 'hh.ru', hostOnly: true, path: '/applicant', expires: null });
  });

  it('refuses cookies for another site or a bare TLD', () => {
    expect(parseSetCookie('a=1; Domain=evil.com', at, NOW)).toBeUndefined();
    expect(parseSetCookie('a=1; Domain=ru', at, NOW)).toBeUndefined();
    expect(parseSetCookie('=1', at, NOW)).toBeUndefined();
  });

  it('replaces by name, domain and path; Max-Age=0 and past Expires delete; expired cookies are not sent', () => {
    let now = NOW;
    const jar = new CookieJar([], () => now);
    jar.store(['_xsrf=one; Path=/', 'hhtoken=t; Path=/; Max-Age=10'], 'https://hh.ru/');
    jar.store(['_xsrf=two; Path=/'], 'https://hh.ru/vacancy/1');
    expect(jar.get('_xsrf', 'https://hh.ru/')).toBe('two');
    expect(jar.header('https://hh.ru/')).toBe('_xsrf=two; hhtoken=t');
    now += 11_000;
    expect(jar.header('https://hh.ru/')).toBe('_xsrf=two');
    jar.store(['_xsrf=gone; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT'], 'https://hh.ru/');
    expect(jar.header('https://hh.ru/')).toBeUndefined();
  });

  it('plain http may not set a Secure cookie or overwrite one', () => {
    const jar = new CookieJar([], () => NOW);
    jar.store(['s=1; Secure; Path=/'], 'https://hh.ru/');
    expect(jar.store(['s=2; Path=/'], 'http://hh.ru/')).toBe(false);
    expect(jar.store(['t=2; Secure; Path=/'], 'http://hh.ru/')).toBe(false);
    expect(jar.get('s', 'https://hh.ru/')).toBe('1');
  });
});

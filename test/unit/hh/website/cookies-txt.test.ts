import { describe, expect, it } from 'vitest';
import { CookieJar } from '../../../../main/core/hh/website/cookie-jar';
import { CookiesFileError, parseCookiesTxt, serializeCookiesTxt } from '../../../../main/core/hh/website/cookies-txt';

const NOW = Date.parse('2026-03-02T09:00:00Z');
const FUTURE = Math.floor(NOW / 1000) + 86_400;

const file = [
  '# Netscape HTTP Cookie File',
  '# https://curl.se/docs/http-cookies.html',
  '',
  `#HttpOnly_.hh.ru\tTRUE\t/\tTRUE\t${FUTURE}\thhtoken\tSECRET-TOKEN`,
  `.hh.ru\tTRUE\t/\tFALSE\t0\t_xsrf\tXSRF-VALUE`,
  `hh.ru\tFALSE\t/applicant\tTRUE\t${FUTURE}\tscoped\tS1`,
  `chatik.hh.ru\tFALSE\t/\tTRUE\t${FUTURE}\tchat_only\tC1`,
  `.hh.ru\tTRUE\t/\tTRUE\t${Math.floor(NOW / 1000) - 10}\told\tEXPIRED`,
  `.hh.ru\tTRUE\t/\tTRUE\t${FUTURE}\tempty`,
  '',
].join('\r\n');

describe('cookies.txt', () => {
  it('reads every field, #HttpOnly_ lines, session cookies, CRLF and a dropped empty value', () => {
    const cookies = parseCookiesTxt(file, 'cookies.txt', NOW);
    expect(cookies.map((c) => c.name)).toEqual(['hhtoken', '_xsrf', 'scoped', 'chat_only', 'old', 'empty']);
    expect(cookies[0]).toMatchObject({
      domain: 'hh.ru',
      hostOnly: false,
      path: '/',
      secure: true,
      httpOnly: true,
      expires: FUTURE * 1000,
      value: 'SECRET-TOKEN',
    });
    expect(cookies[1]).toMatchObject({ name: '_xsrf', expires: null, secure: false, httpOnly: false });
    expect(cookies[2]).toMatchObject({ domain: 'hh.ru', hostOnly: true, path: '/applicant' });
    expect(cookies[5]).toMatchObject({ name: 'empty', value: '' });
  });

  it('sends each cookie where a browser would', () => {
    const jar = new CookieJar(parseCookiesTxt(file, 'cookies.txt', NOW), () => NOW);
    expect(jar.header('https://hh.ru/applicant/resumes')).toBe('scoped=S1; hhtoken=SECRET-TOKEN; _xsrf=XSRF-VALUE; empty=');
    expect(jar.header('https://hh.ru/search/vacancy')).toBe('hhtoken=SECRET-TOKEN; _xsrf=XSRF-VALUE; empty=');
    // Host-only cookies stay on their host; domain cookies reach subdomains; secure ones need https.
    expect(jar.header('https://chatik.hh.ru/chatik/api/chats')).toBe('hhtoken=SECRET-TOKEN; _xsrf=XSRF-VALUE; chat_only=C1; empty=');
    expect(jar.header('http://hh.ru/applicantx')).toBe('_xsrf=XSRF-VALUE');
    expect(jar.header('https://nothh.ru/')).toBeUndefined();
    expect(jar.header('https://hh.ru.evil.com/')).toBeUndefined();
  });

  it('round-trips through the writer', () => {
    const cookies = parseCookiesTxt(file, 'cookies.txt', NOW).filter((c) => c.name !== 'old');
    const again = parseCookiesTxt(serializeCookiesTxt(cookies), 'cookies.txt', NOW);
    expect(again.map(({ created: _c, ...rest }) => rest)).toEqual(cookies.map(({ created: _c, ...rest }) => rest));
  });

  it('a line it cannot read is named by number, without its content', () => {
    const cases: [string, RegExp][] = [
      [`hh.ru\tFALSE\t/\tFALSE\t0\tname\tSECRET\textra`, /found 8/],
      [`hh.ru FALSE / FALSE 0 name SECRET`, /expected 7 tab-separated fields/],
      [`hh.ru\tYES\t/\tFALSE\t0\tname\tSECRET`, /includeSubdomains/],
      [`hh.ru\tFALSE\t/\tmaybe\t0\tname\tSECRET`, /secure/],
      [`hh.ru\tFALSE\t/\tFALSE\tsoon\tname\tSECRET`, /expiry/],
      [`hh.ru\tFALSE\tapplicant\tFALSE\t0\tname\tSECRET`, /path/],
      [`hh.ru\tFALSE\t/\tFALSE\t0\t\tSECRET`, /name field is empty/],
    ];
    for (const [line, problem] of cases) {
      let error: unknown;
      try {
        parseCookiesTxt(`# Netscape HTTP Cookie File\n\n${line}\n`, '/home/anna/cookies.txt', NOW);
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(CookiesFileError);
      const e = error as CookiesFileError;
      expect(e.message).toMatch(/^The hh.ru cookies file \/home\/anna\/cookies\.txt, line 3: /);
      expect(e.toValue()).toMatchObject({ key: 'hh.cookiesFileLine', params: { path: '/home/anna/cookies.txt', line: 3 } });
      expect(e.message).toMatch(problem);
      expect(e.line).toBe(3);
      expect(e.code).toBe('invalid_input');
      expect(`${e.message} ${JSON.stringify(e.toValue())}`).not.toContain('SECRET');
    }
  });

  it('an empty file or one with only comments holds no cookies', () => {
    expect(parseCookiesTxt('', 'c.txt', NOW)).toEqual([]);
    expect(parseCookiesTxt('\uFEFF# Netscape HTTP Cookie File\n# nothing\n\n', 'c.txt', NOW)).toEqual([]);
  });
});

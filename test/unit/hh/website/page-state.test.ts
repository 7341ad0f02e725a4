import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HhError } from '../../../../main/core/hh/errors';
import {
  blockedByContent,
  blockedByRedirect,
  extractPageState,
  readPageState,
  unescapeHtml,
} from '../../../../main/core/hh/website/page-state';
import type { WebResponse } from '../../../../main/core/hh/website/web-session';

const fixture = (name: string) => readFileSync(new URL(`../../../fixtures/hh-site/${name}`, import.meta.url), 'utf8');
const URL_ = 'https://hh.ru/search/vacancy?text=frontend';
const template = (body: string, attributes = '') =>
  `<html><body><template id="HH-Lux-InitialState"${attributes}>${body}</template></body></html>`;
const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&#34;').replace(/'/g, '&#39;');
const response = (patch: Partial<WebResponse>): WebResponse => ({ status: 200, url: URL_, headers: {}, text: '', ...patch });

const thrown = (run: () => unknown): HhError => {
  try {
    run();
  } catch (err) {
    return err as HhError;
  }
  throw new Error('expected an error');
};

describe('page state', () => {
  it('reads the HTML-escaped state hh.ru serves since mid-2026', () => {
    const state = extractPageState(fixture('escaped-search.html'), URL_);
    expect(state).toEqual(JSON.parse(fixture('search.older.json')));
  });

  it('reads raw (unescaped) JSON and leaves the entities inside its strings alone', () => {
    const value = { vacancyView: { description: '<p>Мы ищем &quot;сильного&quot; коллегу &amp; друга</p>', name: 'It\'s "quoted"' } };
    const state = extractPageState(template(JSON.stringify(value)), URL_);
    expect(state).toEqual(value);
  });

  it('unescapes once: text that itself held an entity keeps it', () => {
    const value = { text: "a &quot;b&quot; & <c> 'd' ё 😀" };
    expect(extractPageState(template(escape(JSON.stringify(value))), URL_)).toEqual(value);
    expect(unescapeHtml('&amp;quot; &#34; &#x22; &quot; &lt;&gt; &#39; &apos; &#128512; &nbsp;')).toBe('&quot; " " " <> \' \' 😀 &nbsp;');
  });

  it('finds the template among other attributes and quoting styles', () => {
    const value = { ok: true };
    expect(extractPageState(`<template data-a="1" id='HH-Lux-InitialState' class="x">${JSON.stringify(value)}</template>`, URL_)).toEqual(
      value,
    );
    expect(extractPageState(`<TEMPLATE id=HH-Lux-InitialState>\n  ${JSON.stringify(value)}\n</TEMPLATE>`, URL_)).toEqual(value);
  });

  it('a page without the template is a changed page naming the URL, never an empty state', () => {
    const err = thrown(() => extractPageState('<html><body><div id="HH-React-Root"></div></body></html>', URL_));
    expect(err).toBeInstanceOf(HhError);
    expect(err.code).toBe('hh_page_changed');
    expect(err.message).toContain('hh.ru changed its page');
    expect(err.message).toContain(URL_);
    expect(err.details).toMatchObject({ url: URL_ });
  });

  it('broken JSON (escaped or raw) and a non-object state are changed pages too', () => {
    for (const body of ['{&#34;vacancySearchResult&#34;: {&#34;vac', '{"a": ', '[1,2]', 'null', '']) {
      const err = thrown(() => extractPageState(template(body), URL_));
      expect(err.code).toBe('hh_page_changed');
      expect(err.details?.url).toBe(URL_);
    }
  });
});

describe('captcha and login detection', () => {
  it('a redirect to the login form means signing in again', () => {
    const err = blockedByRedirect(response({ status: 302, headers: { location: '/account/login?backurl=%2Fapplicant%2Fresumes' } }), URL_);
    expect(err?.code).toBe('hh_login_required');
    expect(err?.next).toEqual({ kind: 'sign_in' });
  });

  it('a redirect to a captcha page opens it, returning to the page asked for', () => {
    const err = blockedByRedirect(response({ status: 302, headers: { location: 'https://hh.ru/account/captcha?state=abc' } }), URL_);
    expect(err?.code).toBe('hh_captcha');
    expect(err?.next?.kind).toBe('open_captcha');
    const url = new URL(err!.next!.url!);
    expect(url.pathname).toBe('/account/captcha');
    expect(url.searchParams.get('backurl')).toBe(URL_);
  });

  it('a followed redirect is seen through the final URL', () => {
    expect(blockedByRedirect(response({ url: 'https://hh.ru/account/login?backurl=/' }), URL_)?.code).toBe('hh_login_required');
    expect(blockedByRedirect(response({ url: 'https://hh.ru/captcha/check' }), URL_)?.code).toBe('hh_captcha');
    expect(blockedByRedirect(response({ status: 301, headers: { location: '/search/vacancy/' } }), URL_)).toBeUndefined();
  });

  it('a captcha or login page served in place is recognised by its markers', () => {
    expect(
      blockedByContent(response({ text: '<form action="/account/captcha?backurl=/"><input name="captchaText"></form>' }), URL_)?.code,
    ).toBe('hh_captcha');
    expect(blockedByContent(response({ status: 403, text: '<title>DDoS-Guard</title>' }), URL_)?.code).toBe('hh_captcha');
    expect(blockedByContent(response({ text: '<form method="post" action="/account/login?backurl=/">' }), URL_)?.code).toBe(
      'hh_login_required',
    );
    expect(blockedByContent(response({ text: '<p>nothing special</p>' }), URL_)).toBeUndefined();
  });

  it('readPageState checks the redirect first, then the state, then the markers', () => {
    expect(readPageState(response({ text: template('{"a":1}') }), URL_)).toEqual({ a: 1 });
    expect(() => readPageState(response({ status: 302, headers: { location: '/account/login' }, text: '' }), URL_)).toThrow(
      expect.objectContaining({ code: 'hh_login_required' }),
    );
    expect(() => readPageState(response({ text: '<form data-qa="account-captcha"></form>' }), URL_)).toThrow(
      expect.objectContaining({ code: 'hh_captcha' }),
    );
    expect(() => readPageState(response({ text: '<p>redesign</p>' }), URL_)).toThrow(expect.objectContaining({ code: 'hh_page_changed' }));
  });
});

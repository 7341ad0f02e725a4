import { afterEach, describe, expect, it } from 'vitest';
import { extractPageState } from '../../../../main/core/hh/website/page-state';
import { startFakeHhSite, type FakeHhSite } from '../../../fakes/hh-site/server';

/** The fake itself: it must refuse what hh.ru refuses, or the transport's tests prove nothing. */
let site: FakeHhSite | undefined;
afterEach(async () => {
  await site?.close();
  site = undefined;
});

const cookieHeader = async (s: FakeHhSite) => {
  const { readFile } = await import('node:fs/promises');
  const text = await readFile(await s.cookiesTxt(), 'utf8');
  const pairs = text
    .split('\n')
    .filter((line) => line && (!line.startsWith('#') || line.startsWith('#HttpOnly_')) && !line.includes('example.com'))
    .map((line) => line.split('\t'))
    .map((f) => [f[5]!, f[6]!] as const);
  return { header: pairs.map(([n, v]) => `${n}=${v}`).join('; '), xsrf: pairs.find(([n]) => n === '_xsrf')![1] };
};

describe('fake hh.ru website', () => {
  it('redirects anonymous visitors of applicant pages to the login form and gives them an _xsrf', async () => {
    site = await startFakeHhSite();
    const response = await fetch(`${site.url}/applicant/negotiations`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/account/login?backurl=%2Fapplicant%2Fnegotiations');
    expect(response.headers.getSetCookie().join()).toMatch(/^_xsrf=\w+; Path=\//);
  });

  it('serves the page state escaped or raw', async () => {
    site = await startFakeHhSite({ escapeState: true });
    const escaped = await (await fetch(`${site.url}/vacancy/${site.vacancies()[0]!.id}`)).text();
    expect(escaped).toContain('{&#34;userType&#34;');
    site.setEscapeState(false);
    const raw = await (await fetch(`${site.url}/vacancy/${site.vacancies()[0]!.id}`)).text();
    expect(raw).toContain('{"userType"');
    expect(extractPageState(escaped, 'x')).toEqual(extractPageState(raw, 'x'));
  });

  it('refuses a write without the header, the field, X-Requested-With or the Referer', async () => {
    site = await startFakeHhSite();
    const { header, xsrf } = await cookieHeader(site);
    const vacancyId = site.addVacancy({ hasTest: false }).id;
    const hash = site.user.resumes[0]!.hash;
    const good = {
      cookie: header,
      'x-xsrftoken': xsrf,
      'x-requested-with': 'XMLHttpRequest',
      referer: `${site.url}/vacancy/${vacancyId}`,
      'content-type': 'application/x-www-form-urlencoded',
    };
    const body = (fields: Record<string, string>) =>
      new URLSearchParams({ vacancy_id: vacancyId, resume_hash: hash, letter: '', ...fields }).toString();
    const post = (headers: Record<string, string>, fields: Record<string, string>) =>
      fetch(`${site!.url}/applicant/vacancy_response/popup`, { method: 'POST', headers, body: body(fields), redirect: 'manual' });
    const { 'x-xsrftoken': _h, ...noHeader } = good;
    const { 'x-requested-with': _x, ...noXhr } = good;
    const { referer: _r, ...noReferer } = good;
    for (const [headers, fields] of [
      [noHeader, { _xsrf: xsrf }],
      [good, {}],
      [good, { _xsrf: 'forged' }],
      [noXhr, { _xsrf: xsrf }],
      [noReferer, { _xsrf: xsrf }],
    ] as const) {
      const response = await post(headers, fields);
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({ errorPage: { code: 403, xsrfError: true } });
    }
    expect(site.csrfFailures.map((f) => f.reason)).toEqual(['header', 'field', 'field', 'x-requested-with', 'referer']);
    expect(site.applications).toHaveLength(0);
    const ok = await post(good, { _xsrf: xsrf });
    expect(await ok.json()).toMatchObject({ success: 'true' });
  });

  it('the chat server checks the token header and deduplicates by idempotency key', async () => {
    site = await startFakeHhSite();
    const { header, xsrf } = await cookieHeader(site);
    const vacancyId = site.addVacancy({ hasTest: false }).id;
    const headers = {
      cookie: header,
      'x-xsrftoken': xsrf,
      'x-requested-with': 'XMLHttpRequest',
      referer: `${site.url}/vacancy/${vacancyId}`,
      'content-type': 'application/x-www-form-urlencoded',
    };
    await fetch(`${site.url}/applicant/vacancy_response/popup`, {
      method: 'POST',
      headers,
      body: new URLSearchParams({ _xsrf: xsrf, vacancy_id: vacancyId, resume_hash: site.user.resumes[0]!.hash, letter: 'Hi' }).toString(),
    });
    const chatId = site.topics()[0]!.chatId;
    const send = (h: Record<string, string>) =>
      fetch(`${site!.url}/chatik/api/send`, {
        method: 'POST',
        headers: { ...h, 'content-type': 'application/json' },
        body: JSON.stringify({ chatId: Number(chatId), text: 'Да', idempotencyKey: 'k1' }),
      });
    const { 'x-xsrftoken': _h, ...noToken } = headers;
    expect((await send(noToken)).status).toBe(403);
    expect((await send(headers)).status).toBe(200);
    expect(await (await send(headers)).json()).toMatchObject({ duplicate: true });
    expect(site.sentMessages).toHaveLength(1);
    expect(site.sendAttempts).toHaveLength(2);
  });
});

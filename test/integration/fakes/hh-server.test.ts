import { request as httpRequest } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API_ROUTES, hhErrors, startFakeHh, type FakeHh, type FakeHhOptions, type TokenPair } from '../../fakes/hh/server';
import { validateResponse } from '../../support/openapi/validator';
import { settled } from '../../support/wait';

const UA = { 'HH-User-Agent': 'AIAutoApplier/1.0 (dev@example.com)' };
const MINUTE = 60_000;
const DAY = 86_400_000;

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- response bodies are read freely in assertions
}

let fake: FakeHh;
let fakeOptions: FakeHhOptions = {};

beforeEach(async () => {
  fake = await startFakeHh(fakeOptions);
});
afterEach(async () => {
  await fake.close();
  fakeOptions = {};
});

async function call(
  method: string,
  path: string,
  init: { token?: string; body?: BodyInit; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...UA, ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}), ...init.headers };
  const res = await fetch(`${fake.apiUrl}${path}`, { method, headers, body: init.body, redirect: 'manual' });
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields);
const multipart = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
};

/** Every JSON answer of the fake's own tests must fit the spec's response schema. */
function expectSpecShape(method: string, path: string, answer: Answer) {
  const problems = validateResponse(fake.spec, { method, url: `${fake.apiUrl}${path}`, status: answer.status, body: answer.json });
  expect(problems, `${method} ${path} ${answer.status}`).toEqual([]);
}

function authorizeUrl(params: Record<string, string> = {}) {
  const url = new URL('/oauth/authorize', fake.oauthUrl);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: fake.client.clientId,
    state: 'st4te',
    redirect_uri: fake.client.redirectUri,
    ...params,
  }).toString();
  return url.toString();
}

async function exchange(code: string, overrides: Record<string, string> = {}) {
  return call('POST', '/token', {
    body: form({
      grant_type: 'authorization_code',
      client_id: fake.client.clientId,
      client_secret: fake.client.clientSecret,
      redirect_uri: fake.client.redirectUri,
      code,
      ...overrides,
    }),
  });
}

async function signedInToken(): Promise<{ token: TokenPair; resumeId: string }> {
  fake.signIn();
  const token = fake.issueUserToken();
  const mine = await call('GET', '/resumes/mine', { token: token.access_token });
  return { token, resumeId: mine.json.items[0].id };
}

describe('OAuth: authorize -> code -> token', () => {
  it('shows login and consent, redirects with code and state, and the code buys a token pair once', async () => {
    const outcome = await fake.completeAuthorization(authorizeUrl(), { login: { email: 'anna@example.com' } });
    expect(outcome.pages).toEqual(['login', 'consent']);
    expect(outcome.location.startsWith(`${fake.client.redirectUri}?code=`)).toBe(true);
    expect(outcome.state).toBe('st4te');

    const tokens = await exchange(outcome.code!);
    expect(tokens.status).toBe(200);
    expect(tokens.json).toEqual({
      access_token: expect.any(String),
      token_type: 'bearer',
      expires_in: 1_209_600,
      refresh_token: expect.any(String),
    });
    expectSpecShape('POST', '/token', tokens);
    const me = await call('GET', '/me', { token: tokens.json.access_token });
    expect(me.json).toMatchObject({ auth_type: 'applicant', email: 'anna@example.com' });
    expectSpecShape('GET', '/me', me);

    const again = await exchange(outcome.code!);
    expect([again.status, again.json]).toEqual([400, { error: 'invalid_grant', error_description: 'code has already been used' }]);
    expect(fake.violations).toEqual([]);
  });

  it('refuses an expired or unknown code, a wrong redirect_uri and a wrong client secret', async () => {
    fake.signIn({}, { consented: true });
    const first = await fake.completeAuthorization(authorizeUrl({ skip_choose_account: 'true' }));
    expect(first.pages).toEqual([]);
    fake.advanceClock(11 * MINUTE);
    expect((await exchange(first.code!)).json).toEqual({ error: 'invalid_grant', error_description: 'code expired' });

    const second = await fake.completeAuthorization(authorizeUrl({ skip_choose_account: 'true' }));
    expect((await exchange(second.code!, { redirect_uri: 'http://localhost:8080/elsewhere' })).json).toEqual({
      error: 'invalid_request',
      error_description: 'bad redirect url',
    });
    expect((await exchange(second.code!, { client_secret: 'wrong' })).json).toEqual({
      error: 'invalid_client',
      error_description: 'client_id or client_secret not found',
    });
    expect((await exchange('NOPE')).json).toEqual({ error: 'invalid_request', error_description: 'code not found' });
    expect((await exchange(second.code!)).status).toBe(200);
  });

  it('redirects with error=access_denied when the user refuses', async () => {
    fake.signIn();
    const outcome = await fake.completeAuthorization(authorizeUrl(), { decision: 'deny' });
    expect(outcome.pages).toEqual(['consent']);
    expect(outcome.location).toBe(`${fake.client.redirectUri}?error=access_denied&state=st4te`);
  });

  it('honours skip_choose_account and force_login for a user who already consented', async () => {
    fake.signIn({ userId: '777', name: 'Анна Смирнова', email: 'anna@example.com' }, { consented: true });
    expect((await fake.completeAuthorization(authorizeUrl())).pages).toEqual(['choose-account']);
    expect((await fake.completeAuthorization(authorizeUrl({ skip_choose_account: 'true' }))).pages).toEqual([]);

    const page = await fetch(authorizeUrl({ force_login: 'true' }));
    const html = await page.text();
    expect(html).toContain('data-page="login"');
    expect(html).toContain('data-flag="force_login"');
    expect(html).toContain('<form method="post" action="/oauth/authorize">');

    const switched = await fake.completeAuthorization(authorizeUrl({ force_login: 'true' }), { login: { email: 'boris@example.com' } });
    expect(switched.pages).toEqual(['login', 'consent']);
    const me = await call('GET', '/me', { token: (await exchange(switched.code!)).json.access_token });
    expect(me.json.email).toBe('boris@example.com');
  });

  it('shows an error page for an unknown client or a redirect_uri the application did not register', async () => {
    const unknown = await fetch(authorizeUrl({ client_id: 'nope' }), { redirect: 'manual' });
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain('data-page="error"');
    const foreign = await fetch(authorizeUrl({ redirect_uri: 'http://evil.example.com/hh/callback' }), { redirect: 'manual' });
    expect(foreign.status).toBe(400);
    // A longer path and extra query are allowed by hh.ru's rules.
    fake.signIn({}, { consented: true });
    const longer = await fake.completeAuthorization(
      authorizeUrl({ redirect_uri: `${fake.client.redirectUri}/sub?lang=RU`, skip_choose_account: 'true' }),
    );
    expect(longer.location.startsWith(`${fake.client.redirectUri}/sub?lang=RU&code=`)).toBe(true);
  });
});

describe('OAuth: refresh, revoke, application tokens', () => {
  it('a refresh token works once and only after the access token expired', async () => {
    const { token } = await signedInToken();
    const refresh = () => call('POST', '/token', { body: form({ grant_type: 'refresh_token', refresh_token: token.refresh_token }) });

    expect((await refresh()).json).toEqual({ error: 'invalid_grant', error_description: 'token not expired' });
    fake.expireAccessToken();
    expect((await call('GET', '/me', { token: token.access_token })).json.errors).toEqual([{ type: 'oauth', value: 'token_expired' }]);

    const fresh = await refresh();
    expect(fresh.status).toBe(200);
    expect(fresh.json.access_token).not.toBe(token.access_token);
    expect((await call('GET', '/me', { token: fresh.json.access_token })).status).toBe(200);
    expect((await refresh()).json).toEqual({ error: 'invalid_grant', error_description: 'token has already been refreshed' });
    expect(fake.tokens.map((t) => t.status)).toEqual(['refreshed', 'active']);

    expect((await call('POST', '/token', { body: form({ grant_type: 'refresh_token', refresh_token: 'UNKNOWN' }) })).json).toEqual({
      error: 'invalid_request',
      error_description: 'token not found',
    });
  });

  it('DELETE /oauth/token revokes the pair; a password change deactivates it', async () => {
    const { token } = await signedInToken();
    expect((await call('DELETE', '/oauth/token', { token: token.access_token })).status).toBe(204);
    const after = await call('GET', '/me', { token: token.access_token });
    expect([after.status, after.json.errors]).toEqual([403, [{ type: 'oauth', value: 'token_revoked' }]]);
    fake.setClock(fake.now() + 15 * DAY);
    expect(
      (await call('POST', '/token', { body: form({ grant_type: 'refresh_token', refresh_token: token.refresh_token }) })).json
        .error_description,
    ).toBe('token was revoked');

    const other = fake.issueUserToken('12345678');
    fake.deactivateTokens('12345678');
    fake.expireAccessToken(other.access_token);
    expect(
      (await call('POST', '/token', { body: form({ grant_type: 'refresh_token', refresh_token: other.refresh_token }) })).json
        .error_description,
    ).toBe('token deactivated');
  });

  it('client_credentials: an application token, again only after 5 minutes, revoking the previous one', async () => {
    const ask = () =>
      call('POST', '/token', {
        body: form({ grant_type: 'client_credentials', client_id: fake.client.clientId, client_secret: fake.client.clientSecret }),
      });
    const first = await ask();
    expect(first.json).toEqual({ access_token: expect.any(String), token_type: 'bearer' });
    expect(fake.applicationToken).toBe(first.json.access_token);
    const early = await ask();
    expect([early.status, early.json]).toEqual([403, { error: 'forbidden', error_description: 'app token refresh too early' }]);

    const app = first.json.access_token as string;
    expect((await call('GET', '/me', { token: app })).json).toMatchObject({ auth_type: 'application', is_application: true });
    expect((await call('GET', '/vacancies?per_page=1', { token: app })).status).toBe(200);
    expect((await call('GET', '/resumes/mine', { token: app })).json.errors).toEqual([{ type: 'oauth', value: 'user_auth_expected' }]);

    fake.advanceClock(5 * MINUTE);
    const second = await ask();
    expect(second.status).toBe(200);
    expect((await call('GET', '/me', { token: app })).json.errors).toEqual([{ type: 'oauth', value: 'token_revoked' }]);
  });

  it('API calls without a valid token or user agent', async () => {
    expect((await call('GET', '/me')).json.errors).toEqual([{ type: 'oauth', value: 'bad_authorization' }]);
    expect((await call('GET', '/vacancies', { token: 'garbage' })).json.errors).toEqual([{ type: 'oauth', value: 'bad_authorization' }]);
    const res = await fetch(`${fake.apiUrl}/vacancies`, { headers: { 'user-agent': '' } });
    expect([res.status, ((await res.json()) as { errors: unknown }).errors]).toEqual([400, [{ type: 'bad_user_agent', value: 'unset' }]]);
    expect(fake.violations).toHaveLength(1);
    expect(fake.violations[0]!.problems[0]).toContain('neither HH-User-Agent nor User-Agent');
  });
});

describe('vacancy search', () => {
  it('pages the generated vacancies and stops at a depth of 2000', async () => {
    fake.setSearch({ found: 5000 });
    const { token } = await signedInToken();
    const first = await call('GET', '/vacancies?per_page=100', { token: token.access_token });
    expect(first.json).toMatchObject({ found: 5000, pages: 20, page: 0, per_page: 100 });
    expect(first.json.items).toHaveLength(100);
    expectSpecShape('GET', '/vacancies?per_page=100', first);
    expect((await call('GET', '/vacancies?per_page=100&page=19', { token: token.access_token })).json.items).toHaveLength(100);
    const deep = await call('GET', '/vacancies?per_page=100&page=20', { token: token.access_token });
    expect([deep.status, deep.json.errors]).toEqual([400, [{ type: 'bad_argument', value: 'page' }]]);
    expect((await call('GET', '/vacancies?per_page=50&page=40', { token: token.access_token })).status).toBe(400);
    expect(fake.violations).toEqual([]);
  });

  it('lets a client split a wide search by area and by date so every part stays under 2000', async () => {
    fake.setSearch({ found: 5000, spanDays: 30 });
    const app = fake.issueApplicationToken();
    const byArea = await Promise.all(
      ['1', '2', '3', '4', '88'].map((area) => call('GET', `/vacancies?area=${area}&per_page=1`, { token: app })),
    );
    expect(byArea.map((a) => a.json.found)).toEqual([1000, 1000, 1000, 1000, 1000]);
    expect((await call('GET', '/vacancies?area=1&area=2&per_page=1', { token: app })).json.found).toBe(2000);

    const end = fake.now();
    const parts = [];
    for (let from = end - 30 * DAY; from < end; from += 10 * DAY) {
      const q = new URLSearchParams({
        date_from: new Date(from).toISOString().slice(0, 19) + 'Z',
        date_to: new Date(from + 10 * DAY - 1000).toISOString().slice(0, 19) + 'Z',
        per_page: '1',
      });
      parts.push((await call('GET', `/vacancies?${q}`, { token: app })).json.found as number);
    }
    expect(parts.every((n) => n < 2000)).toBe(true);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(5000);
    expect((await call('GET', '/vacancies?period=3&date_from=2026-03-01', { token: app })).json.errors).toEqual([
      { type: 'bad_argument', value: 'period' },
    ]);
  });

  it('filters by text and hides blacklisted vacancies and employers', async () => {
    const { token } = await signedInToken();
    const react = await call('GET', '/vacancies?text=react&per_page=100', { token: token.access_token });
    expect(react.json.found).toBe(15);
    expect(react.json.items.every((v: { name: string }) => v.name.includes('React'))).toBe(true);
    const victim = react.json.items[0];
    expect((await call('PUT', `/vacancies/blacklisted/${victim.id}`, { token: token.access_token })).status).toBe(204);
    expect((await call('PUT', `/employers/blacklisted/${react.json.items[1].employer.id}`, { token: token.access_token })).status).toBe(
      204,
    );
    const after = await call('GET', '/vacancies?text=react&per_page=100', { token: token.access_token });
    expect(after.json.found).toBeLessThan(14);
    expect(after.json.items.some((v: { id: string }) => v.id === victim.id)).toBe(false);
    expect((await call('GET', `/vacancies/${victim.id}`, { token: token.access_token })).json.relations).toEqual(['blacklisted']);
  });

  it('asks an anonymous client for a captcha after its first search, until it is solved on the website', async () => {
    expect((await call('GET', '/vacancies')).status).toBe(200);
    const second = await call('GET', '/vacancies');
    expect(second.status).toBe(403);
    const error = second.json.errors[0];
    expect(error).toMatchObject({ type: 'captcha_required', value: 'captcha_required' });
    expectSpecShape('GET', '/vacancies', second);
    const captcha = new URL(error.captcha_url);
    expect(captcha.origin).toBe(fake.oauthUrl);
    captcha.searchParams.set('backurl', 'https://app.example.com/back');
    expect(await (await fetch(captcha)).text()).toContain('data-page="captcha"');
    const solved = await fetch(new URL('/account/captcha', fake.oauthUrl), {
      method: 'POST',
      redirect: 'manual',
      body: form({ state: captcha.searchParams.get('state')!, backurl: 'https://app.example.com/back' }),
    });
    expect([solved.status, solved.headers.get('location')]).toEqual([302, 'https://app.example.com/back']);
    expect((await call('GET', '/vacancies')).status).toBe(200);
  });
});

describe('vacancy details and applying', () => {
  it('shows has_test, response_letter_required, archived, direct type and relations', async () => {
    const { token, resumeId } = await signedInToken();
    const test = fake.addVacancy({ hasTest: true, testRequired: true, letterRequired: true });
    const direct = fake.addVacancy({ type: 'direct', responseUrl: 'https://career.example.com/jobs/1' });
    const details = await call('GET', `/vacancies/${test.id}`, { token: token.access_token });
    expect(details.json).toMatchObject({
      id: test.id,
      has_test: true,
      test: { required: true },
      response_letter_required: true,
      archived: false,
      relations: [],
    });
    expectSpecShape('GET', `/vacancies/${test.id}`, details);
    expect((await call('GET', `/vacancies/${direct.id}`)).json).toMatchObject({
      type: { id: 'direct' },
      response_url: 'https://career.example.com/jobs/1',
    });

    const open = fake.addVacancy();
    expect(
      (await call('POST', '/negotiations', { token: token.access_token, body: multipart({ vacancy_id: open.id, resume_id: resumeId }) }))
        .status,
    ).toBe(201);
    expect((await call('GET', `/vacancies/${open.id}`, { token: token.access_token })).json.relations).toEqual(['got_response']);
    fake.updateVacancy(open.id, { archived: true });
    expect((await call('GET', `/vacancies/${open.id}`, { token: token.access_token })).json.archived).toBe(true);
    expect((await call('GET', '/vacancies/1')).status).toBe(404);
  });

  it('applies with multipart: 201 with Location and an empty body without Content-Length', async () => {
    const { token, resumeId } = await signedInToken();
    const vacancy = fake.addVacancy();
    const { body, contentType } = await (async () => {
      const r = new Request('http://x/', {
        method: 'POST',
        body: multipart({ vacancy_id: vacancy.id, resume_id: resumeId, message: 'Здравствуйте!' }),
      });
      return { body: Buffer.from(await r.arrayBuffer()), contentType: r.headers.get('content-type')! };
    })();
    const raw = await new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
      const req = httpRequest(
        `${fake.apiUrl}/negotiations`,
        { method: 'POST', headers: { ...UA, authorization: `Bearer ${token.access_token}`, 'content-type': contentType } },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: text }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
    expect(raw.status).toBe(201);
    expect(raw.headers.location).toMatch(/^\/negotiations\/\d+$/);
    expect(raw.headers['content-length']).toBeUndefined();
    expect(raw.body).toBe('');

    const twice = await call('POST', '/negotiations', {
      token: token.access_token,
      body: multipart({ vacancy_id: vacancy.id, resume_id: resumeId }),
    });
    expect([twice.status, twice.json.errors]).toEqual([403, [{ type: 'negotiations', value: 'already_applied' }]]);
    expectSpecShape('POST', '/negotiations', twice);
  });

  it('answers 303 for direct vacancies and the 400/403 errors of API-NOTES', async () => {
    const { token, resumeId } = await signedInToken();
    const apply = (vacancyId: string, extra: Record<string, string> = {}) =>
      call('POST', '/negotiations', {
        token: token.access_token,
        body: multipart({ vacancy_id: vacancyId, resume_id: resumeId, ...extra }),
      });
    const error = (answer: Answer) => [answer.status, answer.json?.errors?.[0]?.value];

    const direct = await apply(fake.addVacancy({ type: 'direct', responseUrl: 'https://career.example.com/jobs/9' }).id);
    expect([direct.status, direct.headers.get('location')]).toEqual([303, 'https://career.example.com/jobs/9']);
    expect(error(await apply(fake.addVacancy({ hasTest: true, testRequired: true }).id))).toEqual([403, 'test_required']);
    expect(error(await apply(fake.addVacancy({ letterRequired: true }).id))).toEqual([400, 'message']);
    expect(error(await apply(fake.addVacancy({ archived: true }).id))).toEqual([403, 'invalid_vacancy']);
    expect(error(await apply(fake.addVacancy({ applicationDenied: true }).id))).toEqual([403, 'application_denied']);
    expect(error(await apply(fake.addVacancy().id, { message: 'x'.repeat(10_001) }))).toEqual([403, 'too_long_message']);
    expect(error(await apply('999999999'))).toEqual([400, 'vacancy_not_found']);
    expect(
      error(
        await call('POST', '/negotiations', {
          token: token.access_token,
          body: multipart({ vacancy_id: fake.addVacancy().id, resume_id: 'not-mine' }),
        }),
      ),
    ).toEqual([400, 'resume_not_found']);
    expect(fake.violations).toEqual([]);
  });

  it('stops at the daily limit per resume, for 24 hours', async () => {
    fakeOptions = {};
    await fake.close();
    fake = await startFakeHh({ applyLimitPerDay: 2 });
    const { token, resumeId } = await signedInToken();
    const apply = () =>
      call('POST', '/negotiations', {
        token: token.access_token,
        body: multipart({ vacancy_id: fake.addVacancy().id, resume_id: resumeId }),
      });
    expect([(await apply()).status, (await apply()).status]).toEqual([201, 201]);
    const third = await apply();
    expect([third.status, third.json.errors]).toEqual([400, [{ type: 'negotiations', value: 'limit_exceeded' }]]);
    fake.advanceClock(DAY);
    expect((await apply()).status).toBe(201);
  });

  it('lists negotiations, shows messages and sends them until the in-a-row limit', async () => {
    const { token, resumeId } = await signedInToken();
    const vacancy = fake.addVacancy();
    const created = await call('POST', '/negotiations', {
      token: token.access_token,
      body: multipart({ vacancy_id: vacancy.id, resume_id: resumeId, message: 'Письмо' }),
    });
    const nid = created.headers.get('location')!.split('/').pop()!;

    fake.employerReply(nid, { state: 'invitation', text: 'Приходите на собеседование' });
    const list = await call('GET', '/negotiations?status=active&has_updates=true', { token: token.access_token });
    expect(list.json.items).toHaveLength(1);
    expect(list.json.items[0]).toMatchObject({ id: nid, state: { id: 'invitation' }, has_updates: true, vacancy: { id: vacancy.id } });
    expectSpecShape('GET', '/negotiations', list);

    const messages = await call('GET', `/negotiations/${nid}/messages`, { token: token.access_token });
    expect(messages.json.items.map((m: { text: string }) => m.text)).toEqual(['Письмо', 'Приходите на собеседование']);
    expectSpecShape('GET', `/negotiations/${nid}/messages`, messages);
    expect((await call('GET', '/negotiations?has_updates=true', { token: token.access_token })).json.found).toBe(0);

    const send = (text: string) =>
      call('POST', `/negotiations/${nid}/messages`, { token: token.access_token, body: form({ message: text }) });
    const sent = await send('Спасибо, приду');
    expect([sent.status, sent.json.text]).toEqual([201, 'Спасибо, приду']);
    expectSpecShape('POST', `/negotiations/${nid}/messages`, sent);
    for (let i = 0; i < 4; i += 1) expect((await send(`ещё ${i}`)).status).toBe(201);
    expect((await send('и ещё')).json.errors).toEqual([{ type: 'negotiations', value: 'in_a_row_limit' }]);
    expect((await call('GET', '/negotiations/1/messages', { token: token.access_token })).status).toBe(404);
  });
});

describe('resumes and publishing', () => {
  it('raises a resume, then 429 touch_limit_exceeded until next_publish_at', async () => {
    const { token, resumeId } = await signedInToken();
    const publish = () => call('POST', `/resumes/${resumeId}/publish`, { token: token.access_token });
    expect((await publish()).status).toBe(204);
    const early = await publish();
    expect([early.status, early.json.errors]).toEqual([429, [{ type: 'resumes', value: 'touch_limit_exceeded' }]]);
    const mine = await call('GET', '/resumes/mine', { token: token.access_token });
    expect(mine.json.items[0]).toMatchObject({ id: resumeId, status: { id: 'published' }, can_publish_or_update: false });
    fake.advanceClock(4 * 3_600_000);
    expect((await publish()).status).toBe(204);
    expect((await call('POST', '/resumes/unknown/publish', { token: token.access_token })).status).toBe(404);
  });
});

describe('programmable failures', () => {
  it('failNext by route or predicate, a number of times, then back to normal', async () => {
    const app = fake.issueApplicationToken();
    fake.failNext('GET /vacancies', fake.errors.captchaRequired(), 2);
    fake.failNext((req) => req.path.startsWith('/vacancies/'), hhErrors.serverError());
    const captcha = await call('GET', '/vacancies', { token: app });
    expect(captcha.json.errors[0]).toMatchObject({ type: 'captcha_required', captcha_url: expect.stringContaining(fake.oauthUrl) });
    expect(captcha.json.request_id).toEqual(expect.any(String));
    expect((await call('GET', '/vacancies', { token: app })).status).toBe(403);
    expect((await call('GET', '/vacancies', { token: app })).status).toBe(200);
    const gateway = await call('GET', '/vacancies/120000001', { token: app });
    expect([gateway.status, gateway.headers.get('content-type'), gateway.json]).toEqual([502, 'text/html', undefined]);
    expect((await call('GET', '/vacancies/120000001', { token: app })).status).toBe(200);
  });

  it('malformed JSON, delays, hangs and connection resets', async () => {
    const app = fake.issueApplicationToken();
    fake.failNext('GET /dictionaries', hhErrors.malformedJson());
    const broken = await call('GET', '/dictionaries', { token: app });
    expect(broken.status).toBe(200);
    expect(() => JSON.parse(broken.text)).toThrow();

    fake.failNext('GET /areas', { ...hhErrors.tooManyRequests(), delayMs: 60 });
    const started = Date.now();
    expect((await call('GET', '/areas')).status).toBe(429);
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);

    fake.failNext('GET /areas', 'hang');
    await expect(fetch(`${fake.apiUrl}/areas`, { headers: UA, signal: AbortSignal.timeout(60) })).rejects.toThrow();
    fake.failNext('GET /areas', 'reset');
    await expect(fetch(`${fake.apiUrl}/areas`, { headers: UA })).rejects.toThrow();
    expect(fake.counts['GET /areas']).toBe(3);
  });

  it('holdNext: the request takes effect and its answer waits for release(); a hold that caught nothing is withdrawn', async () => {
    const { token, resumeId } = await signedInToken();
    const [first, second] = [fake.addVacancy(), fake.addVacancy()];
    const apply = (vacancyId: string) =>
      call('POST', '/negotiations', { token: token.access_token, body: multipart({ vacancy_id: vacancyId, resume_id: resumeId }) });
    const held = fake.holdNext('POST /negotiations');
    const answer = apply(first.id);
    expect((await held.arrived).route).toBe('POST /negotiations');
    // hh.ru has the response; the client has no answer yet.
    expect(fake.negotiations().map((n) => n.vacancyId)).toEqual([first.id]);
    await held.release();
    expect((await answer).status).toBe(201);
    // It held only that one.
    expect((await apply(second.id)).status).toBe(201);
    await fake.holdNext('GET /areas').release();
    expect((await call('GET', '/areas')).status).toBe(200);
  });

  it('quiet() waits until no client is connected; the answer held for a client that went away is dropped', async () => {
    const held = fake.holdNext('GET /areas');
    // Its own connection, closed with the request (fetch would keep one open for reuse).
    const req = httpRequest(`${fake.apiUrl}/areas`, { headers: UA, agent: false });
    req.on('error', () => {});
    req.end();
    await held.arrived;
    let quiet = false;
    const waiting = fake.quiet().then(() => (quiet = true));
    await settled();
    expect(quiet).toBe(false);
    req.destroy();
    await waiting;
    await held.release();
    expect(fake.counts['GET /areas']).toBe(1);
  });

  it('closeApplicantApi: applicant methods answer 403 forbidden, vacancy search still works', async () => {
    const { token, resumeId } = await signedInToken();
    fake.closeApplicantApi();
    const closed = await call('GET', '/resumes/mine', { token: token.access_token });
    expect([closed.status, closed.json.errors]).toEqual([403, [{ type: 'forbidden' }]]);
    expectSpecShape('GET', '/resumes/mine', closed);
    expect(
      (
        await call('POST', '/negotiations', {
          token: token.access_token,
          body: multipart({ vacancy_id: '120000001', resume_id: resumeId }),
        })
      ).status,
    ).toBe(403);
    expect((await call('GET', '/vacancies?per_page=1', { token: token.access_token })).status).toBe(200);
    expect((await call('GET', '/me', { token: token.access_token })).status).toBe(200);
    fake.openApplicantApi();
    expect((await call('GET', '/resumes/mine', { token: token.access_token })).status).toBe(200);
  });
});

describe('spec checking and recording', () => {
  it('answers a request the spec does not allow with fake_spec_violation and records it', async () => {
    const { token, resumeId } = await signedInToken();
    const json = await call('POST', '/negotiations', {
      token: token.access_token,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ vacancy_id: '120000001', resume_id: resumeId }),
    });
    expect(json.status).toBe(400);
    expect(json.json.errors[0]).toMatchObject({
      type: 'fake_spec_violation',
      value: [expect.stringContaining('media type application/json is not allowed')],
    });
    const unknown = await call('GET', '/vacancies?fields=all', { token: token.access_token });
    expect(unknown.json.errors[0].value).toEqual([expect.stringContaining('unknown parameter "fields"')]);
    expect(fake.violations.map((v) => v.route)).toEqual(['POST /negotiations', 'GET /vacancies']);
    expect(fake.negotiations()).toEqual([]);

    const last = fake.requests.at(-1)!;
    expect(last).toMatchObject({ server: 'api', method: 'GET', route: 'GET /vacancies', path: '/vacancies' });
    expect(last.headers['hh-user-agent']).toBe(UA['HH-User-Agent']);
    expect(fake.requests.find((r) => r.route === 'POST /negotiations')!.body.toString()).toContain('vacancy_id');
    expect(fake.counts).toMatchObject({ 'GET /resumes/mine': 1, 'POST /negotiations': 1, 'GET /vacancies': 1 });
    fake.clearRecords();
    expect([fake.requests, fake.violations, fake.counts]).toEqual([[], [], {}]);
  });

  it('lets everything through with validate: false; unknown paths are 404, unimplemented spec routes 501', async () => {
    await fake.close();
    fake = await startFakeHh({ validate: false });
    const app = fake.issueApplicationToken();
    expect((await call('GET', '/vacancies?fields=all', { token: app })).status).toBe(200);
    expect(fake.violations).toEqual([]);
    expect((await call('GET', '/nowhere')).status).toBe(404);
    expect((await call('GET', '/employers/1455', { token: app })).json.errors).toEqual([
      { type: 'fake_not_implemented', value: 'GET /employers/{employer_id}' },
    ]);
  });

  it('every implemented route exists in the spec (or is the token address)', () => {
    for (const route of API_ROUTES) {
      const [method, template] = route.split(' ') as [string, string];
      if (template === '/token') continue;
      expect(fake.spec.doc.paths[template]?.[method.toLowerCase() as 'get'], route).toBeDefined();
    }
  });

  it('dictionaries and areas come from the spec', async () => {
    const dictionaries = await call('GET', '/dictionaries');
    expect(dictionaries.json.vacancy_relation.map((r: { id: string }) => r.id)).toContain('got_response');
    expectSpecShape('GET', '/dictionaries', dictionaries);
    const areas = await call('GET', '/areas');
    expect(areas.json[0]).toMatchObject({ id: '113', name: 'Россия' });
    expectSpecShape('GET', '/areas', areas);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { searchFiltersSchema } from '../../../shared/domain';
import { HhError } from '../../../main/core/hh/errors';
import { hhErrors } from '../../fakes/hh/server';
import { signInThroughOAuth, startHhWorld, type HhWorld } from '../../support/hh';

let world: HhWorld | undefined;
afterEach(async () => {
  // Every request the app sent was one hh.ru's own specification allows.
  expect(world?.fake.violations ?? []).toEqual([]);
  await world?.close();
  world = undefined;
});

const refreshes = (w: HhWorld) =>
  w.fake.requests.filter((r) => r.route === 'POST /token' && String(r.body).includes('grant_type=refresh_token')).length;
const audit = async (w: HhWorld) =>
  (await w.app.core.repositories.auditLog.list({ limit: 100, offset: 0 })).items.map((e) => `${e.action}:${e.outcome}`);

describe("signing in with the user's own dev.hh.ru application", () => {
  it('exchanges the code, stores the tokens sealed, shows the account and resumes, and audits it', async () => {
    world = await startHhWorld();
    const status = await signInThroughOAuth(world);
    expect(status).toMatchObject({
      signedIn: true,
      via: 'api',
      account: { firstName: 'Анна', lastName: 'Иванова', email: 'anna@example.ru' },
    });
    expect(status.resumes.length).toBeGreaterThan(0);
    const stored = await world.app.core.repositories.apiTokens.get('hh');
    expect(stored?.accessTokenSealed).toMatch(/^gcm1:/);
    expect(await world.app.core.repositories.resumes.list()).toHaveLength(status.resumes.length);
    expect(await audit(world)).toEqual(expect.arrayContaining(['hh.token.obtain:ok', 'hh.me.read:ok', 'hh.resumes.read:ok']));
    const tokenRequest = world.fake.requests.find((r) => r.route === 'POST /token')!;
    expect(tokenRequest.headers['content-type']).toContain('application/x-www-form-urlencoded');
    expect(tokenRequest.headers['hh-user-agent']).toMatch(/^AIAutoApplier\/[\w.-]+ \(.+@.+\)$/);
  });

  it('"Switch account" forces the login form and "Continue as" skips the chooser', async () => {
    world = await startHhWorld();
    const switching = await world.app.core.invoke('hh.signIn', { mode: 'switch' });
    const continuing = await world.app.core.invoke('hh.signIn', { mode: 'continue' });
    expect(new URL((switching as { value: { authorizeUrl: string } }).value.authorizeUrl).searchParams.get('force_login')).toBe('true');
    expect(new URL((continuing as { value: { authorizeUrl: string } }).value.authorizeUrl).searchParams.get('skip_choose_account')).toBe(
      'true',
    );
  });

  it('signing out revokes the token on hh.ru and forgets everything', async () => {
    world = await startHhWorld();
    await signInThroughOAuth(world);
    const status = await world.app.core.hh.account.signOut();
    expect(status).toMatchObject({ signedIn: false, account: null, resumes: [] });
    expect(world.fake.counts['DELETE /oauth/token']).toBe(1);
    expect(await world.app.core.repositories.apiTokens.get('hh')).toBeUndefined();
    expect(await world.app.core.repositories.resumes.list()).toEqual([]);
  });
});

describe('tokens, as hh.ru allows them', () => {
  it('50 parallel calls meeting an expired token cause exactly one refresh', async () => {
    world = await startHhWorld();
    await signInThroughOAuth(world);
    world.fake.expireAccessToken();
    const results = await Promise.all(Array.from({ length: 50 }, () => world!.app.core.hh.gateway.me()));
    expect(results.every((me) => me.email === 'anna@example.ru')).toBe(true);
    expect(refreshes(world)).toBe(1);
    expect(await audit(world)).toContain('hh.token.refresh:ok');
  });

  it('never refreshes before expiry, and refreshes once the app knows the token expired', async () => {
    world = await startHhWorld();
    await signInThroughOAuth(world);
    for (let i = 0; i < 3; i += 1) await world.app.core.hh.gateway.me();
    expect(refreshes(world)).toBe(0);
    // 14 days later by the app's clock, and hh.ru agrees.
    world.clock.advance(15 * 24 * 60 * 60 * 1000);
    world.fake.advanceClock(15 * 24 * 60 * 60 * 1000);
    await Promise.all([world.app.core.hh.gateway.me(), world.app.core.hh.gateway.resumes()]);
    expect(refreshes(world)).toBe(1);
  });

  it('never sends a refresh token twice; a refused refresh signs the user out and says so', async () => {
    world = await startHhWorld();
    await signInThroughOAuth(world);
    const changes: unknown[] = [];
    world.app.core.events.on('hh.accountChanged', (status) => changes.push(status));
    world.fake.deactivateTokens(world.fake.tokens[0]?.userId ?? '1');
    world.fake.expireAccessToken();
    await expect(world.app.core.hh.gateway.me()).rejects.toMatchObject({ code: 'hh_signed_out', next: { kind: 'sign_in' } });
    // Signed out now: the gateway has no way in and asks for a sign-in, without another refresh.
    await expect(world.app.core.hh.gateway.me()).rejects.toMatchObject({ next: { kind: 'sign_in' } });
    expect(refreshes(world)).toBeLessThanOrEqual(1);
    expect(await world.app.core.repositories.apiTokens.get('hh')).toBeUndefined();
    expect(changes.at(-1)).toMatchObject({ signedIn: false });
    expect(await audit(world)).toContain('hh.signed_out:refused');
  });

  it('the application token serves search without a user and is asked for once', async () => {
    world = await startHhWorld();
    for (let i = 0; i < 3; i += 1)
      await world.app.core.hh.gateway.searchVacancies({ filters: searchFiltersSchema.parse({ text: 'python' }), page: 0, perPage: 20 });
    expect(world.fake.requests.filter((r) => String(r.body).includes('client_credentials'))).toHaveLength(1);
  });
});

describe('the official-API transport', () => {
  it('applies with a multipart body and reads the negotiation id from Location', async () => {
    world = await startHhWorld();
    const status = await signInThroughOAuth(world);
    const vacancy = world.fake.addVacancy({ name: 'Python-разработчик' });
    const outcome = await world.app.core.hh.gateway.apply({
      vacancyId: vacancy.id,
      resumeId: status.resumes[0]!.id,
      message: 'Здравствуйте! Меня заинтересовала вакансия.',
    });
    expect(outcome).toMatchObject({ kind: 'applied', negotiationId: expect.any(String) });
    const apply = world.fake.requests.find((r) => r.route === 'POST /negotiations')!;
    expect(apply.headers['content-type']).toContain('multipart/form-data');
  });

  it("a direct vacancy sends the user to the employer's site", async () => {
    world = await startHhWorld();
    const status = await signInThroughOAuth(world);
    const vacancy = world.fake.addVacancy({ type: 'direct', responseUrl: 'https://employer.example/apply' });
    const outcome = await world.app.core.hh.gateway.apply({ vacancyId: vacancy.id, resumeId: status.resumes[0]!.id, message: 'Письмо' });
    expect(outcome).toEqual({ kind: 'external', url: 'https://employer.example/apply', transport: 'official' });
    expect((await world.app.core.hh.gateway.vacancy(vacancy.id)).externalUrl).toBe('https://employer.example/apply');
  });

  it.each([
    ['already applied', hhErrors.alreadyApplied(), 'hh_already_applied'],
    ['test required', hhErrors.testRequired(), 'hh_needs_manual'],
    ['daily limit', hhErrors.limitExceeded(), 'hh_limit_exceeded'],
    ['application denied', hhErrors.applicationDenied(), 'hh_application_denied'],
  ])('turns "%s" into %s', async (_label, reply, code) => {
    world = await startHhWorld();
    const status = await signInThroughOAuth(world);
    const vacancy = world.fake.addVacancy();
    world.fake.failNext('POST /negotiations', reply);
    await expect(
      world.app.core.hh.gateway.apply({ vacancyId: vacancy.id, resumeId: status.resumes[0]!.id, message: 'Письмо' }),
    ).rejects.toMatchObject({ code });
  });

  it('a captcha comes with the page to open and a backurl', async () => {
    world = await startHhWorld();
    await signInThroughOAuth(world);
    world.fake.failNext('GET /vacancies/{vacancy_id}', hhErrors.captchaRequired());
    const error = await world.app.core.hh.gateway.vacancy('123').catch((err: unknown) => err);
    expect(error).toBeInstanceOf(HhError);
    expect((error as HhError).code).toBe('hh_captcha');
    // Back to the vacancy's page on the configured site (HH_SITE_URL, else the OAuth site): here the fake's.
    expect(new URL((error as HhError).next!.url!).searchParams.get('backurl')).toBe(`${new URL(world.fake.oauthUrl).origin}/vacancy/123`);
  });

  it('when hh.ru refuses applicant methods to the application, the gateway says so and why', async () => {
    world = await startHhWorld();
    const status = await signInThroughOAuth(world);
    world.fake.closeApplicantApi();
    const vacancy = world.fake.addVacancy();
    await expect(
      world.app.core.hh.gateway.apply({ vacancyId: vacancy.id, resumeId: status.resumes[0]!.id, message: 'Письмо' }),
    ).rejects.toMatchObject({ code: 'hh_login_required' });
    const capabilities = await world.app.core.invoke('hh.capabilities', {});
    const apply = (capabilities as { value: { operation: string; unavailable: { reason: string }[] }[] }).value.find(
      (c) => c.operation === 'apply',
    )!;
    expect(apply.unavailable[0]!.reason).toContain('third-party');
  });

  it('signs in even when hh.ru refuses applicant methods to the application, and routes them away at once', async () => {
    world = await startHhWorld();
    world.fake.closeApplicantApi();
    const status = await signInThroughOAuth(world);
    expect(status).toMatchObject({ signedIn: true, account: { email: 'anna@example.ru' }, resumes: [] });
    const capabilities = await world.app.core.hh.gateway.capabilities();
    expect(capabilities.find((c) => c.operation === 'apply')).toMatchObject({
      transport: null,
      unavailable: [{ transport: 'official', reason: expect.stringContaining('third-party') }],
    });
    expect(capabilities.find((c) => c.operation === 'searchVacancies')).toMatchObject({ transport: 'official' });
    // Remembered across a restart of the app (kept with the data).
    expect(await world.app.core.repositories.appSettings.get('hh.refusals', z.record(z.string(), z.string()))).toMatchObject({
      'official:apply': expect.any(String),
    });
  });

  it('retries a 5xx with a non-JSON body, and reports a persistent one', async () => {
    world = await startHhWorld();
    await signInThroughOAuth(world);
    world.fake.failNext('GET /me', { status: 502, body: '<html>Bad Gateway</html>', headers: { 'content-type': 'text/html' } });
    expect((await world.app.core.hh.gateway.me()).email).toBe('anna@example.ru');
    world.fake.failNext('GET /me', { status: 503, body: '<html>down</html>' }, 5);
    await expect(world.app.core.hh.gateway.me()).rejects.toMatchObject({ code: 'hh_unavailable', retryable: true });
  });

  it('a malformed answer is a typed error, not a crash', async () => {
    world = await startHhWorld();
    await signInThroughOAuth(world);
    world.fake.failNext('GET /resumes/mine', { status: 200, body: '{"items": [' }, 5);
    await expect(world.app.core.hh.gateway.resumes()).rejects.toMatchObject({ code: 'hh_unavailable' });
  });

  it('a slow answer times out and is retried; a dropped connection too', async () => {
    // Short, so the hanging attempts end soon, yet long enough for a real local answer on a busy machine.
    world = await startHhWorld({ timeoutMs: 1_000 });
    await signInThroughOAuth(world);
    // An answer that never comes is slower than any timeout, however the machine runs.
    world.fake.failNext('GET /me', 'hang');
    expect((await world.app.core.hh.gateway.me()).email).toBe('anna@example.ru');
    world.fake.failNext('GET /me', 'reset');
    expect((await world.app.core.hh.gateway.me()).email).toBe('anna@example.ru');
    world.fake.failNext('GET /me', 'hang', 5);
    await expect(world.app.core.hh.gateway.me()).rejects.toMatchObject({ code: 'hh_timeout' });
  });

  it('never retries a 4xx', async () => {
    world = await startHhWorld();
    await signInThroughOAuth(world);
    world.fake.failNext('GET /vacancies/{vacancy_id}', hhErrors.notFound(), 5);
    await expect(world.app.core.hh.gateway.vacancy('999')).rejects.toMatchObject({ code: 'hh_vacancy_gone' });
    expect(world.fake.counts['GET /vacancies/{vacancy_id}']).toBe(1);
  });

  it('splits a search wider than 2000 results instead of paging into an error', async () => {
    world = await startHhWorld({ fake: { search: { found: 2600, spanDays: 30 } } });
    await signInThroughOAuth(world);
    const result = await world.app.core.hh.gateway.collectSearch(searchFiltersSchema.parse({ text: '' }), {
      max: 5000,
      now: new Date(world.fake.now()),
    });
    expect(result.found).toBe(2600);
    expect(new Set(result.items.map((v) => v.hhId)).size).toBeGreaterThan(2000);
    for (const request of world.fake.requests.filter((r) => r.route === 'GET /vacancies')) {
      const url = new URL(request.url, 'http://x');
      expect(Number(url.searchParams.get('page') ?? 0) * Number(url.searchParams.get('per_page') ?? 20)).toBeLessThan(2000);
      expect(Number(url.searchParams.get('per_page'))).toBeLessThanOrEqual(100);
    }
  });

  it('caches dictionaries and areas', async () => {
    world = await startHhWorld();
    await signInThroughOAuth(world);
    await world.app.core.hh.gateway.dictionaries();
    await world.app.core.hh.gateway.dictionaries();
    await world.app.core.hh.gateway.areas();
    await world.app.core.hh.gateway.areas();
    expect(world.fake.counts['GET /dictionaries']).toBe(1);
    expect(world.fake.counts['GET /areas']).toBe(1);
  });
});

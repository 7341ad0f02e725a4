import { afterEach, describe, expect, it } from 'vitest';
import { HhError } from '../../../../main/core/hh/errors';
import { SIGN_IN_REASON } from '../../../../main/core/hh/website';
import { siteReplies, type SiteRoute } from '../../../fakes/hh-site/server';
import { patience } from '../../../support/wait';
import { searchQuery, signedIn, startSiteWorld, type SiteWorld } from './harness';

let world: SiteWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const APPLY: SiteRoute = 'POST /applicant/vacancy_response/popup';
const count = (w: SiteWorld, route: SiteRoute) => w.site.requests.filter((r) => r.route === route).length;

const caught = async (promise: Promise<unknown>): Promise<HhError> => {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(HhError);
    return err as HhError;
  }
  throw new Error('expected an HhError');
};

const applyTo = (w: SiteWorld, vacancyId: string, message = 'Здравствуйте') => {
  const resume = w.site.user.resumes[0]!;
  return w.transport.apply({ vacancyId, resumeId: resume.id, resumeHash: resume.hash, message });
};
const plain = (w: SiteWorld) => w.site.addVacancy({ hasTest: false, letterRequired: false }).id;

describe('apply refusals', () => {
  it('the 200-in-24-hours limit', async () => {
    world = await startSiteWorld({ site: { applyLimitPerDay: 1 } });
    await applyTo(world, plain(world));
    const err = await caught(applyTo(world, plain(world)));
    expect(err).toMatchObject({
      code: 'hh_limit_exceeded',
      retryable: true,
      next: { kind: 'retry_later' },
      hh: { status: 400, value: 'negotiations-limit-exceeded' },
    });
    expect(world.site.applications).toHaveLength(1);
    // Not resent: hh.ru's answer was clear.
    expect(count(world, APPLY)).toBe(2);
  });

  it('a required test sends the vacancy to manual handling', async () => {
    world = await startSiteWorld();
    const id = world.site.addVacancy({ hasTest: true }).id;
    const err = await caught(applyTo(world, id));
    expect(err).toMatchObject({
      code: 'hh_needs_manual',
      details: { reason: 'test_required' },
      next: { kind: 'open_in_browser', url: `${world.site.url}/vacancy/${id}` },
    });
  });

  it('applying twice: the second is "already applied"', async () => {
    world = await startSiteWorld();
    const id = plain(world);
    await applyTo(world, id);
    expect((await caught(applyTo(world, id))).code).toBe('hh_already_applied');
    expect(world.site.applications).toHaveLength(1);
  });

  it('the limit and "already applied" as failNext answers too', async () => {
    world = await startSiteWorld();
    world.site.failNext(APPLY, siteReplies.limitExceeded());
    expect((await caught(applyTo(world, plain(world)))).code).toBe('hh_limit_exceeded');
    world.site.failNext(APPLY, siteReplies.alreadyApplied());
    expect((await caught(applyTo(world, plain(world)))).code).toBe('hh_already_applied');
    world.site.failNext(APPLY, siteReplies.testRequired());
    expect((await caught(applyTo(world, plain(world)))).code).toBe('hh_needs_manual');
    // 2026: "unknown" for a vacancy that is still there means hh.ru did not take the resume.
    world.site.failNext(APPLY, siteReplies.unknownApplyError());
    expect((await caught(applyTo(world, plain(world)))).code).toBe('hh_resume_problem');
  });
});

describe('session protection (CSRF)', () => {
  it('a CSRF refusal with the same token is reported, not repeated', async () => {
    world = await startSiteWorld();
    world.site.failNext(APPLY, siteReplies.csrf());
    const err = await caught(applyTo(world, plain(world)));
    expect(err).toMatchObject({ code: 'hh_csrf', next: { kind: 'sign_in' } });
    expect(world.site.applications).toHaveLength(0);
    expect(count(world, APPLY)).toBe(1);
  });

  it('a renewed token: the write is refused once, then goes through with the new cookie', async () => {
    world = await startSiteWorld();
    world.site.rotateXsrf();
    await applyTo(world, plain(world));
    expect(world.site.csrfFailures).toEqual([{ route: APPLY, reason: 'cookie' }]);
    expect(world.site.applications).toHaveLength(1);
    const [refused, accepted] = world.site.requests.filter((r) => r.route === APPLY);
    expect(accepted!.form?._xsrf).not.toBe(refused!.form?._xsrf);
    expect(accepted!.headers['x-xsrftoken']).toBe(accepted!.form?._xsrf);
  });

  it('a session exported without _xsrf gets one from the site first', async () => {
    world = await startSiteWorld();
    world.site.rotateXsrf();
    await world.session.clear();
    // An anonymous session: the home page hands out _xsrf, and the write is then refused by login.
    const err = await caught(world.transport.hideVacancy(plain(world)));
    expect(err.code).toBe('hh_login_required');
    expect(world.site.requests.map((r) => r.route)).toEqual(['GET /', 'POST /applicant/blacklist/vacancy/add']);
  });
});

describe('captcha', () => {
  it('a redirect to the captcha page: hh_captcha with the page to open and the way back', async () => {
    world = await startSiteWorld();
    world.site.failNext('GET /search/vacancy', siteReplies.captchaRedirect('/search/vacancy'));
    const err = await caught(world.transport.searchVacancies(searchQuery('go')));
    expect(err.code).toBe('hh_captcha');
    expect(err.next?.kind).toBe('open_captcha');
    expect(new URL(err.next!.url!).origin).toBe(world.site.url);
    expect(new URL(err.next!.url!).pathname).toBe('/account/captcha');
    expect(count(world, 'GET /search/vacancy')).toBe(1);
  });

  it('a captcha page instead of the apply answer (non-JSON)', async () => {
    world = await startSiteWorld();
    world.site.failNext(APPLY, siteReplies.captchaPage());
    expect((await caught(applyTo(world, plain(world)))).code).toBe('hh_captcha');
  });

  it('a 403 DDoS-Guard/captcha page on a read', async () => {
    world = await startSiteWorld();
    world.site.failNext('GET /vacancy/{id}', siteReplies.captchaPage(403));
    expect((await caught(world.transport.vacancy(world.site.vacancies()[0]!.id))).code).toBe('hh_captcha');
  });
});

describe('signed out', () => {
  it('a revoked session (hhtoken still in the file) redirects to login; the next capability check says sign in', async () => {
    world = await startSiteWorld();
    expect(await world.transport.unavailableReason('apply')).toBeNull();
    world.site.revokeSessions();
    const err = await caught(world.transport.negotiations(0));
    expect(err).toMatchObject({ code: 'hh_login_required', next: { kind: 'sign_in' } });
    expect(await world.transport.unavailableReason('apply')).toBe(SIGN_IN_REASON);
    expect(await signedIn(world.session, world.site.url)).toBe(false);
  });

  it('a login redirect on a write and the login form in place of JSON', async () => {
    world = await startSiteWorld();
    world.site.failNext(APPLY, siteReplies.loginRedirect('/'));
    expect((await caught(applyTo(world, plain(world)))).code).toBe('hh_login_required');
    world.site.failNext(APPLY, siteReplies.loginPage());
    expect((await caught(applyTo(world, plain(world)))).code).toBe('hh_login_required');
  });

  it('the chat server answering 401', async () => {
    world = await startSiteWorld();
    await world.transport.me();
    world.site.revokeSessions();
    expect((await caught(world.transport.chats(0))).code).toBe('hh_login_required');
  });
});

describe('a changed site', () => {
  it('no page state: hh_page_changed naming the page', async () => {
    world = await startSiteWorld();
    world.site.failNext('GET /search/vacancy', siteReplies.noTemplate());
    const err = await caught(world.transport.searchVacancies(searchQuery('go')));
    expect(err.code).toBe('hh_page_changed');
    expect(err.details?.url).toContain(`${world.site.url}/search/vacancy?`);
    expect(err.message).toContain('hh.ru changed its page');
  });

  it('a redesign renames the keys: every reader says so instead of returning nothing', async () => {
    world = await startSiteWorld();
    const id = plain(world);
    await applyTo(world, id);
    await world.transport.me();
    world.site.setLayout('renamed');
    const chatId = world.site.topics()[0]!.chatId;
    const checks: [string, () => Promise<unknown>][] = [
      ['vacancySearchResult', () => world!.transport.searchVacancies(searchQuery())],
      ['vacancyView', () => world!.transport.vacancy(id)],
      ['applicantNegotiations', () => world!.transport.negotiations(0)],
      ['chats', () => world!.transport.chats(0)],
      ['chat', () => world!.transport.chat(chatId)],
      // The identity read a moment ago is still fresh: forget it to read the page again.
      ['applicantResumes', () => (world!.transport.reset(), world!.transport.resumes())],
    ];
    for (const [key, run] of checks) {
      const err = await caught(run());
      expect(err.code).toBe('hh_page_changed');
      expect(err.message).toContain(key);
    }
  });

  it('no template on every page, and broken state JSON', async () => {
    world = await startSiteWorld();
    world.site.setLayout('no-template');
    expect((await caught(world.transport.me())).code).toBe('hh_page_changed');
    world.site.setLayout('current');
    world.site.failNext('GET /applicant/negotiations', siteReplies.brokenState());
    expect((await caught(world.transport.negotiations(0))).code).toBe('hh_page_changed');
  });

  it('HTML without captcha or login markers where JSON was expected', async () => {
    world = await startSiteWorld();
    world.site.failNext(APPLY, siteReplies.unexpectedHtml());
    const err = await caught(applyTo(world, plain(world)));
    expect(err.code).toBe('hh_page_changed');
    expect(err.message).toContain('not JSON');
  });
});

describe('network failures and retries', () => {
  it('reads are resent after a 5xx and a dropped connection', async () => {
    world = await startSiteWorld();
    world.site.failNext('GET /search/vacancy', siteReplies.serverError());
    world.site.failNext('GET /vacancy/{id}', 'reset');
    await world.transport.searchVacancies(searchQuery());
    await world.transport.vacancy(world.site.vacancies()[0]!.id);
    expect(count(world, 'GET /search/vacancy')).toBe(2);
    expect(count(world, 'GET /vacancy/{id}')).toBe(2);
  });

  it('a lasting 5xx ends as hh_unavailable after the retries', async () => {
    world = await startSiteWorld();
    world.site.failNext('GET /applicant/negotiations', siteReplies.serverError(502), { times: 5 });
    expect(await caught(world.transport.negotiations(0))).toMatchObject({ code: 'hh_unavailable', retryable: true });
    expect(count(world, 'GET /applicant/negotiations')).toBe(3);
  });

  it('a request that never answers times out', async () => {
    world = await startSiteWorld({ transport: { timeoutMs: 150, retry: { retries: 0, baseDelayMs: 1, maxDelayMs: 1 } } });
    world.site.failNext('GET /vacancy/{id}', 'hang');
    expect(await caught(world.transport.vacancy(world.site.vacancies()[0]!.id))).toMatchObject({ code: 'hh_timeout', retryable: true });
    expect(count(world, 'GET /vacancy/{id}')).toBe(1);
  });

  it("a caller's abort stops the request as an abort, not as a network error", async () => {
    world = await startSiteWorld();
    world.site.failNext('GET /vacancy/{id}', 'hang');
    const controller = new AbortController();
    const pending = world.transport.vacancy(world.site.vacancies()[0]!.id, controller.signal);
    pending.catch(() => {}); // examined below, once the request is in flight
    await expect.poll(() => count(world!, 'GET /vacancy/{id}'), patience).toBe(1);
    controller.abort(new Error('user cancelled'));
    await expect(pending).rejects.toThrow('user cancelled');
  });
});

describe('applying is never repeated blindly', () => {
  it('a dropped connection before hh.ru acted: the responses list is checked, and the form is not sent again', async () => {
    world = await startSiteWorld();
    const id = plain(world);
    world.site.failNext(APPLY, 'reset');
    const err = await caught(applyTo(world, id));
    // Reported as not arrived, so the letters may send it later without asking again.
    expect(err).toMatchObject({ code: 'hh_network', details: { arrived: 'no' } });
    expect(world.site.applications).toHaveLength(0);
    expect(world.site.requests.map((r) => r.route).filter((r) => r !== 'GET /applicant/my_resumes')).toEqual([
      APPLY,
      'GET /applicant/negotiations',
    ]);
  });

  it('a 5xx after hh.ru applied: the responses list has it, the application is reported applied, one POST', async () => {
    world = await startSiteWorld();
    const id = plain(world);
    world.site.failNext(APPLY, siteReplies.serverError(502), { afterHandling: true });
    const outcome = await applyTo(world, id);
    expect(outcome).toEqual({ kind: 'applied', negotiationId: world.site.applications[0]!.topicId });
    expect(count(world, APPLY)).toBe(1);
  });

  it('an unreadable answer after hh.ru applied: checked the same way, never sent again', async () => {
    world = await startSiteWorld();
    const id = plain(world);
    world.site.failNext(APPLY, siteReplies.unexpectedHtml(), { afterHandling: true });
    const outcome = await applyTo(world, id);
    expect(outcome).toMatchObject({ kind: 'applied', negotiationId: world.site.applications[0]!.topicId });
    expect(count(world, APPLY)).toBe(1);
  });

  it('a vacancy applied to on the employer\'s site: hh.ru\'s bare refusal becomes "external" with the link', async () => {
    world = await startSiteWorld();
    const id = world.site.addVacancy({ hasTest: false, letterRequired: false, responseUrl: 'https://careers.example.com/jobs/7' }).id;
    expect(await applyTo(world, id)).toEqual({ kind: 'external', url: 'https://careers.example.com/jobs/7' });
    expect(world.site.applications).toHaveLength(0);
  });

  it('an answer lost after hh.ru applied: the responses list has it, and nothing is sent again', async () => {
    world = await startSiteWorld();
    const id = plain(world);
    world.site.failNext(APPLY, 'reset', { afterHandling: true });
    const outcome = await applyTo(world, id);
    expect(world.site.applications).toHaveLength(1);
    expect(outcome).toEqual({ kind: 'applied', negotiationId: world.site.applications[0]!.topicId });
    expect(count(world, APPLY)).toBe(1);
  });

  it('a 5xx while the responses list cannot be read either: the original error, one POST', async () => {
    world = await startSiteWorld();
    world.site.failNext(APPLY, siteReplies.serverError());
    world.site.failNext('GET /applicant/negotiations', siteReplies.captchaRedirect(), { times: 5 });
    expect((await caught(applyTo(world, plain(world)))).code).toBe('hh_unavailable');
    expect(count(world, APPLY)).toBe(1);
  });
});

describe('chat messages', () => {
  it('a lost answer: the retry carries the same idempotency key and hh.ru shows the message once', async () => {
    world = await startSiteWorld();
    const outcome = await applyTo(world, plain(world));
    const topicId = outcome.kind === 'applied' ? outcome.negotiationId! : '';
    world.site.failNext('POST /chatik/api/send', 'reset', { afterHandling: true });
    await world.transport.sendMessage({ negotiationId: topicId, text: 'Спасибо, жду ответа', idempotencyKey: 'same-key-123' });
    expect(world.site.sendAttempts.map((a) => a.idempotencyKey)).toEqual(['same-key-123', 'same-key-123']);
    expect(world.site.sentMessages).toHaveLength(1);
    expect(world.site.chat(world.site.topics()[0]!.chatId)!.messages.filter((m) => m.text === 'Спасибо, жду ответа')).toHaveLength(1);
  });

  it('a 5xx on send is retried with the same key; a chat error word is reported', async () => {
    world = await startSiteWorld();
    const outcome = await applyTo(world, plain(world));
    const topicId = outcome.kind === 'applied' ? outcome.negotiationId! : '';
    world.site.failNext('POST /chatik/api/send', siteReplies.serverError());
    await world.transport.sendMessage({ negotiationId: topicId, text: 'Да', idempotencyKey: 'k-2' });
    expect(
      world.site.requests
        .filter((r) => r.route === 'POST /chatik/api/send')
        .map((r) => (r.json as { idempotencyKey: string }).idempotencyKey),
    ).toEqual(['k-2', 'k-2']);
    world.site.failNext('POST /chatik/api/send', siteReplies.chatError('in-a-row-limit'));
    expect((await caught(world.transport.sendMessage({ negotiationId: topicId, text: 'Ещё', idempotencyKey: 'k-3' }))).code).toBe(
      'hh_limit_exceeded',
    );
  });
});

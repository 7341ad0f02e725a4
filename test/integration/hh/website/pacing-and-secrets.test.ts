import { afterEach, describe, expect, it } from 'vitest';
import { WebsiteTransport } from '../../../../main/core/hh/website';
import { siteReplies } from '../../../fakes/hh-site/server';
import { everythingIn, searchQuery, startSiteWorld, type SiteWorld } from './harness';

let world: SiteWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

/** Between the moments the transport sent consecutive requests (the server's arrival times add network jitter). */
const gaps = (w: SiteWorld) => w.sent.slice(1).map((r, i) => r.at - w.sent[i]!.at);

describe('pacing', () => {
  it('every request, sequential or concurrent, reads and writes alike, is at least the interval after the one before', async () => {
    world = await startSiteWorld({ transport: { minIntervalMs: 120 } });
    const vacancy = world.site.addVacancy({ hasTest: false, letterRequired: false });
    const resume = world.site.user.resumes[0]!;
    await world.transport.me();
    await world.transport.searchVacancies(searchQuery());
    await world.transport.apply({ vacancyId: vacancy.id, resumeId: resume.id, resumeHash: resume.hash, message: 'Здравствуйте' });
    await Promise.all([world.transport.vacancy(vacancy.id), world.transport.negotiations(0), world.transport.chats(0), world.transport.raiseResume(resume.id)]);
    expect(world.sent).toHaveLength(7);
    expect(world.site.requests).toHaveLength(7);
    // Timers may fire a millisecond or two early; the pacer's reservations are exact.
    for (const gap of gaps(world)) expect(gap).toBeGreaterThanOrEqual(115);
  });

  it('retries wait their turn too', async () => {
    world = await startSiteWorld({ transport: { minIntervalMs: 100 } });
    world.site.failNext('GET /search/vacancy', siteReplies.serverError(), { times: 2 });
    await world.transport.searchVacancies(searchQuery());
    expect(world.sent).toHaveLength(3);
    for (const gap of gaps(world)) expect(gap).toBeGreaterThanOrEqual(95);
  });

  it('by default at least one second apart', async () => {
    world = await startSiteWorld();
    const transport = new WebsiteTransport({ session: world.session, siteUrl: world.site.url, log: world.log });
    await transport.me();
    await transport.vacancy(world.site.vacancies()[0]!.id);
    expect(world.sent).toHaveLength(2);
    expect(gaps(world)[0]).toBeGreaterThanOrEqual(990);
  });
});

describe('secrets', () => {
  it('no cookie value appears in any error or log line, whatever goes wrong', async () => {
    world = await startSiteWorld({ transport: { timeoutMs: 150, retry: { retries: 1, baseDelayMs: 1, maxDelayMs: 1 } } });
    const { site, transport } = world;
    const vacancy = site.addVacancy({ hasTest: false, letterRequired: false });
    const resume = site.user.resumes[0]!;
    const apply = () => transport.apply({ vacancyId: vacancy.id, resumeId: resume.id, resumeHash: resume.hash, message: 'Письмо' });
    const errors: unknown[] = [];
    const attempt = async (run: () => Promise<unknown>) => {
      try {
        await run();
      } catch (err) {
        errors.push(err);
      }
    };
    await transport.me();
    site.failNext('POST /applicant/vacancy_response/popup', siteReplies.csrf());
    await attempt(apply);
    site.failNext('POST /applicant/vacancy_response/popup', siteReplies.captchaPage());
    await attempt(apply);
    site.failNext('POST /applicant/vacancy_response/popup', siteReplies.unexpectedHtml());
    await attempt(apply);
    site.failNext('GET /search/vacancy', siteReplies.captchaRedirect());
    await attempt(() => transport.searchVacancies(searchQuery()));
    site.failNext('GET /vacancy/{id}', 'hang');
    await attempt(() => transport.vacancy(vacancy.id));
    site.failNext('GET /applicant/negotiations', 'reset', { times: 3 });
    await attempt(() => transport.negotiations(0));
    site.failNext('GET /applicant/negotiations', siteReplies.brokenState());
    await attempt(() => transport.negotiations(0));
    site.failNext('POST /applicant/resumes/touch', siteReplies.serverError(), { times: 3 });
    await attempt(() => transport.raiseResume(resume.id));
    site.setLayout('renamed');
    await attempt(() => transport.chats(0));
    site.setLayout('current');
    site.rotateXsrf();
    await attempt(apply);
    site.failNext('POST /chatik/api/send', siteReplies.chatError('write-not-allowed'));
    await attempt(() => transport.sendMessage({ negotiationId: site.topics()[0]!.id, text: 'Да', idempotencyKey: 'k' }));
    site.revokeSessions();
    await attempt(() => transport.hideVacancy(vacancy.id));

    // The renewed-token apply goes through (after a logged refusal); every other step fails.
    expect(errors.length).toBe(10);
    expect(world.logs.length).toBeGreaterThan(5);
    const everything = [...errors.map(everythingIn), ...world.logs.map((line) => `${line.message} ${JSON.stringify(line.details)}`)].join('\n');
    expect(site.secrets().length).toBeGreaterThanOrEqual(5);
    for (const secret of site.secrets()) expect(everything).not.toContain(secret);
    expect(everything).not.toMatch(/hhtoken=|_xsrf=|cookie:/i);
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as PacerModule from '../../../../main/core/hh/http/pacer';
import { WebsiteTransport } from '../../../../main/core/hh/website';
import { siteReplies } from '../../../fakes/hh-site/server';
import { virtualTime, type VirtualTime } from '../../../support/virtual-time';
import { everythingIn, searchQuery, startSiteWorld, type SiteWorld } from './harness';

/**
 * Every pacer the transport makes runs on virtual time, and says when it let each request go: pacing
 * is asserted on those moments, exact on any machine, not on arrival times at the fake server (which
 * add the network's and the scheduler's jitter).
 */
const pacing = vi.hoisted(() => ({ time: undefined as VirtualTime | undefined, turns: [] as number[], intervals: [] as number[] }));
vi.mock('../../../../main/core/hh/http/pacer', async (importOriginal) => {
  const real = await importOriginal<typeof PacerModule>();
  return {
    ...real,
    createPacer: (options: Parameters<typeof real.createPacer>[0]) => {
      const time = pacing.time!;
      pacing.intervals.push(options.minIntervalMs);
      const pacer = real.createPacer({ ...options, now: time.now, sleep: time.sleep });
      return {
        wait: async (signal?: AbortSignal) => {
          await pacer.wait(signal);
          pacing.turns.push(time.now());
        },
      };
    },
  };
});

let world: SiteWorld | undefined;
beforeEach(() => {
  pacing.time = virtualTime();
  pacing.turns = [];
  pacing.intervals = [];
});
afterEach(async () => {
  await world?.close();
  world = undefined;
});

/** Between the moments the pacer let consecutive requests go, in virtual milliseconds. */
const gaps = () => pacing.turns.slice(1).map((at, i) => at - pacing.turns[i]!);

describe('pacing', () => {
  it('every request, sequential or concurrent, reads and writes alike, goes exactly the interval after the one before', async () => {
    world = await startSiteWorld({ transport: { minIntervalMs: 120 } });
    const vacancy = world.site.addVacancy({ hasTest: false, letterRequired: false });
    const resume = world.site.user.resumes[0]!;
    await world.transport.me();
    await world.transport.searchVacancies(searchQuery());
    await world.transport.apply({ vacancyId: vacancy.id, resumeId: resume.id, resumeHash: resume.hash, message: 'Здравствуйте' });
    await Promise.all([
      world.transport.vacancy(vacancy.id),
      world.transport.negotiations(0),
      world.transport.chats(0),
      world.transport.raiseResume(resume.id),
    ]);
    expect(pacing.intervals).toEqual([120]); // one pacer for the transport, shared by every call
    // Each request took its turn, and no request went without one.
    // me: the resume list and the profile (2026); negotiations: the responses and the chat list beside them.
    expect(pacing.turns).toHaveLength(9);
    expect(world.sent).toHaveLength(9);
    expect(world.site.requests).toHaveLength(9);
    expect(gaps()).toEqual([120, 120, 120, 120, 120, 120, 120, 120]);
  });

  it('retries wait their turn too', async () => {
    world = await startSiteWorld({ transport: { minIntervalMs: 100 } });
    world.site.failNext('GET /search/vacancy', siteReplies.serverError(), { times: 2 });
    await world.transport.searchVacancies(searchQuery());
    expect(world.sent).toHaveLength(3);
    expect(gaps()).toEqual([100, 100]);
  });

  it('by default one second apart', async () => {
    world = await startSiteWorld();
    pacing.turns = [];
    pacing.intervals = [];
    const transport = new WebsiteTransport({ session: world.session, siteUrl: world.site.url, log: world.log });
    await transport.me();
    await transport.vacancy(world.site.vacancies()[0]!.id);
    expect(pacing.intervals).toEqual([1000]);
    expect(world.sent).toHaveLength(3);
    expect(gaps()).toEqual([1000, 1000]);
  });
});

describe('secrets', () => {
  it('no cookie value appears in any error or log line, whatever goes wrong', async () => {
    // Ends the one request that hangs; every other answer must beat it, on a busy machine too.
    world = await startSiteWorld({ transport: { timeoutMs: 1_000, retry: { retries: 1, baseDelayMs: 1, maxDelayMs: 1 } } });
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
    site.failNext('POST /profile/shards/resume/touch', siteReplies.serverError(), { times: 3 });
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
    const everything = [...errors.map(everythingIn), ...world.logs.map((line) => `${line.message} ${JSON.stringify(line.details)}`)].join(
      '\n',
    );
    expect(site.secrets().length).toBeGreaterThanOrEqual(5);
    for (const secret of site.secrets()) expect(everything).not.toContain(secret);
    expect(everything).not.toMatch(/hhtoken=|_xsrf=|cookie:/i);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { retryAfterMs, slowDownWait } from '../../../../main/core/hh/http/slow-down';
import { searchQuery, startSiteWorld, type SiteWorld } from './harness';
import { readAppEnv } from '../../../../main/core/secrets';
import { createHeadlessWebSession } from '../../../../main/headless/web-session';
import { startFakeHhSite } from '../../../fakes/hh-site/server';
import { ok } from '../../../support/contract';
import { startTestCore } from '../../../support/core';

/** hh.ru's "slow down" (HTTP 429): the app waits as hh.ru says, a bounded number of times, and says so while it waits. */

let world: SiteWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const tooMany = (retryAfter?: string) => ({
  status: 429,
  headers: { 'content-type': 'text/html', ...(retryAfter && { 'retry-after': retryAfter }) },
  body: '<html><body>Too many requests</body></html>',
});

/** A world whose waits are recorded instead of slept, and whose "waiting until" calls are heard. */
async function slowWorld(policy = { retries: 3, waitMs: 10_000, maxWaitMs: 120_000 }) {
  const waits: number[] = [];
  const told: (number | null)[] = [];
  world = await startSiteWorld({
    transport: {
      slowDown: policy,
      sleep: async (ms) => void waits.push(ms),
      onSlowDown: (until) => told.push(until),
    },
  });
  return { waits, told, world };
}

describe('hh.ru asks the app to slow down', () => {
  it('a read waits as Retry-After says, tries again, and goes through; the wait is told and then cleared', async () => {
    const { waits, told, world } = await slowWorld();
    world.site.failNext('GET /search/vacancy', tooMany('7'), { times: 2 });
    const page = await world.transport.searchVacancies(searchQuery());
    expect(page.items.length).toBeGreaterThan(0);
    expect(waits).toEqual([7_000, 7_000]);
    expect(told.map((until) => until === null)).toEqual([false, true, false, true]);
    expect(world.site.requests.filter((r) => r.route === 'GET /search/vacancy')).toHaveLength(3);
    expect(world.logs.some((line) => /slow down/.test(line.message))).toBe(true);
  });

  it("without Retry-After it backs off, doubling, and gives up after the policy's tries with hh_rate_limited", async () => {
    const { waits, world } = await slowWorld({ retries: 2, waitMs: 1_000, maxWaitMs: 3_000 });
    world.site.failNext('GET /vacancy/{id}', tooMany(), { times: 5 });
    await expect(world.transport.vacancy(world.site.vacancies()[0]!.id)).rejects.toMatchObject({
      code: 'hh_rate_limited',
      retryable: true,
      next: { kind: 'retry_later' },
    });
    expect(waits).toEqual([1_000, 2_000]);
    expect(world.site.requests.filter((r) => r.route === 'GET /vacancy/{id}')).toHaveLength(3);
  });

  it('an application refused with 429 is not sent again: nothing was applied, and the error says to try later', async () => {
    const { waits, world } = await slowWorld();
    const vacancy = world.site.addVacancy({ hasTest: false, letterRequired: false, responseUrl: null });
    const resume = world.site.user.resumes[0]!;
    world.site.failNext('POST /applicant/vacancy_response/popup', tooMany('30'));
    await expect(
      world.transport.apply({ vacancyId: vacancy.id, resumeId: resume.id, resumeHash: resume.hash, message: 'Здравствуйте' }),
    ).rejects.toMatchObject({
      code: 'hh_rate_limited',
      next: { retryAfterSeconds: 30 },
    });
    expect(world.site.requests.filter((r) => r.route === 'POST /applicant/vacancy_response/popup')).toHaveLength(1);
    expect(world.site.applications).toHaveLength(0);
    expect(waits).toEqual([]);
  });

  it('reads Retry-After as seconds or as a date, and caps the wait', () => {
    expect(retryAfterMs('12', 0)).toBe(12_000);
    expect(retryAfterMs(new Date(60_000).toUTCString(), 0)).toBe(60_000);
    expect(retryAfterMs('soon', 0)).toBeUndefined();
    expect(retryAfterMs(undefined, 0)).toBeUndefined();
    expect(slowDownWait(0, { retries: 3, waitMs: 10_000, maxWaitMs: 120_000 }, 600_000)).toBe(120_000);
    expect(slowDownWait(2, { retries: 3, waitMs: 10_000, maxWaitMs: 120_000 })).toBe(40_000);
  });
});

describe('in the app', () => {
  it('says "hh.ru asked the app to slow down" while it waits, and not after', async () => {
    const site = await startFakeHhSite();
    try {
      const app = await startTestCore({
        env: readAppEnv({ HH_SITE_URL: site.url }),
        hhWebSession: await createHeadlessWebSession({ siteUrl: site.url, cookiesFile: await site.cookiesTxt() }),
        hhWebsiteIntervalMs: 0,
        hhSlowDown: { retries: 2, waitMs: 1, maxWaitMs: 5 },
      });
      try {
        const seen: string[][] = [];
        app.core.events.on('notices.changed', (list) => seen.push(list.map((n) => n.code)));
        site.failNext('GET /search/vacancy', tooMany('0.001'));
        ok(await app.core.invoke('searches.save', { search: { name: 'Все', filters: { text: '' }, intervalHours: 4, mode: 'review' } }));
        ok(await app.core.invoke('searches.run', { id: 1 }));
        expect(seen).toContainEqual(['hh_slow_down']);
        expect(ok<{ code: string }[]>(await app.core.invoke('notices.list', {})).map((n) => n.code)).not.toContain('hh_slow_down');
      } finally {
        await app.close();
      }
    } finally {
      await site.close();
    }
  });
});

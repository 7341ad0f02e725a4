import { expect, vi } from 'vitest';
import { readAppEnv } from '../../main/core/secrets';
import { createHeadlessWebSession } from '../../main/headless/web-session';
import { startFakeOpenAi, type FakeOpenAi } from '../fakes/ai';
import { startFakeHhSite, type FakeSiteShape } from '../fakes/hh-site/server';
import { ok } from './contract';
import { startTestCore } from './core';
import { movableClock } from './hh';

type Keep = <T extends { close(): Promise<void> }>(item: T) => T;
export type ModelReply = (messages: { role: string; content: string }[]) => string;

export interface SiteAppOptions {
  /** How many vacancies the fake hh.ru site has (its default otherwise). */
  vacancies?: number;
  /** The app's clock starts here (default 27 Nov 2026, 10:00 local: outside the default quiet hours). */
  start?: number;
  /** A fake OpenAI-compatible model answering with this, set up as the app's AI. */
  ai?: ModelReply;
  /** Which of hh.ru's layouts the fake serves (its default, 2026's, otherwise). */
  shape?: FakeSiteShape;
}

/**
 * A core signed in through the user's hh.ru website session (the fake site), with a profile for the
 * letters' contacts, a clock the test moves, no pause between applications, and optionally a model.
 * Everything it opens is closed by `keep` (closeAfterEach).
 */
export async function startSiteApp(keep: Keep, options: SiteAppOptions = {}) {
  const site = keep(
    await startFakeHhSite({
      ...(options.vacancies !== undefined && { vacancies: options.vacancies }),
      ...(options.shape && { shape: options.shape }),
    }),
  );
  const clock = movableClock(options.start ?? new Date(2026, 10, 27, 10, 0).getTime());
  const { core } = keep(
    await startTestCore({
      clock,
      env: readAppEnv({ HH_SITE_URL: site.url }),
      hhWebSession: await createHeadlessWebSession({ siteUrl: site.url, cookiesFile: await site.cookiesTxt() }),
      hhWebsiteIntervalMs: 0,
      applyPacing: { minIntervalMs: 0 },
    }),
  );
  ok(await core.invoke('hh.signInWebsite', {}));
  // Signing in checks hh.ru's pages in the background: done before the test, and its requests not counted as the test's.
  await vi.waitFor(async () => expect(ok<{ checkedAt: string | null }>(await core.invoke('hh.pages', {})).checkedAt).not.toBeNull(), {
    timeout: 30_000,
  });
  site.clearRecords();
  ok(await core.invoke('profile.set', { name: 'Анна Иванова', email: 'anna@example.ru', phone: '', telegram: '@anna_dev', links: [] }));
  let ai: FakeOpenAi | undefined;
  if (options.ai) {
    ai = keep(await startFakeOpenAi({ reply: options.ai }));
    ok(
      await core.invoke('ai.settings.set', {
        settings: { kind: 'openai', baseUrl: ai.baseUrl, model: 'gpt-4o-mini' },
        openaiKey: 'sk-test-key-123456',
      }),
    );
  }
  return { core, clock, site, ai };
}

/**
 * The core options of a browser suite's server on the fake hh.ru website: the user's session from
 * the site's cookies.txt, no official API (an address nothing answers), no pause between requests.
 */
export async function siteCoreOptions(site: { url: string; cookiesTxt(): Promise<string> }) {
  return {
    env: readAppEnv({ HH_SITE_URL: site.url, HH_OAUTH_BASE_URL: site.url, HH_API_BASE_URL: 'http://127.0.0.1:9' }),
    hhWebSession: await createHeadlessWebSession({ siteUrl: site.url, cookiesFile: await site.cookiesTxt() }),
    hhWebsiteIntervalMs: 0,
    hhMinRequestIntervalMs: 0,
  };
}

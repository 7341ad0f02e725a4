import { afterEach, describe, expect, it } from 'vitest';
import type { HhCapability } from '../../../shared/domain';
import { readAppEnv } from '../../../main/core/secrets';
import { createHeadlessWebSession } from '../../../main/headless/web-session';
import { DEFAULT_CLIENT, startFakeHh, type FakeHh } from '../../fakes/hh/server';
import { startFakeHhSite, type FakeHhSite } from '../../fakes/hh-site/server';
import { startTestCore, type TestCore } from '../../support/core';

let api: FakeHh | undefined;
let site: FakeHhSite | undefined;
let app: TestCore | undefined;
afterEach(async () => {
  await app?.close();
  await api?.close();
  await site?.close();
  app = api = site = undefined;
});

/** The user's own dev.hh.ru application (official API) and their website session, both configured. */
async function bothPaths() {
  api = await startFakeHh({ now: Date.now() });
  site = await startFakeHhSite();
  app = await startTestCore({
    env: readAppEnv({
      HH_API_BASE_URL: api.apiUrl,
      HH_OAUTH_BASE_URL: api.oauthUrl,
      HH_SITE_URL: site.url,
      HH_CLIENT_ID: DEFAULT_CLIENT.clientId,
      HH_CLIENT_SECRET: DEFAULT_CLIENT.clientSecret,
      HH_REDIRECT_URI: DEFAULT_CLIENT.redirectUri,
    }),
    hhWebSession: await createHeadlessWebSession({ siteUrl: site.url, cookiesFile: await site.cookiesTxt() }),
    hhWebsiteIntervalMs: 0,
    hhMinRequestIntervalMs: 0,
    hhRetry: { retries: 0, baseDelayMs: 1, maxDelayMs: 1 },
  });
  api.signIn({ name: 'Анна Иванова', email: 'anna@example.ru' });
  const started = await app.core.invoke('hh.signIn', { mode: 'default' });
  if (!started.ok) throw new Error(started.error.message);
  const outcome = await api.completeAuthorization((started.value as { authorizeUrl: string }).authorizeUrl, { decision: 'allow' });
  await app.core.hh.account.completeSignIn(outcome.location);
  return { api, site, core: app.core };
}

const capability = async (core: TestCore['core'], operation: string) => {
  const result = await core.invoke('hh.capabilities', {});
  if (!result.ok) throw new Error(result.error.message);
  return (result.value as HhCapability[]).find((c) => c.operation === operation)!;
};

describe('capability routing between the official API and the website session', () => {
  it('applies through the official API while hh.ru serves it', async () => {
    const { api, site, core } = await bothPaths();
    const vacancy = api.addVacancy();
    const resume = (await core.hh.gateway.resumes())[0]!;
    const outcome = await core.hh.gateway.apply({ vacancyId: vacancy.id, resumeId: resume.id, message: 'Здравствуйте!' });
    expect(outcome.transport).toBe('official');
    expect(core.hh.gateway.servedBy('apply')).toBe('official');
    expect(site.applications).toHaveLength(0);
    expect(await capability(core, 'apply')).toMatchObject({ transport: 'official' });
  });

  it('official API refusing applicant methods: apply goes through the website, visible through the contract', async () => {
    const { api, site, core } = await bothPaths();
    api.closeApplicantApi();
    const vacancy = site.vacancies()[0]!;
    const resumes = await core.hh.gateway.resumes();
    const outcome = await core.hh.gateway.apply({
      vacancyId: vacancy.id,
      resumeId: resumes[0]!.id,
      resumeHash: resumes[0]!.hash,
      message: 'Здравствуйте! Меня заинтересовала вакансия.',
    });
    expect(outcome).toMatchObject({ kind: 'applied', transport: 'website' });
    expect(core.hh.gateway.servedBy('apply')).toBe('website');
    expect(site.applications).toHaveLength(1);
    expect(await capability(core, 'apply')).toMatchObject({
      transport: 'website',
      unavailable: [{ transport: 'official', code: 'refused_for_apps', reason: expect.stringContaining('third-party') }],
    });
  });

  it('both failing: nothing automatic is left, and the contract says applying is by hand (assisted)', async () => {
    const { api, site, core } = await bothPaths();
    api.closeApplicantApi();
    site.revokeSessions();
    const vacancy = site.vacancies()[0]!;
    await expect(
      core.hh.gateway.apply({ vacancyId: vacancy.id, resumeId: 'x', resumeHash: 'x', message: 'Здравствуйте!' }),
    ).rejects.toMatchObject({ next: { kind: 'sign_in' } });
    // The website session is re-checked: with it gone, no transport serves apply.
    core.hh.website?.reset();
    expect(await capability(core, 'apply')).toMatchObject({ transport: null });
    // Every reason has a code the window translates: none is left as an English sentence only.
    const all = await core.invoke('hh.capabilities', {});
    if (!all.ok) throw new Error(all.error.message);
    const codes = (all.value as HhCapability[]).flatMap((c) => c.unavailable.map((u) => u.code));
    expect(codes.length).toBeGreaterThan(0);
    expect(codes).not.toContain('other');
  });
});

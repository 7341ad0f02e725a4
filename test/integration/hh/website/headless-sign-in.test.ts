import { copyFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { readAppEnv } from '../../../../main/core/secrets';
import { createHeadlessWebSession } from '../../../../main/headless/web-session';
import { startFakeHhSite } from '../../../fakes/hh-site/server';
import { closeAfterEach } from '../../../support/contract';
import { startTestCore } from '../../../support/core';
import { emptyCookiesFile } from './harness';

const keep = closeAfterEach();

it('headless "Sign in" reads a cookies.txt exported after the start, and says what to do when it does not sign in', async () => {
  const site = keep(await startFakeHhSite());
  const cookiesFile = await emptyCookiesFile();
  const app = keep(
    await startTestCore({
      env: readAppEnv({ HH_SITE_URL: site.url }),
      hhWebSession: await createHeadlessWebSession({ siteUrl: site.url, cookiesFile }),
      hhWebsiteIntervalMs: 0,
    }),
  );

  const refused = await app.core.invoke('hh.signInWebsite', {});
  expect(refused).toMatchObject({ ok: false, error: { code: 'hh_login_required', next: { kind: 'sign_in' } } });
  if (refused.ok) return;
  expect(refused.error.message).toMatch(/cookies file/);
  expect(refused.error.message).not.toMatch(/app window/);

  // The user exports the browser's cookies again, over the same file, while the app runs.
  await copyFile(await site.cookiesTxt(), cookiesFile);
  const signedIn = await app.core.invoke('hh.signInWebsite', {});
  expect(signedIn).toMatchObject({ ok: true, value: { status: { signedIn: true, via: 'website' } } });
});

it('headless: with no website session the capability reasons name the cookies file, not an app window', async () => {
  const site = keep(await startFakeHhSite());
  const app = keep(
    await startTestCore({
      env: readAppEnv({ HH_SITE_URL: site.url }),
      hhWebSession: await createHeadlessWebSession({ siteUrl: site.url, cookiesFile: await emptyCookiesFile() }),
      hhWebsiteIntervalMs: 0,
    }),
  );
  const result = await app.core.invoke('hh.capabilities', {});
  expect(result.ok).toBe(true);
  const text = JSON.stringify(result.ok ? result.value : null);
  expect(text).toContain('HH_COOKIES_FILE');
  expect(text).not.toContain('app window');
});

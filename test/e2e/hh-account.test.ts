import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAppEnv } from '../../main/core/secrets';
import { DEFAULT_CLIENT, startFakeHh, type FakeHh } from '../fakes/hh/server';
import { chromiumOrSkipReason, launchChromium } from '../support/chromium';
import { startTestServer } from '../support/headless';
import { freePort } from '../support/net';
import { patience } from '../support/wait';
import { requireBuiltRenderer, root, uiDir } from '../support/e2e-paths';

const chromium = chromiumOrSkipReason();

describe.skipIf('skip' in chromium)('hh.ru account in Settings (headless core, fake hh.ru, real browser)', () => {
  let browser: Browser;
  let fake: FakeHh;
  let running: Awaited<ReturnType<typeof startTestServer>>;

  beforeAll(async () => {
    requireBuiltRenderer();
    // The redirect URI registered on "dev.hh.ru" must name the headless server's port: pick one first.
    const port = await freePort();
    const redirectUri = `http://localhost:${port}/hh/callback`;
    fake = await startFakeHh({ now: Date.now(), clients: [{ ...DEFAULT_CLIENT, redirectUri }] });
    running = await startTestServer({
      uiDir,
      port,
      core: {
        env: readAppEnv({
          HH_API_BASE_URL: fake.apiUrl,
          HH_OAUTH_BASE_URL: fake.oauthUrl,
          HH_CLIENT_ID: DEFAULT_CLIENT.clientId,
          HH_CLIENT_SECRET: DEFAULT_CLIENT.clientSecret,
          HH_REDIRECT_URI: redirectUri,
        }),
        hhMinRequestIntervalMs: 0,
      },
    });
    browser = await launchChromium((chromium as { path: string }).path);
  });

  afterAll(async () => {
    await browser?.close();
    await running?.close();
    await fake?.close();
  });

  it('signs in through hh.ru in a browser tab, shows the account and resumes, and signs out', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(running.server.uiUrl);
    await page.getByRole('button', { name: 'Настройки' }).click();
    const card = page.getByTestId('hh-account');
    await card.getByText('Вы не вошли в hh.ru.').waitFor();

    // hh.ru's pages open in a new tab; the user signs in and allows access there.
    const [hhTab] = await Promise.all([context.waitForEvent('page'), card.getByRole('button', { name: 'Войти в hh.ru' }).click()]);
    await card.getByTestId('hh-waiting').waitFor();
    fake.signIn({ name: 'Анна Иванова', email: 'anna@example.ru' });
    await hhTab.waitForLoadState();
    await hhTab.locator('input[name="username"]').fill('anna@example.ru');
    await hhTab.locator('input[name="password"]').fill('secret');
    await hhTab.getByRole('button', { name: 'Войти' }).click();
    await hhTab.getByRole('button', { name: 'Разрешить' }).click();
    // hh.ru sends the tab to the registered redirect URI: the headless server finishes the sign-in.
    await hhTab.getByRole('heading', { name: /Вход выполнен/ }).waitFor();

    await card.getByTestId('hh-signed-in').waitFor();
    expect(await card.getByTestId('hh-signed-in').textContent()).toContain('Анна Иванова');
    expect(await card.getByTestId('hh-resumes').locator('li').count()).toBeGreaterThan(0);
    // Settings shows, per operation, which path serves it.
    await expect.poll(() => page.getByTestId('capability-apply').textContent(), patience).toContain('API hh.ru');
    await page.screenshot({ path: join(root, 'test-results', 'hh-signed-in.png'), fullPage: true });

    await card.getByRole('button', { name: 'Выйти' }).click();
    await card.getByText('Вы не вошли в hh.ru.').waitFor();
    expect(await card.getByTestId('hh-resumes').count()).toBe(0);
    expect(fake.counts['DELETE /oauth/token']).toBe(1);
    expect(fake.violations).toEqual([]);
    await context.close();
  });
});

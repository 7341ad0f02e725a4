import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { readAppEnv } from '../../main/core/secrets';
import { DEFAULT_CLIENT, startFakeHh, type FakeHh } from '../fakes/hh/server';
import { describeInBrowser, settings } from '../support/chromium';
import { shots } from '../support/e2e-paths';
import type { TestServer } from '../support/headless';
import { freePort } from '../support/net';
import { patience } from '../support/wait';

describeInBrowser('hh.ru account in Settings (headless core, fake hh.ru, real browser)', (suite) => {
  let fake: FakeHh;
  let running: TestServer;

  beforeAll(async () => {
    // The redirect URI registered on "dev.hh.ru" must name the headless server's port: pick one first.
    const port = await freePort();
    const redirectUri = `http://localhost:${port}/hh/callback`;
    fake = await startFakeHh({ now: Date.now(), clients: [{ ...DEFAULT_CLIENT, redirectUri }] });
    suite.afterSuite(fake.close);
    running = await suite.startServer({
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
  });

  it('signs in through hh.ru in a browser tab, shows the account and resumes, and signs out', () =>
    suite.withApp('hh-account', running, async (page) => {
      const context = page.context();
      await settings(page, 'Аккаунт hh.ru');
      const card = page.getByTestId('hh-account');
      await card.getByText('Вы не вошли в hh.ru.').waitFor();

      // hh.ru's pages open in a new tab; the user signs in and allows access there.
      const [hhTab] = await Promise.all([context.waitForEvent('page'), card.getByRole('button', { name: 'Войти в hh.ru' }).click()]);
      await card.getByTestId('hh-waiting').waitFor();
      const user = fake.signIn({ name: 'Анна Иванова', email: 'anna@example.ru' });
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
      await page.screenshot({ path: join(shots, 'hh-signed-in.png'), fullPage: true });

      // Settings → Profile: what letters read from the resume, and reading it again after a change on hh.ru.
      await settings(page, 'Профиль');
      const resumeCard = page.getByTestId('resume-card');
      await resumeCard.getByRole('button', { name: 'Показать, что видят письма' }).click();
      const content = resumeCard.getByTestId('resume-content');
      await content.getByRole('heading', { name: 'Опыт работы' }).waitFor();
      const chosen = await resumeCard.getByRole('radio', { checked: true }).evaluate((el) => (el.parentElement?.textContent ?? '').trim());
      const resume = user.resumes.find((r) => r.title === chosen)!;
      fake.updateResume(resume.id, { title: 'Ведущий разработчик Python', updatedAt: Date.now() + 60_000 });
      const reads = fake.counts['GET /resumes/{resume_id}'] ?? 0;
      await resumeCard.getByRole('button', { name: 'Обновить из hh.ru' }).click();
      await content.getByRole('heading', { name: 'Ведущий разработчик Python' }).waitFor();
      expect(fake.counts['GET /resumes/{resume_id}']).toBe(reads + 1);
      await resumeCard.getByRole('radio', { name: 'Ведущий разработчик Python' }).waitFor();
      await page.screenshot({ path: join(shots, 'settings-resume.png'), fullPage: true });
      await settings(page, 'Аккаунт hh.ru');

      await card.getByRole('button', { name: 'Выйти' }).click();
      await card.getByText('Вы не вошли в hh.ru.').waitFor();
      expect(await card.getByTestId('hh-resumes').count()).toBe(0);
      expect(fake.counts['DELETE /oauth/token']).toBe(1);
      expect(fake.violations).toEqual([]);
    }));
});

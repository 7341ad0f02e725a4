/**
 * The first run, as a new user meets it: the assistant opens by itself, signs in through the user's
 * hh.ru website session, lists the resumes to pick from, shows the contacts filled from the account,
 * offers the AI choice, and creates the first saved search; then it is not offered again.
 */
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { startFakeHhSite, type FakeHhSite } from '../fakes/hh-site/server';
import { describeInBrowser } from '../support/chromium';
import { ok } from '../support/contract';
import { shots } from '../support/e2e-paths';
import type { TestServer } from '../support/headless';
import { siteCoreOptions } from '../support/site-app';

describeInBrowser('the first-run assistant (headless core, fake hh.ru site, real browser)', (suite) => {
  let site: FakeHhSite;
  let running: TestServer;

  beforeAll(async () => {
    site = await startFakeHhSite({ vacancies: 6 });
    suite.afterSuite(site.close);
    running = await suite.startServer({
      core: {
        ...(await siteCoreOptions(site)),
      },
    });
  });

  it('walks a new user from sign-in to the first saved search, every step skippable, and is not offered again', async () => {
    await suite.withApp(
      'setup',
      running,
      async (page) => {
        const setup = page.getByTestId('setup');
        await setup.waitFor();
        expect(await setup.getAttribute('data-step')).toBe('signIn');
        await page.getByTestId('automation').getByText('создайте сохранённый поиск').waitFor();
        await page.screenshot({ path: join(shots, 'setup-1-ru.png'), fullPage: true });

        await setup.getByTestId('hh-account').getByRole('button', { name: 'Войти в hh.ru' }).click();
        await setup.getByTestId('hh-signed-in').waitFor();
        await setup.getByRole('button', { name: 'Далее' }).click();

        // The resumes of the account, the first one chosen until the user picks another.
        const resumes = setup.getByTestId('setup-resume');
        await resumes.getByRole('radio').first().waitFor();
        expect(await resumes.getByRole('radio').count()).toBe(2);
        await expect.poll(() => resumes.getByRole('radio').first().isChecked()).toBe(true);
        await resumes.getByRole('radio', { name: 'Python developer' }).check();
        await expect
          .poll(async () => ok<{ resumeHhId: string }>(await running.core.invoke('profile.resume', {})).resumeHhId)
          .toBe('100200301');
        await setup.getByRole('button', { name: 'Далее' }).click();

        // Contacts filled from the hh.ru account.
        const profile = setup.getByTestId('profile');
        await expect.poll(() => profile.getByLabel(/^Email/).inputValue()).toBe('anna@example.ru');
        await setup.getByRole('button', { name: 'Далее' }).click();

        await setup.getByTestId('ai-settings').waitFor();
        await setup.getByRole('button', { name: 'Пропустить' }).click();

        expect(await setup.getAttribute('data-step')).toBe('search');
        await setup
          .getByLabel(/^Название/)
          .first()
          .fill('Python в Москве');
        await setup
          .getByLabel(/^Ключевые слова/)
          .first()
          .fill('Python');
        await setup
          .getByRole('button', { name: /Сохранить/ })
          .first()
          .click();
        await setup.getByTestId('setup-search-done').getByText('Сохранено: «Python в Москве»').waitFor();
        await page.screenshot({ path: join(shots, 'setup-5-ru.png'), fullPage: true });
        await setup.getByRole('button', { name: 'Готово' }).click();
        await page.getByTestId('dashboard').waitFor();
        expect(ok<{ setupDone: boolean }>(await running.core.invoke('preferences.get', {})).setupDone).toBe(true);
      },
      { firstRun: true },
    );

    // Opened again, the app goes to its screens: the assistant was finished.
    await suite.withApp(
      'setup-again',
      running,
      async (page) => {
        await page.getByTestId('dashboard').waitFor();
        expect(await page.getByTestId('setup').count()).toBe(0);
      },
      { firstRun: true },
    );
  });
});

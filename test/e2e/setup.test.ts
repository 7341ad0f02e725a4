/**
 * The clean path a switcher walks, in Russian: the first-run assistant (sign in, resume, contacts
 * with a wrong phone fixed, no AI, a first search typed and finished with "Готово") to the first
 * sent letter. What the user sees is asserted at each step: nothing typed is lost, no English, no
 * box scrolling sideways, the top bar following each change without a reload. The clicks are
 * counted for the closing note (printed, never asserted as time).
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { startFakeHhSite, type FakeHhSite } from '../fakes/hh-site/server';
import { describeInBrowser } from '../support/chromium';
import { ok } from '../support/contract';
import { shots } from '../support/e2e-paths';
import type { TestServer } from '../support/headless';
import { sidewaysScrolls, untranslated, userData } from '../support/screen-checks';
import { siteCoreOptions } from '../support/site-app';

describeInBrowser(
  'the clean path: first-run assistant to the first sent letter (headless core, fake hh.ru site, real browser)',
  (suite) => {
    let site: FakeHhSite;
    let running: TestServer;

    beforeAll(async () => {
      site = await startFakeHhSite({ vacancies: 6 });
      suite.afterSuite(site.close);
      running = await suite.startServer({ core: { ...(await siteCoreOptions(site)), applyPacing: { minIntervalMs: 0 } } });
    });

    /** The screen as a Russian user sees it: no English, nothing scrolling sideways; a screenshot kept. */
    const looked = async (page: Page, name: string) => {
      expect(await untranslated(page, await userData(running.core, site)), `${name}: untranslated words`).toEqual([]);
      expect(await sidewaysScrolls(page), `${name}: boxes scrolling sideways`).toEqual([]);
      await page.screenshot({ path: join(shots, `clean-path-${name}.png`), fullPage: true });
    };

    it('walks a new user to the first sent letter in Russian, losing nothing typed', async () => {
      let clicks = 0;
      const started = Date.now();
      await suite.withApp(
        'clean-path',
        running,
        async (page) => {
          const click = async (target: ReturnType<Page['getByRole']>) => {
            clicks += 1;
            await target.click();
          };
          const setup = page.getByTestId('setup');
          await setup.waitFor();
          expect(await setup.getAttribute('data-step')).toBe('signIn');
          // A fresh start that is not signed in says so, not "nothing to do".
          await expect.poll(() => page.getByTestId('automation').getAttribute('data-reason')).toBe('not_signed_in');
          await looked(page, '1-sign-in');

          await click(setup.getByTestId('hh-account').getByRole('button', { name: 'Войти в hh.ru' }));
          await setup.getByTestId('hh-signed-in').waitFor();
          await click(setup.getByRole('button', { name: 'Далее' }));

          const resumes = setup.getByTestId('setup-resume');
          await resumes.getByRole('radio').first().waitFor();
          await click(resumes.getByRole('radio', { name: 'Python developer' }));
          await expect
            .poll(async () => ok<{ resumeHhId: string }>(await running.core.invoke('profile.resume', {})).resumeHhId)
            .toBe('100200301');
          await click(setup.getByRole('button', { name: 'Далее' }));

          // Contacts: filled from the account; a wrong phone is said in Russian at its field and keeps the step.
          const profile = setup.getByTestId('profile');
          await expect.poll(() => profile.getByLabel(/^Email/).inputValue()).toBe('anna@example.ru');
          await profile.getByLabel(/^Telegram/).fill('@anna_dev');
          await profile.getByLabel(/^Телефон/).fill('abc');
          await click(setup.getByRole('button', { name: 'Далее' }));
          await profile.getByText('Введите телефон в международном виде, например +7 912 345-67-89').waitFor();
          expect(await setup.getAttribute('data-step')).toBe('profile');
          await looked(page, '3-contacts-problem');
          await profile.getByLabel(/^Телефон/).fill('+7 912 345-67-89');
          await click(setup.getByRole('button', { name: 'Далее' }));
          await setup.getByTestId('ai-settings').waitFor();
          expect(ok<{ phone: string; telegram: string }>(await running.core.invoke('profile.get', {}))).toMatchObject({
            phone: '+7 912 345-67-89',
            telegram: '@anna_dev',
          });
          // Back to the contacts and forward again: what was typed is still there.
          await setup.getByRole('button', { name: 'Назад' }).click();
          expect(await profile.getByLabel(/^Телефон/).inputValue()).toBe('+7 912 345-67-89');
          await setup.getByRole('button', { name: 'Пропустить' }).click();

          await setup.getByTestId('ai-settings').waitFor();
          await click(setup.getByRole('button', { name: 'Пропустить' }));

          // The first search: typed and finished with "Готово", with no Save of its own.
          expect(await setup.getAttribute('data-step')).toBe('search');
          expect(await setup.getByRole('button', { name: 'Сохранить', exact: true }).count()).toBe(0);
          await setup.getByLabel(/^Ключевые слова/).fill('разработчик');
          await looked(page, '5-search');
          await click(setup.getByRole('button', { name: 'Готово' }));
          await page.getByTestId('dashboard').waitFor();
          const searches = ok<{ name: string; filters: { text: string } }[]>(await running.core.invoke('searches.list', {}));
          expect(searches).toMatchObject([{ name: 'разработчик', filters: { text: 'разработчик' } }]);
          // The top bar follows at once: there is something to do now (working, or quiet hours by the clock).
          await expect.poll(() => page.getByTestId('automation').getAttribute('data-reason')).toMatch(/^(running|quiet_hours)$/);
          await looked(page, '6-dashboard');

          // The search runs, a letter is written from the template and sent.
          await click(page.getByRole('navigation').getByRole('button', { name: 'Поиски' }));
          await click(page.getByRole('button', { name: 'Запустить сейчас' }).first());
          await page
            .getByText(/Готово: /)
            .first()
            .waitFor();
          // The run wrote the letters (Review): they wait in Letters, the first one open.
          await click(page.getByRole('navigation').getByRole('button', { name: 'Письма' }));
          const letter = page.getByTestId('letter');
          await letter.getByRole('textbox', { name: 'Сопроводительное письмо' }).waitFor();
          await looked(page, '7-letter');
          await click(letter.getByRole('button', { name: 'Отправить отклик' }));
          await letter.getByTestId('sent-at').waitFor();
          expect(site.applications).toHaveLength(1);
          await looked(page, '8-sent');
        },
        { firstRun: true },
      );
      // For the closing note: the path's length as a user walks it here.
      console.info(`clean path: ${clicks} clicks, ${Math.round((Date.now() - started) / 1000)} s with a machine's typing`);
    });
  },
);

/**
 * The Vacancies screen in the built renderer (headless core, fake hh.ru website, Chromium): the empty,
 * loading, error and filled states; a vacancy added by its link, shown in full with its description
 * sanitized (a hostile one from the fake hh.ru runs nothing); a letter written from there, with the
 * vacancy beside it; the keyboard; and 10,000 vacancies seeded through the repositories, measured
 * (numbers printed, only the DOM-node bound asserted). Screenshots in both languages at 1280x800 and
 * 900x700 land in test-results/.
 */
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { HOSTILE_DESCRIPTION_HTML } from '../fakes/hh-site/data';
import { startFakeHhSite, type FakeHhSite } from '../fakes/hh-site/server';
import { describeInBrowser, nav, switchLanguage } from '../support/chromium';
import { ok } from '../support/contract';
import { shots } from '../support/e2e-paths';
import type { TestServer } from '../support/headless';
import { siteCoreOptions } from '../support/site-app';
import { describeNumbers, measureVacanciesScreen, seedVacancies } from '../support/vacancies-perf';
import { patience } from '../support/wait';

const SEEDED = 10_000;

describeInBrowser(
  'the Vacancies screen: states, a vacancy by link, the sanitized description, the keyboard (headless core, fake hh.ru site, real browser)',
  (suite) => {
    let site: FakeHhSite;
    let running: TestServer;
    let page: Page;
    const dialogs: string[] = [];

    beforeAll(async () => {
      site = await startFakeHhSite({ vacancies: 0 });
      suite.afterSuite(site.close);
      running = await suite.startServer({
        core: {
          ...(await siteCoreOptions(site)),
          hhRetry: { retries: 0, baseDelayMs: 1, maxDelayMs: 1 },
        },
      });
      ok(await running.core.invoke('hh.signInWebsite', {}));
      ok(
        await running.core.invoke('profile.set', {
          name: 'Анна Иванова',
          telegram: '@anna_dev',
          email: 'anna@example.ru',
          phone: '',
          links: [],
        }),
      );
      page = await suite.openApp(running, {
        context: { viewport: { width: 1280, height: 800 } },
        beforeLoad: (p) => p.on('dialog', (d) => void dialogs.push(d.message())),
      });
      suite.afterSuite(() => page.context().close());
    });

    const shot = (name: string, part?: Locator) => (part ?? page).screenshot({ path: join(shots, `${name}.png`) });
    const language = async (lang: 'ru' | 'en') => {
      await switchLanguage(page, running.core, lang);
    };
    /** The same view in Russian and in English (then back to Russian). */
    const shotBoth = async (name: string, ready: (lang: 'ru' | 'en') => Promise<unknown>) => {
      await ready('ru');
      await shot(`${name}-ru`);
      await language('en');
      await ready('en');
      await shot(`${name}-en`);
      await language('ru');
      await ready('ru');
    };
    const grid = () => page.getByRole('grid', { name: 'Вакансии: стрелки выбирают, Enter открывает' });
    const detail = () => page.getByTestId('vacancy-detail');

    it('empty: says how vacancies arrive and takes a link; a link that is not a vacancy is refused in Russian', async () => {
      await nav(page, 'Вакансии');
      const empty = page.getByRole('region', { name: 'Вакансий пока нет' });
      await empty.getByRole('heading', { name: 'Вакансий пока нет' }).waitFor();
      const link = empty.getByRole('textbox', { name: 'Вакансия по ссылке или номеру' });
      await shotBoth('vacancies-empty', (lang) =>
        page.getByRole('heading', { name: lang === 'en' ? 'No vacancies yet' : 'Вакансий пока нет' }).waitFor(),
      );

      await link.fill('https://example.com/jobs/1');
      await empty.getByRole('button', { name: 'Открыть вакансию' }).click();
      const refusal = empty.getByRole('alert');
      await refusal.getByText('«https://example.com/jobs/1» — это не ссылка на вакансию hh.ru и не её номер.', { exact: false }).waitFor();
      expect(await link.getAttribute('aria-invalid')).toBe('true');
      // Said beside the field, not in the app's error banner.
      expect(await page.locator('.banner--error').count()).toBe(0);
    });

    it('a vacancy added by its link opens in full: facts, flags, and the description sanitized, running nothing', async () => {
      const hostile = site.addVacancy({
        name: 'Python-разработчик (платформа данных)',
        employerId: '7009',
        employerName: 'ООО Ловушка',
        areaId: '1',
        areaName: 'Москва',
        salaryFrom: 200_000,
        salaryTo: 300_000,
        hasTest: true,
        letterRequired: true,
        archived: false,
        responseUrl: null,
        keySkills: ['Python', 'Django'],
        descriptionHtml: HOSTILE_DESCRIPTION_HTML,
      });
      const empty = page.getByRole('region', { name: 'Вакансий пока нет' });
      await empty.getByRole('textbox', { name: 'Вакансия по ссылке или номеру' }).fill(`https://hh.ru/vacancy/${hostile.id}?from=share`);
      await empty.getByRole('button', { name: 'Открыть вакансию' }).click();

      const pane = detail();
      await pane.getByRole('heading', { name: 'Python-разработчик (платформа данных)' }).waitFor();
      // Ready to write: the keyboard is on "Написать письмо".
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent), patience).toBe('Написать письмо');
      // It is in the list too, selected.
      await grid()
        .getByRole('row', { name: /Python-разработчик \(платформа данных\)/ })
        .and(page.locator('[aria-selected="true"]'))
        .waitFor();

      const description = pane.getByTestId('vacancy-description');
      await description.getByText('Условия: ДМС и гибкий график.').waitFor();
      expect(await description.textContent()).toContain('Python');
      expect(await pane.getByTestId('vacancy-flags').textContent()).toMatch(/Есть тест работодателя.*Письмо обязательно/);
      expect(await pane.textContent()).toMatch(/200\s000\s₽ – 300\s000\s₽/);
      // Nothing that runs or leaves the page is in the DOM; the one real link opens outside the app.
      for (const selector of [
        'script',
        'iframe',
        'img',
        'svg',
        'form',
        'input',
        'style',
        '[onerror]',
        '[onclick]',
        '[onmouseover]',
        '[style]',
        'a[href^="javascript"]',
      ]) {
        expect(await description.locator(selector).count(), selector).toBe(0);
      }
      const employerLink = description.getByRole('link', { name: 'Страница работодателя' });
      expect(await employerLink.getAttribute('href')).toBe('https://hh.ru/employer/7009');
      expect(await employerLink.getAttribute('target')).toBe('_blank');
      expect(await employerLink.getAttribute('rel')).toBe('noopener noreferrer');
      expect(await description.getByText('Ссылка-ловушка').getAttribute('href')).toBeNull();
      await description.getByText('Ссылка-ловушка').click();
      await description.getByText('Условия: ДМС и гибкий график.').click();
      await employerLink.hover();
      // …and nothing ran, in this page or as a dialog.
      expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
      expect(dialogs).toEqual([]);
      expect(await page.locator('body').isVisible()).toBe(true);

      await shotBoth('vacancies-detail-added-1280', (lang) =>
        pane.getByRole('heading', { name: lang === 'en' ? 'Description' : 'Описание' }).waitFor(),
      );
    });

    it('writes a letter from the detail; the letter shows the vacancy beside it, sanitized and collapsible', async () => {
      await detail().getByRole('button', { name: 'Написать письмо' }).click();
      const letter = page.getByTestId('letter');
      await letter.getByRole('heading', { name: 'Python-разработчик (платформа данных)' }).waitFor();
      const beside = letter.getByTestId('letter-vacancy');
      const description = beside.getByTestId('vacancy-description');
      await description.getByText('Условия: ДМС и гибкий график.').waitFor();
      expect(await description.locator('script, img, iframe, form, [onerror], [onclick], [style]').count()).toBe(0);
      expect(await beside.textContent()).toContain('ООО Ловушка');
      await beside.scrollIntoViewIfNeeded();
      await shotBoth('letter-with-vacancy-1280', (lang) =>
        beside.getByRole('heading', { name: lang === 'en' ? 'Vacancy' : 'Вакансия' }).waitFor(),
      );

      await beside.getByRole('button', { name: 'Свернуть' }).click();
      await description.waitFor({ state: 'hidden' });
      expect(await beside.getByRole('button', { name: 'Показать вакансию' }).getAttribute('aria-expanded')).toBe('false');
      await beside.getByRole('button', { name: 'Показать вакансию' }).click();
      await description.waitFor();
      expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    });

    it('loading, then an error with a retry that works', async () => {
      // Four more vacancies, read from hh.ru as "by link" does.
      for (const name of ['Go-разработчик', 'Frontend-разработчик (React)', 'QA-инженер', 'Аналитик данных']) {
        const vacancy = site.addVacancy({ name, descriptionHtml: `<p>${name}: описание.</p>` });
        ok(await running.core.invoke('vacancies.add', { link: vacancy.id }));
      }
      await nav(page, 'Письма');
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route('**/api/invoke/vacancies.list', async (route) => {
        await held;
        await route.continue();
      });
      await nav(page, 'Вакансии');
      await page.getByTestId('vacancies-loading').getByText('Загрузка…').waitFor();
      release();
      await grid().waitFor();
      await expect.poll(() => page.getByTestId('vacancy').count(), patience).toBe(5);
      await page.unroute('**/api/invoke/vacancies.list');

      // The core does not answer: the screen says so and offers to try again.
      await nav(page, 'Письма');
      await page.route('**/api/invoke/vacancies.list', (route) => route.abort());
      await nav(page, 'Вакансии');
      const failure = page.getByTestId('vacancies-error');
      await failure.getByText('Не удалось загрузить вакансии').waitFor();
      expect(await failure.textContent()).toContain('Внутренняя ошибка приложения');
      await shotBoth('vacancies-error', (lang) =>
        failure.getByRole('button', { name: lang === 'en' ? 'Try again' : 'Повторить' }).waitFor(),
      );
      await page.unroute('**/api/invoke/vacancies.list');
      await failure.getByRole('button', { name: 'Повторить' }).click();
      await expect.poll(() => page.getByTestId('vacancy').count(), patience).toBe(5);
      // The chips count what the core keeps.
      await page
        .getByRole('group', { name: 'Фильтр по статусу' })
        .getByRole('button', { name: /^Все\s+5$/ })
        .waitFor();
    });

    it('the keyboard: arrows select, Enter opens, Escape returns to the row, Tab reaches the row’s actions', async () => {
      const rows = page.getByTestId('vacancy');
      const titles = await rows.locator('.work-title').allTextContents();
      const focused = () =>
        page.evaluate(() => ({
          index: document.activeElement?.getAttribute('aria-rowindex'),
          visible: document.activeElement?.matches(':focus-visible'),
        }));
      // Tab from the last status chip reaches "select all shown", then the list: its first row, which becomes the selected one.
      await page
        .getByRole('group', { name: 'Фильтр по статусу' })
        .getByRole('button', { name: /^Скрыта/ })
        .focus();
      await page.keyboard.press('Tab');
      expect(
        await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.parentElement?.textContent),
      ).toBe('Выбрать все показанные');
      await page.keyboard.press('Tab');
      await expect.poll(focused, patience).toEqual({ index: '2', visible: true });
      expect(await rows.first().getAttribute('aria-selected')).toBe('true');
      await rows.first().click();
      await detail().getByRole('heading', { name: titles[0] }).waitFor();

      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await expect.poll(focused, patience).toEqual({ index: '4', visible: true });
      expect(await rows.nth(2).getAttribute('aria-selected')).toBe('true');
      expect(await rows.nth(0).getAttribute('aria-selected')).toBe('false');
      // Arrowing does not open: the pane still shows the first one until Enter.
      await detail().getByRole('heading', { name: titles[0] }).waitFor();
      expect(await rows.nth(2).evaluate((row) => getComputedStyle(row).outlineStyle)).toBe('solid');

      await page.keyboard.press('Enter');
      const heading = detail().getByRole('heading', { name: titles[2] });
      await heading.waitFor();
      await expect.poll(() => heading.evaluate((h) => h === document.activeElement), patience).toBe(true);
      await page.keyboard.press('Escape');
      await detail().waitFor({ state: 'detached' });
      await expect.poll(focused, patience).toEqual({ index: '4', visible: true });

      await page.keyboard.press('End');
      await expect.poll(focused, patience).toMatchObject({ index: '6' });
      await page.keyboard.press('Home');
      await expect.poll(focused, patience).toMatchObject({ index: '2' });
      // The row's checkbox first (it ticks the row for actions on many), then its buttons.
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('checkbox');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Написать письмо');
      expect(await rows.first().getByRole('link', { name: 'Открыть на hh.ru' }).getAttribute('target')).toBe('_blank');
    });

    it(
      `filled with ${SEEDED.toLocaleString('en')} vacancies: windowed and paged as it scrolls; the numbers`,
      { timeout: 300_000 },
      async () => {
        await seedVacancies(running.core, SEEDED);
        await nav(page, 'Письма');
        await page.reload();
        await page.getByRole('navigation').getByRole('button', { name: 'Письма' }).waitFor();
        const queryTotal = ok<{ total: number }>(await running.core.invoke('vacancies.list', { query: 'android', limit: 1 })).total;
        const numbers = await measureVacanciesScreen(page, { vacancies: SEEDED, rows: 1_050, query: 'android', queryTotal });
        console.log(
          `\nVacancies screen, ${SEEDED} vacancies (Chromium, headless):\n${describeNumbers(numbers)
            .map(([name, value]) => `  ${name}: ${value}`)
            .join('\n')}`,
        );

        // The bound from the issue: after scrolling through 1,050 rows the document stays small.
        expect(numbers.domNodes).toBeLessThan(1_500);
        expect(numbers.rowsMounted).toBeLessThan(80);
        // The search's answer is the core's: its total, and its rows.
        const asked = ok<{ total: number; items: { title: string }[] }>(
          await running.core.invoke('vacancies.list', { query: 'android', limit: 5 }),
        );
        await page.getByText(`Показано ${Math.min(100, asked.total)} из ${asked.total}`).waitFor();
        expect(await page.getByTestId('vacancy').first().locator('.work-title').textContent()).toBe(asked.items[0]!.title);
        // Each chip's total is the core's count.
        const counts = ok<{ total: number; byStatus: Record<string, number> }>(await running.core.invoke('vacancies.counts', {}));
        const chips = page.getByRole('group', { name: 'Фильтр по статусу' });
        // The chip reads "Найдена 6 030": label and count apart, the count grouped as in Russian.
        await chips.getByRole('button', { name: new RegExp(`^Найдена\\s+${[...String(counts.byStatus.found)].join('\\s*')}$`) }).waitFor();
        // A chip and the search together: only what has that status and matches.
        await chips.getByRole('button', { name: /^Отказ/ }).click();
        const rejected = ok<{ total: number }>(await running.core.invoke('vacancies.list', { query: 'android', statuses: ['rejected'] }));
        await page.getByText(`из ${rejected.total}`, { exact: false }).waitFor();
        await chips.getByRole('button', { name: /^Все/ }).click();
      },
    );

    it('screenshots: the list and the open vacancy at 1280x800 and 900x700, both languages; no sideways scroll', async () => {
      const box = page.getByRole('searchbox', { name: 'Поиск по вакансиям' });
      await box.fill('');
      await page.getByText(/Показано 100 из 10\s?005/).waitFor();
      await page.evaluate(() => window.scrollTo(0, 0));
      const longRow = page.getByTestId('vacancy').filter({ hasText: 'удалённо или гибрид' }).first();
      // A long title is clamped to two lines.
      const title = longRow.locator('.work-title');
      const lines = await title.evaluate((el) =>
        Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight)),
      );
      expect(lines).toBeLessThanOrEqual(2);

      for (const [width, height] of [
        [1280, 800],
        [900, 700],
      ] as const) {
        await page.setViewportSize({ width, height });
        await shotBoth(`vacancies-list-${width}`, (lang) =>
          page.getByRole('searchbox', { name: lang === 'en' ? 'Search vacancies' : 'Поиск по вакансиям' }).waitFor(),
        );
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        // Rows are table rows on the wide window and cards on the narrow one.
        expect(await page.getByRole('columnheader', { name: 'Вакансия' }).isVisible()).toBe(width === 1280);
        await longRow.click();
        await detail().getByTestId('vacancy-description').waitFor();
        await shotBoth(`vacancies-detail-${width}`, (lang) =>
          detail()
            .getByRole('heading', { name: lang === 'en' ? 'Description' : 'Описание' })
            .waitFor(),
        );
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        await detail().getByRole('button', { name: 'Закрыть' }).click();
        await detail().waitFor({ state: 'detached' });
      }

      // At 900 px the filter row and the bar of ticked rows wrap; nothing scrolls sideways. So does the blacklist.
      const filtersButton = page.getByRole('button', { name: /^Фильтры/ });
      await filtersButton.click();
      await page.getByRole('form', { name: 'Фильтры списка' }).waitFor();
      await longRow.getByRole('checkbox').check();
      await shotBoth('vacancies-filters-900', (lang) =>
        page.getByRole('form', { name: lang === 'en' ? 'List filters' : 'Фильтры списка' }).waitFor(),
      );
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(900);
      const rights = await page
        .getByRole('form', { name: 'Фильтры списка' })
        .locator('input, select, button')
        .evaluateAll((controls) => controls.map((el) => el.getBoundingClientRect().right));
      expect(rights.length).toBeGreaterThanOrEqual(9);
      expect(Math.max(...rights)).toBeLessThanOrEqual(900);
      await page.getByText('Выбрано: 1').waitFor();
      await longRow.getByRole('checkbox').uncheck();
      await filtersButton.click();
      await page.getByRole('button', { name: 'Чёрный список' }).click();
      await shotBoth('vacancies-blacklist-900', (lang) =>
        page.getByRole('region', { name: lang === 'en' ? 'Employer blacklist' : 'Чёрный список работодателей' }).waitFor(),
      );
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(900);
      await page.getByRole('button', { name: 'К вакансиям' }).click();
      await grid().waitFor();
      expect(await page.locator('.banner--error').count()).toBe(0);
    });
  },
);

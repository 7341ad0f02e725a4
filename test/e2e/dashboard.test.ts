/**
 * The dashboard after real work: a search in autopilot sends within the cap, an employer invites, a
 * person writes. The numbers, the funnel and the chart, the daily limit, what needs the user and the
 * activity in words, in Russian and English, at 1280x800 and 900x700 (screenshots kept).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { startFakeHhSite, type FakeHhSite } from '../fakes/hh-site/server';
import { describeInBrowser, nav, switchLanguage } from '../support/chromium';
import { ok } from '../support/contract';
import { shots } from '../support/e2e-paths';
import type { TestServer } from '../support/headless';
import { siteCoreOptions } from '../support/site-app';
import { movableClock } from '../support/hh';

describeInBrowser('the dashboard (headless core, fake hh.ru site, real browser)', (suite) => {
  let site: FakeHhSite;
  let running: TestServer;
  let page: Page;
  const clock = movableClock(new Date(2026, 10, 27, 10, 0).getTime());

  beforeAll(async () => {
    site = await startFakeHhSite({ vacancies: 24 });
    suite.afterSuite(site.close);
    running = await suite.startServer({
      core: {
        clock,
        ...(await siteCoreOptions(site)),
        applyPacing: { minIntervalMs: 0 },
      },
    });
    const { core } = running;
    ok(await core.invoke('hh.signInWebsite', {}));
    ok(await core.invoke('profile.set', { name: 'Анна Иванова', telegram: '@anna_dev', email: 'anna@example.ru', phone: '', links: [] }));
    ok(await core.invoke('applying.setSettings', { dailyCap: 3 }));
    ok(
      await core.invoke('searches.save', { search: { name: 'Python', filters: { text: 'Python' }, intervalHours: 4, mode: 'autopilot' } }),
    );
    await core.automation.scheduler.tick();
    // An hour later the employers answer; the sync brings it in.
    clock.advance(3_600_000);
    const [invited, , wrote] = site.applications;
    site.updateTopic(invited!.topicId, { state: 'INVITATION' });
    site.employerMessage(wrote!.chatId, 'Добрый день! Расскажите, пожалуйста, о вашем последнем проекте.');
    await core.automation.scheduler.tick();
    page = await suite.openApp(running);
    suite.afterSuite(() => page.context().close());
  });

  const language = async (lang: 'ru' | 'en') => {
    await switchLanguage(page, running.core, lang);
  };

  it("shows the period's numbers, the funnel and the chart, the limit, what needs the user and the activity in words", async () => {
    await nav(page, 'Обзор');
    const dashboard = page.getByTestId('dashboard');
    await dashboard.waitFor();
    await expect.poll(() => dashboard.getByTestId('total-sent').locator('strong').textContent()).toBe('3');
    expect(await dashboard.getByTestId('total-invited').locator('strong').textContent()).toBe('1');
    expect(await dashboard.getByTestId('funnel').locator('svg .recharts-bar-rectangle').count()).toBeGreaterThan(0);
    expect(await dashboard.getByTestId('per-day').locator('svg').count()).toBeGreaterThan(0);
    await dashboard.getByTestId('cap').getByText('3 из 3 за последние 24 часа').waitFor();
    await dashboard.getByTestId('needs-you').getByText('Непрочитанные чаты: 1').waitFor();
    await dashboard
      .getByTestId('activity')
      .getByText(/Отклик отправлен · вакансия «/)
      .first()
      .waitFor();
    await dashboard.getByTestId('rates').getByRole('cell', { name: 'Встроенный шаблон' }).waitFor();
    await dashboard.getByTestId('rates').getByRole('cell', { name: 'Python' }).waitFor();
    // No internal codes on a Russian screen.
    expect(await dashboard.innerText()).not.toMatch(/application\.sent|hh\.chats\.read|search:\d/);

    for (const [width, height] of [
      [1280, 800],
      [900, 700],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.screenshot({ path: join(shots, `dashboard-${width}-ru.png`), fullPage: true });
      // Nothing wider than the window.
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    }
    await language('en');
    await dashboard.getByTestId('cap').getByText('3 of 3 in the last 24 hours').waitFor();
    await dashboard.getByText('Which letters work').waitFor();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: join(shots, 'dashboard-1280-en.png'), fullPage: true });
    await language('ru');
  });

  it('every screen passes an axe-core check with no serious or critical violations', async () => {
    // Evaluated through the debugger, not a <script>: the app's CSP rightly refuses inline scripts.
    const axe = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    const found: string[] = [];
    for (const screen of ['Обзор', 'Вакансии', 'Письма', 'Чаты', 'Поиски', 'Шаблоны', 'Резюме', 'Настройки']) {
      await nav(page, screen);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.evaluate(axe);
      const violations = await page.evaluate(async () => {
        type Violation = { id: string; impact: string | null; nodes: { target: string[] }[] };
        const result = await (window as unknown as { axe: { run(): Promise<{ violations: Violation[] }> } }).axe.run();
        return result.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id}: ${v.nodes.map((node) => node.target.join(' ')).join(', ')}`);
      });
      found.push(...violations.map((v) => `${screen}: ${v}`));
    }
    expect(found).toEqual([]);
  });

  it('every screen at 1280x800 and 900x700, in Russian: screenshots kept, nothing wider than the window', async () => {
    const screens = {
      dashboard: 'Обзор',
      vacancies: 'Вакансии',
      letters: 'Письма',
      chats: 'Чаты',
      searches: 'Поиски',
      templates: 'Шаблоны',
      resume: 'Резюме',
      settings: 'Настройки',
    };
    const wide: string[] = [];
    for (const [width, height] of [
      [1280, 800],
      [900, 700],
    ] as const) {
      await page.setViewportSize({ width, height });
      for (const [name, label] of Object.entries(screens)) {
        await nav(page, label);
        await page.getByRole('main').getByRole('heading', { level: 1 }).first().waitFor();
        await expect.poll(() => page.getByText('Загрузка…', { exact: true }).count()).toBe(0);
        await page.screenshot({ path: join(shots, `screen-${name}-${width}.png`), fullPage: true });
        if (!(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth))) wide.push(`${name} at ${width}`);
      }
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(wide).toEqual([]);
  });

  it('the sidebar counts unread chats and moves with the arrows, and Ctrl+K goes to the vacancy search from anywhere', async () => {
    await nav(page, 'Обзор');
    expect(await page.getByTestId('unread-badge').textContent()).toBe('1');
    // Arrows move through the sidebar.
    await page.getByRole('navigation').getByRole('button', { name: 'Обзор' }).focus();
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('title'))).toBe('Вакансии');
    await page.keyboard.press('End');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('title'))).toBe('Настройки');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('title'))).toBe('Обзор');
    await page.keyboard.press('Control+K');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('vacancy-search');
    // Reading the chat clears the count.
    await nav(page, 'Чаты');
    await page
      .getByTestId('chats')
      .getByRole('button')
      .filter({ hasText: /Добрый день/ })
      .first()
      .click();
    await page.getByTestId('conversation').waitFor();
    await nav(page, 'Обзор');
    await expect.poll(() => page.getByTestId('unread-badge').count()).toBe(0);
  });

  it('switching the period changes the numbers: "Today" after midnight has none of yesterday\'s applications', async () => {
    await nav(page, 'Обзор');
    const dashboard = page.getByTestId('dashboard');
    clock.advance(24 * 3_600_000);
    await dashboard.getByRole('radio', { name: 'Сегодня' }).click();
    await expect.poll(() => dashboard.getByTestId('total-sent').locator('strong').textContent()).toBe('0');
    await dashboard.getByRole('radio', { name: '7 дней' }).click();
    await expect.poll(() => dashboard.getByTestId('total-sent').locator('strong').textContent()).toBe('3');
  });
});

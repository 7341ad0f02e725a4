import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { describeInBrowser, settings } from '../support/chromium';
import { shots } from '../support/e2e-paths';
import type { TestServer } from '../support/headless';

describeInBrowser('app shell in a real browser (headless core)', (suite) => {
  let page: Page;
  let running: TestServer;

  beforeAll(async () => {
    running = await suite.startServer();
    const problems: string[] = [];
    page = await suite.openApp(running, {
      context: { viewport: { width: 1280, height: 800 }, locale: 'ru-RU' },
      beforeLoad: (opening) => {
        opening.on('pageerror', (err) => problems.push(err.message));
        opening.on('console', (msg) => {
          if (msg.type() === 'error') problems.push(msg.text());
        });
      },
    });
    expect(problems).toEqual([]);
  });

  it('renders in Russian with every section in the navigation', async () => {
    for (const label of ['Обзор', 'Вакансии', 'Письма', 'Чаты', 'Поиски', 'Шаблоны', 'Настройки']) {
      await expect(page.getByRole('button', { name: label }).isVisible()).resolves.toBe(true);
    }
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');
    // The token left the address bar once it was read.
    expect(page.url()).not.toContain('token=');
  });

  it('navigates to each section and shows its empty state', async () => {
    const expectations: [string, string][] = [
      ['Вакансии', 'Вакансий пока нет'],
      ['Письма', 'Черновиков писем нет'],
      ['Чаты', 'Сообщений нет'],
      ['Поиски', 'Сохранённых поисков нет'],
      ['Обзор', 'Пока здесь пусто'],
    ];
    for (const [nav, empty] of expectations) {
      await page.getByRole('button', { name: nav }).click();
      await page.getByRole('heading', { name: empty }).waitFor();
      expect(await page.getByRole('button', { name: nav }).getAttribute('aria-current')).toBe('page');
    }
  });

  it('pauses and resumes the automation through the contract', async () => {
    await page.getByRole('button', { name: 'Приостановить' }).click();
    await page.getByText('Автоматизация на паузе').waitFor();
    expect(await running.core.invoke('automation.get', {})).toMatchObject({ ok: true, value: { paused: true } });

    // A change made elsewhere (the tray, in the desktop app) reaches the page as an event. Not signed
    // in to hh.ru, the engine applies to nothing, and the top bar says so rather than "working".
    running.core.pause.setPaused(false);
    await page.getByText('Вы не вошли в hh.ru: отклики не отправляются').waitFor();
    await page.getByTestId('automation').getByText('войдите в Настройках → Аккаунт hh.ru').waitFor();
    await page.getByRole('button', { name: 'Приостановить' }).waitFor();
  });

  it('switches to English and keeps it', async () => {
    await settings(page, 'Интерфейс');
    await page.getByText('English').click();
    await page.getByRole('button', { name: 'Settings' }).waitFor();
    await page.getByRole('heading', { name: 'Interface language' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await running.core.invoke('preferences.get', {})).toMatchObject({ value: { language: 'en' } });

    await page.getByRole('tab', { name: 'About', exact: true }).click();
    await page.getByText('For developers').click();
    await page.getByRole('button', { name: 'Check connection' }).click();
    await page.getByTestId('pong').waitFor();

    await page.screenshot({ path: join(shots, 'shell-settings-en.png'), fullPage: true });

    // The choice is kept by the core, so a reload comes back in English.
    await page.reload();
    await settings(page, 'Interface');
    await page.getByText('Русский').click();
    await page.getByRole('button', { name: 'Настройки' }).waitFor();
    await page.getByRole('button', { name: 'Обзор' }).click();
    await page.screenshot({ path: join(shots, 'shell-dashboard-ru.png'), fullPage: true });
  });
});

import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumOrSkipReason, launchChromium } from '../support/chromium';
import { startTestServer } from '../support/headless';
import { requireBuiltRenderer, root, uiDir } from '../support/e2e-paths';

const artifacts = join(root, 'test-results');
const chromium = chromiumOrSkipReason();

describe.skipIf('skip' in chromium)('app shell in a real browser (headless core)', () => {
  let browser: Browser;
  let page: Page;
  let running: Awaited<ReturnType<typeof startTestServer>>;

  beforeAll(async () => {
    requireBuiltRenderer();
    running = await startTestServer({ uiDir });
    browser = await launchChromium((chromium as { path: string }).path);
    page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'ru-RU' });
    const problems: string[] = [];
    page.on('pageerror', (err) => problems.push(err.message));
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(msg.text());
    });
    await page.goto(running.server.uiUrl);
    await page.getByRole('button', { name: 'Обзор' }).waitFor();
    expect(problems).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  it('renders in Russian with every section in the navigation', async () => {
    for (const label of ['Обзор', 'Вакансии', 'Письма', 'Чаты', 'Поиски', 'Настройки']) {
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

    // A change made elsewhere (the tray, in the desktop app) reaches the page as an event.
    running.core.automation.setPaused(false);
    await page.getByText('Автоматизация работает').waitFor();
    await page.getByRole('button', { name: 'Приостановить' }).waitFor();
  });

  it('switches to English and keeps it', async () => {
    await page.getByRole('button', { name: 'Настройки' }).click();
    await page.getByText('English').click();
    await page.getByRole('button', { name: 'Settings' }).waitFor();
    await page.getByRole('heading', { name: 'Interface language' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await running.core.invoke('preferences.get', {})).toMatchObject({ value: { language: 'en' } });

    await page.getByRole('button', { name: 'Check connection' }).click();
    await page.getByTestId('pong').waitFor();

    await mkdir(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, 'shell-settings-en.png'), fullPage: true });

    // The choice is kept by the core, so a reload comes back in English.
    await page.reload();
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByText('Русский').click();
    await page.getByRole('button', { name: 'Настройки' }).waitFor();
    await page.getByRole('button', { name: 'Обзор' }).click();
    await page.screenshot({ path: join(artifacts, 'shell-dashboard-ru.png'), fullPage: true });
  });
});

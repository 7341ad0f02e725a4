/**
 * A fresh install before anything was set up: every list screen is empty, each with its own drawing
 * and the step that fills it, at 1280x800 and 900x700 (screenshots kept).
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { startFakeHhSite, type FakeHhSite } from '../fakes/hh-site/server';
import { describeInBrowser, nav } from '../support/chromium';
import { shots } from '../support/e2e-paths';
import type { TestServer } from '../support/headless';
import { siteCoreOptions } from '../support/site-app';

describeInBrowser('empty screens on a fresh install (headless core, fake hh.ru site, real browser)', (suite) => {
  let site: FakeHhSite;
  let running: TestServer;
  let page: Page;

  beforeAll(async () => {
    site = await startFakeHhSite({ vacancies: 0 });
    suite.afterSuite(site.close);
    running = await suite.startServer({ core: await siteCoreOptions(site) });
    page = await suite.openApp(running);
    suite.afterSuite(() => page.context().close());
  });

  it('each empty screen has its own drawing, says why it is empty and offers the next step', async () => {
    const screens = [
      { nav: 'Обзор', art: 'dashboard', title: 'Пока здесь пусто', action: 'Пошаговый помощник' },
      { nav: 'Вакансии', art: 'vacancies', title: 'Вакансий пока нет', action: 'К сохранённым поискам' },
      { nav: 'Письма', art: 'letters', title: 'Черновиков писем нет', action: 'К вакансиям' },
      { nav: 'Чаты', art: 'chats', title: 'Сообщений нет', action: null },
      { nav: 'Поиски', art: 'searches', title: 'Сохранённых поисков нет', action: 'Новый поиск' },
      { nav: 'Резюме', art: 'builder', title: 'Интервью пока нет', action: 'Новое интервью' },
    ];
    const seen = new Set<string>();
    for (const [width, height] of [
      [1280, 800],
      [900, 700],
    ] as const) {
      await page.setViewportSize({ width, height });
      for (const screen of screens) {
        await nav(page, screen.nav);
        const empty = page.getByRole('region', { name: screen.title });
        await empty.waitFor();
        const art = await empty.locator('svg.empty__art').getAttribute('data-art');
        expect(art).toBe(screen.art);
        seen.add(art!);
        if (screen.action) await empty.getByRole('button', { name: screen.action }).waitFor();
        await page.screenshot({ path: join(shots, `empty-${screen.art}-${width}.png`), fullPage: true });
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      }
    }
    expect(seen.size).toBe(screens.length);
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});

/**
 * Settings' newer sections in a real browser at 1280x800 and 900x700: the pace of the automation
 * (saved and read back), and About with support (the logs folder, a report) and updates (the browser
 * mode says it has none, with no buttons that would do nothing). Screenshots kept.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { startFakeHhSite, type FakeHhSite } from '../fakes/hh-site/server';
import { describeInBrowser, settings } from '../support/chromium';
import { shots } from '../support/e2e-paths';
import type { TestServer } from '../support/headless';
import { siteCoreOptions } from '../support/site-app';

describeInBrowser('Settings: pace, support and updates (headless core, real browser)', (suite) => {
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

  const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

  it('Automation → Pace: a value out of range is refused in Russian beside its field; a good one is saved and read back', async () => {
    await settings(page, 'Автоматизация');
    const pace = page.getByTestId('pacing');
    const perRun = pace.getByRole('textbox', { name: 'Вакансий за запуск' });
    expect(await perRun.inputValue()).toBe('20');
    await perRun.fill('500');
    await pace.getByRole('button', { name: 'Сохранить темп' }).click();
    await expect.poll(() => pace.getByRole('alert').textContent()).toBe('Целое число от 1 до 200');
    await perRun.fill('7');
    await pace.getByRole('button', { name: 'Сохранить темп' }).click();
    await pace.getByTestId('pacing-saved').waitFor();
    expect(await running.core.invoke('applying.status', {})).toMatchObject({ ok: true, value: { settings: { perRunCap: 7 } } });
    for (const [width, height] of [
      [1280, 800],
      [900, 700],
    ] as const) {
      await page.setViewportSize({ width, height });
      await pace.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(shots, `settings-automation-${width}.png`), fullPage: true });
      expect(await fits()).toBe(true);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it("About: the logs folder is named (a server cannot open it on the user's screen), the report downloads; updates say the browser mode has none", async () => {
    await settings(page, 'О приложении');
    const support = page.getByRole('region', { name: 'О приложении' });
    await support.getByRole('button', { name: 'Открыть папку с журналами' }).click();
    await expect
      .poll(() => support.getByRole('status').textContent())
      .toMatch(/не может открыть папку на вашем экране\. Журналы лежат на сервере в папке .+logs/);
    const download = page.waitForEvent('download');
    await support.getByRole('button', { name: 'Сохранить отчёт для поддержки' }).click();
    expect((await download).suggestedFilename()).toMatch(/\.zip$/);
    const updates = page.getByRole('region', { name: 'Обновления' });
    await updates.waitFor();
    expect(await updates.getByRole('button').count()).toBe(0);
    for (const [width, height] of [
      [1280, 800],
      [900, 700],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.screenshot({ path: join(shots, `settings-about-${width}.png`), fullPage: true });
      expect(await fits()).toBe(true);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});

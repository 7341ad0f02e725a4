import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAesCipher } from '../../main/core/secrets';
import { chromiumOrSkipReason, launchChromium } from '../support/chromium';
import { startTestCore } from '../support/core';
import { startTestServer } from '../support/headless';
import { patience } from '../support/wait';
import { requireBuiltRenderer, root, uiDir } from '../support/e2e-paths';

const chromium = chromiumOrSkipReason();

describe.skipIf('skip' in chromium)('storage as the user sees it (headless core, real browser)', () => {
  let browser: Browser;
  let dataDir: string;

  beforeAll(async () => {
    requireBuiltRenderer();
    browser = await launchChromium((chromium as { path: string }).path);
    dataDir = await mkdtemp(join(tmpdir(), 'aaa-e2e-storage-'));
  });

  afterAll(async () => {
    await browser?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const openApp = async (url: string): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    await page.goto(url);
    await page.getByRole('button', { name: 'Обзор' }).waitFor();
    return page;
  };

  it('says which backup it opened when the data file was damaged, and the notice can be dismissed', async () => {
    // Two starts: the second makes the first backup. Then the file is damaged.
    for (let n = 0; n < 2; n += 1) {
      const run = await startTestCore({ dataDir });
      await run.core.repositories.auditLog.append({ action: 'hh.resumes.read', target: 'resumes', outcome: 'ok', details: '' });
      await run.close();
    }
    await writeFile(join(dataDir, 'app.sqlite'), 'damaged bytes');

    const running = await startTestServer({ uiDir, core: { dataDir } });
    try {
      const page = await openApp(running.server.uiUrl);
      const notice = page.getByTestId('notice-database_restored');
      await notice.waitFor();
      expect(await notice.textContent()).toContain('резервная копия');
      await page.getByRole('button', { name: 'Настройки' }).click();
      // The restored data is there: the activity log shows the entry from before the damage.
      await page.getByRole('cell', { name: 'hh.resumes.read' }).first().waitFor();
      await page.screenshot({ path: join(root, 'test-results', 'storage-restored.png'), fullPage: true });
      await notice.getByRole('button', { name: 'Закрыть' }).click();
      await notice.waitFor({ state: 'detached' });
      await page.close();
    } finally {
      await running.close();
    }
  });

  it('tells a headless user without AAA_VAULT_KEY that secrets are kept in memory only', async () => {
    const running = await startTestServer({ uiDir, core: { cipher: createAesCipher(undefined) } });
    try {
      const page = await openApp(running.server.uiUrl);
      await page.getByTestId('notice-no_vault_key').waitFor();
      await page.getByRole('button', { name: 'Настройки' }).click();
      await page.getByTestId('vault').getByText('только в памяти').waitFor();
      await page.close();
    } finally {
      await running.close();
    }
  });

  it('keeps the theme and the last screen across a reload', async () => {
    const running = await startTestServer({ uiDir });
    try {
      const page = await openApp(running.server.uiUrl);
      await page.getByRole('button', { name: 'Настройки' }).click();
      await page.getByText('Тёмное').click();
      await expect.poll(() => page.locator('html').getAttribute('data-theme'), patience).toBe('dark');
      await page.getByRole('button', { name: 'Чаты' }).click();
      await page.reload();
      await page.getByRole('heading', { name: 'Сообщений нет' }).waitFor();
      expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
      await page.screenshot({ path: join(root, 'test-results', 'storage-dark-chats.png'), fullPage: true });
      await page.close();
    } finally {
      await running.close();
    }
  });
});

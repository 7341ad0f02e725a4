import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { createAesCipher } from '../../main/core/secrets';
import { describeInBrowser, settings } from '../support/chromium';
import { startTestCore } from '../support/core';
import { shots } from '../support/e2e-paths';
import { patience } from '../support/wait';

describeInBrowser('storage as the user sees it (headless core, real browser)', (suite) => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'aaa-e2e-storage-'));
    suite.afterSuite(() => rm(dataDir, { recursive: true, force: true }));
  });

  it('says which backup it opened when the data file was damaged, and the notice can be dismissed', async () => {
    // Two starts: the second makes the first backup. Then the file is damaged.
    for (let n = 0; n < 2; n += 1) {
      const run = await startTestCore({ dataDir });
      await run.core.repositories.auditLog.append({ action: 'hh.resumes.read', target: 'resumes', outcome: 'ok', details: '' });
      await run.close();
    }
    await writeFile(join(dataDir, 'app.sqlite'), 'damaged bytes');

    const running = await suite.startServer({ core: { dataDir } });
    await suite.withApp('storage-restored', running, async (page) => {
      const notice = page.getByTestId('notice-database_restored');
      await notice.waitFor();
      expect(await notice.textContent()).toContain('резервная копия');
      await settings(page, 'Данные и приватность');
      // The restored data is there: the activity log shows the entry from before the damage.
      await page.getByRole('cell', { name: 'Прочитаны резюме с hh.ru' }).first().waitFor();
      await page.screenshot({ path: join(shots, 'storage-restored.png'), fullPage: true });
      await notice.getByRole('button', { name: 'Закрыть' }).click();
      await notice.waitFor({ state: 'detached' });
    });
    await running.close();
  });

  it('tells a headless user without AAA_VAULT_KEY that secrets are kept in memory only', async () => {
    const running = await suite.startServer({ core: { cipher: createAesCipher(undefined) } });
    await suite.withApp('storage-no-vault-key', running, async (page) => {
      await page.getByTestId('notice-no_vault_key').waitFor();
      await settings(page, 'Данные и приватность');
      await page.getByTestId('vault').getByText('только в памяти').waitFor();
    });
    await running.close();
  });

  it("keeps old vacancies' descriptions as long as the user chooses (Settings → Data), refusing a bad number in Russian", async () => {
    const running = await suite.startServer();
    await suite.withApp('storage-retention', running, async (page) => {
      await settings(page, 'Данные и приватность');
      const card = page.getByTestId('retention');
      await card.getByRole('heading', { name: 'Старые вакансии' }).waitFor();
      await card.getByTestId('retention-days').fill('7');
      await card.getByTestId('retention-save').click();
      await card.getByText('Введите целое число дней от 14 до 3650').waitFor();
      await card.getByTestId('retention-days').fill('90');
      await card.getByTestId('retention-save').click();
      await card.getByText('Описания хранятся 90 дн.').waitFor();
      await expect
        .poll(async () => await running.core.invoke('vacancies.retention.get', {}), patience)
        .toMatchObject({ ok: true, value: { days: 90 } });
      await card.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(shots, 'storage-retention-1280.png'), fullPage: true });
      await page.setViewportSize({ width: 900, height: 800 });
      await page.screenshot({ path: join(shots, 'storage-retention-900.png'), fullPage: true });
    });
    await running.close();
  });

  it('keeps the theme and the last screen across a reload', async () => {
    const running = await suite.startServer();
    await suite.withApp('storage-theme', running, async (page) => {
      await settings(page, 'Интерфейс');
      await page.getByText('Тёмное').click();
      await expect.poll(() => page.locator('html').getAttribute('data-theme'), patience).toBe('dark');
      await page.getByRole('button', { name: 'Чаты' }).click();
      await page.reload();
      await page.getByRole('heading', { name: 'Сообщений нет' }).waitFor();
      expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
      await page.screenshot({ path: join(shots, 'storage-dark-chats.png'), fullPage: true });
    });
    await running.close();
  });
});

import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeInBrowser, settings, switchLanguage } from '../support/chromium';
import { shots } from '../support/e2e-paths';
import { patience } from '../support/wait';

describeInBrowser('Settings → Local API (headless core, real browser)', (suite) => {
  it('in Russian: off by default, turned on, a token made and shown once, working, then revoked', async () => {
    const running = await suite.startServer();
    const { url } = running.server;
    const info = (token: string) =>
      fetch(`${url}/api/v1/info`, { headers: { Authorization: `Bearer ${token}` } }).then((res) => res.status);
    await suite.withApp('local-api-ru', running, async (page) => {
      await settings(page, 'Локальный API');
      const card = page.getByTestId('local-api');
      await card.getByText('Выключен: токены не принимаются.').waitFor();
      await card.getByText('Включить локальный API').click();
      await card.getByText(`Работает по адресу ${url}`).waitFor();
      await card.getByRole('link', { name: 'Описание API' }).waitFor();

      await page.getByTestId('local-api-token-name').fill('планировщик');
      await page.getByTestId('local-api-token-scope').selectOption('write');
      await card.getByRole('button', { name: 'Создать токен' }).click();
      const shown = page.getByTestId('local-api-new-token');
      await shown.getByText('Новый токен «планировщик»').waitFor();
      const token = await shown.getByRole('textbox').inputValue();
      expect(token.split('.')).toHaveLength(3);
      expect(await info(token)).toBe(200);
      await page.screenshot({ path: join(shots, 'local-api-ru.png'), fullPage: true });
      await shown.getByRole('button', { name: 'Готово, я сохранил токен' }).click();
      await shown.waitFor({ state: 'detached' });

      const list = page.getByTestId('local-api-tokens');
      await list.getByText('Чтение и изменения').waitFor();
      expect(await list.textContent()).not.toContain(token);
      await list.getByRole('button', { name: 'Отозвать' }).click();
      await list.getByText(/отозван/).waitFor();
      await expect.poll(() => info(token), patience).toBe(401);
    });
    await running.close();
  });

  it('in English', async () => {
    const running = await suite.startServer();
    await suite.withApp('local-api-en', running, async (page) => {
      // The window follows the language as it changes (an event), as when the user picks it in Settings.
      await switchLanguage(page, running.core, 'en');
      await settings(page, 'Local API');
      const card = page.getByTestId('local-api');
      await card.getByText('Off: no token is accepted.').waitFor();
      await card.getByText('Turn on the Local API').click();
      await card.getByText(`Working at ${running.server.url}`).waitFor();
      await card.getByText('No tokens yet: make the first one for your script.').waitFor();
      await card.getByRole('button', { name: 'Make a token' }).waitFor();
      await page.screenshot({ path: join(shots, 'local-api-en.png'), fullPage: true });
    });
    await running.close();
  });
});

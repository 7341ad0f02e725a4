import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { readAppEnv } from '../../main/core/secrets';
import { createHeadlessWebSession } from '../../main/headless/web-session';
import { startFakeHhSite, type FakeHhSite } from '../fakes/hh-site/server';
import { describeInBrowser, nav, settings } from '../support/chromium';
import { shots } from '../support/e2e-paths';
import type { TestServer } from '../support/headless';
import { patience } from '../support/wait';

/**
 * hh.ru as it is in 2026: a user with no API application at all. The headless server acts through
 * the user's own website session (a cookies.txt export); the official API is not even reachable.
 */
describeInBrowser('without any API credentials, through the hh.ru website session (headless, real browser)', (suite) => {
  let site: FakeHhSite;
  let running: TestServer;

  beforeAll(async () => {
    site = await startFakeHhSite();
    suite.afterSuite(site.close);
    const base = { employerId: '7001', areaId: '1', areaName: 'Москва', salaryFrom: 150_000, salaryTo: 250_000, letterRequired: false, hasTest: false, archived: false, responseUrl: null };
    site.addVacancy({ ...base, name: 'Разработчик на Zig', employerName: 'ООО Зигзаг', descriptionHtml: '<p>Пишем на Zig системный софт.</p>', keySkills: ['Zig'] });
    site.addVacancy({ ...base, employerId: '7002', name: 'Zig-инженер', employerName: 'Зигмунд Лабс', descriptionHtml: '<p>Zig, C, Linux.</p>', keySkills: ['Zig', 'C'] });
    const hhWebSession = await createHeadlessWebSession({ siteUrl: site.url, cookiesFile: await site.cookiesTxt() });
    running = await suite.startServer({
      core: {
        env: readAppEnv({ HH_SITE_URL: site.url, HH_OAUTH_BASE_URL: site.url, HH_API_BASE_URL: 'http://127.0.0.1:9' }),
        hhWebSession,
        hhWebsiteIntervalMs: 0,
        hhMinRequestIntervalMs: 0,
        hhRetry: { retries: 0, baseDelayMs: 1, maxDelayMs: 1 },
        applyPacing: { minIntervalMs: 0 },
      },
    });
    const profile = await running.core.invoke('profile.set', { name: 'Анна Иванова', telegram: '@anna_dev', email: 'anna@example.ru', phone: '', links: [] });
    if (!profile.ok) throw new Error(profile.error.message);
  });

  const writeAndSend = async (page: Page, title: string) => {
    await nav(page, 'Вакансии');
    const row = page.getByTestId('vacancy').filter({ hasText: title });
    await row.getByRole('button', { name: 'Написать письмо' }).click();
    const letter = page.getByTestId('letter');
    await letter.getByRole('heading', { name: title }).waitFor();
    await letter.getByTestId('validation-ok').waitFor();
    await letter.getByRole('button', { name: 'Отправить отклик' }).click();
    await letter.getByTestId('letter-state').getByText('Отправлено').waitFor();
  };

  it('signs in with the website session, searches, sends two letters, and answers an employer', () =>
    suite.withApp('website', running, async (page) => {
      // Sign in: no dev.hh.ru application, so the website session is the way in.
      await settings(page, 'Аккаунт hh.ru');
      const card = page.getByTestId('hh-account');
      await card.getByRole('button', { name: 'Войти в hh.ru' }).click();
      await card.getByTestId('hh-signed-in').waitFor();
      expect(await card.getByTestId('hh-signed-in').textContent()).toContain('через сайт hh.ru');
      await expect.poll(() => page.getByTestId('capability-apply').textContent(), patience).toContain('сайт hh.ru');
      await page.screenshot({ path: join(shots, 'website-settings.png'), fullPage: true });

      // Search.
      await nav(page, 'Поиски');
      await page.getByRole('button', { name: 'Новый поиск' }).first().click();
      const form = page.getByTestId('search-form');
      await form.getByLabel('Название').fill('Zig');
      await form.getByLabel('Ключевые слова').fill('zig');
      await form.getByRole('button', { name: 'Сохранить' }).click();
      const search = page.getByTestId('search').filter({ hasText: 'Zig' });
      await search.getByRole('button', { name: 'Запустить сейчас' }).click();
      await search.getByTestId('run-result').waitFor();

      // Two letters, sent through the website (the fake checks _xsrf, Referer, X-Requested-With).
      await writeAndSend(page, 'Разработчик на Zig');
      await writeAndSend(page, 'Zig-инженер');
      expect(site.applications.map((a) => site.vacancy(a.vacancyId)?.name).sort()).toEqual(['Zig-инженер', 'Разработчик на Zig']);
      expect(site.applications.every((a) => a.letter.includes('t.me/anna_dev'))).toBe(true);
      expect(site.csrfFailures).toEqual([]);

      // The employer writes; the chat arrives on refresh and the reply goes back through chatik.
      const application = site.applications.find((a) => site.vacancy(a.vacancyId)?.name === 'Zig-инженер')!;
      site.employerMessage(application.chatId, 'Здравствуйте! Когда вам удобно созвониться?', { state: 'INVITATION' });
      await nav(page, 'Чаты');
      await page.getByRole('button', { name: 'Обновить из hh.ru' }).click();
      await page.getByTestId('sync-result').waitFor();
      // The user's own letters are not news; the employer's invitation is.
      expect(await page.getByTestId('sync-result').textContent()).toContain('новых сообщений: 1 (от людей: 0), приглашений: 1');
      await page.getByTestId('chats').getByRole('button').filter({ hasText: 'Zig-инженер' }).click();
      const conversation = page.getByTestId('conversation');
      await conversation.getByTestId('messages').getByText('Когда вам удобно созвониться?').waitFor();
      const reply = 'Добрый день! Завтра с 10 до 13.';
      await conversation.getByRole('textbox', { name: 'Ответ' }).fill(reply);
      await conversation.getByRole('button', { name: 'Отправить', exact: true }).click();
      await conversation.getByTestId('messages').getByText(reply).waitFor();
      expect(site.sentMessages.map((m) => m.text)).toContain(reply);
      await page.screenshot({ path: join(shots, 'website-chat.png'), fullPage: true });
    }));
});

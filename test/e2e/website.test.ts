import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { readAppEnv } from '../../main/core/secrets';
import { createHeadlessWebSession } from '../../main/headless/web-session';
import { startFakeOpenAi, type FakeOpenAi } from '../fakes/ai';
import { startFakeHhSite, type FakeHhSite, type FakeSiteShape } from '../fakes/hh-site/server';
import { describeInBrowser, nav, settings } from '../support/chromium';
import { shots } from '../support/e2e-paths';
import type { TestServer } from '../support/headless';
import { patience } from '../support/wait';

/**
 * hh.ru as it is in 2026: a user with no API application at all. The headless server acts through
 * the user's own website session (a cookies.txt export); the official API is not even reachable.
 * The same walk runs on the pages hh.ru serves now and on the older ones some accounts still get.
 */

const letterModel = (messages: { role: string; content: string }[]) =>
  messages.some((m) => /сопроводительн|cover letter/i.test(m.content))
    ? 'Здравствуйте!\n\nМне интересна ваша вакансия: мой опыт ей подходит.\n\nС уважением, Анна'
    : '{"kind": "human", "confidence": 0.9, "reason": "A person writes"}';

for (const shape of ['2026', 'older'] as FakeSiteShape[]) {
  describeInBrowser(`without any API credentials, through the hh.ru website session, ${shape} pages (headless, real browser)`, (suite) => {
    let site: FakeHhSite;
    let ai: FakeOpenAi;
    let running: TestServer;
    const base = {
      employerId: '7001',
      areaId: '1',
      areaName: 'Москва',
      salaryFrom: 150_000,
      salaryTo: 250_000,
      letterRequired: false,
      hasTest: false,
      archived: false,
      responseUrl: null,
    };

    beforeAll(async () => {
      site = await startFakeHhSite({ shape });
      suite.afterSuite(site.close);
      ai = await startFakeOpenAi({ reply: letterModel });
      suite.afterSuite(ai.close);
      site.addVacancy({
        ...base,
        name: 'Разработчик на Zig',
        employerName: 'ООО Зигзаг',
        descriptionHtml: '<p>Пишем на Zig системный софт.</p>',
        keySkills: ['Zig'],
      });
      site.addVacancy({
        ...base,
        employerId: '7002',
        name: 'Zig-инженер',
        employerName: 'Зигмунд Лабс',
        descriptionHtml: '<p>Zig, C, Linux.</p>',
        keySkills: ['Zig', 'C'],
      });
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
      const profile = await running.core.invoke('profile.set', {
        name: 'Анна Иванова',
        telegram: '@anna_dev',
        email: 'anna@example.ru',
        phone: '',
        links: [],
      });
      if (!profile.ok) throw new Error(profile.error.message);
      const model = await running.core.invoke('ai.settings.set', {
        settings: { kind: 'openai', baseUrl: ai.baseUrl, model: 'gpt-4o-mini' },
        openaiKey: 'sk-test-key-123456',
      });
      if (!model.ok) throw new Error(model.error.message);
    });

    const openLetter = async (page: Page, title: string) => {
      await nav(page, 'Вакансии');
      const row = page.getByTestId('vacancy').filter({ hasText: title });
      // A letter the run drafted ahead is opened; otherwise one is written now.
      await row.getByRole('button', { name: /^(Написать|Открыть) письмо$/ }).click();
      const letter = page.getByTestId('letter');
      await letter.getByRole('heading', { name: title }).waitFor();
      await letter.locator('[data-testid="letter-line"][data-kind="ready"]').waitFor();
      return letter;
    };

    const send = async (page: Page, title: string) => {
      const letter = await openLetter(page, title);
      await letter.getByRole('button', { name: 'Отправить отклик' }).click();
      await letter.getByTestId('letter-state').getByText('Отправлено').waitFor();
    };

    it('signs in, runs a search to letters, drafts by hand from the full vacancy and resume, sends, follows a rejection, answers an employer, and raises the resume', () =>
      suite.withApp(`website-${shape}`, running, async (page) => {
        // Sign in: no dev.hh.ru application, so the website session is the way in; every resume is listed.
        await settings(page, 'Аккаунт hh.ru');
        const card = page.getByTestId('hh-account');
        await card.getByRole('button', { name: 'Войти в hh.ru' }).click();
        await card.getByTestId('hh-signed-in').waitFor();
        expect(await card.getByTestId('hh-signed-in').textContent()).toContain('через сайт hh.ru');
        await expect.poll(() => page.getByTestId('capability-apply').textContent(), patience).toContain('сайт hh.ru');
        for (const resume of site.user.resumes) await card.getByTestId('hh-resumes').getByText(resume.title).waitFor();
        await page.screenshot({ path: join(shots, `website-${shape}-settings.png`), fullPage: true });

        // One applied to in the browser before, one closed for applications: neither gets a letter.
        const outside = site.addVacancy({
          ...base,
          employerId: '7003',
          name: 'Zig-аналитик',
          employerName: 'Ранее ООО',
          descriptionHtml: '<p>Zig и аналитика.</p>',
        });
        site.addResponse(outside.id, { letter: 'Откликнулась из браузера' });
        site.addVacancy({
          ...base,
          employerId: '7004',
          name: 'Zig без откликов',
          employerName: 'Закрыто АО',
          descriptionHtml: '<p>Zig.</p>',
          closed: true,
        });

        // "Run now" runs the whole pipeline and ends with letters.
        await nav(page, 'Поиски');
        await page.getByRole('button', { name: 'Новый поиск' }).first().click();
        const form = page.getByTestId('search-form');
        await form.getByLabel('Название').fill('Zig');
        await form.getByLabel('Ключевые слова').fill('zig');
        await form.getByRole('button', { name: 'Сохранить' }).click();
        const search = page.getByTestId('search').filter({ hasText: 'Zig' });
        await search.getByRole('button', { name: 'Запустить сейчас' }).click();
        await search.getByTestId('run-result').waitFor();
        expect(await search.getByTestId('run-result').textContent()).toMatch(/писем написано: 2/);

        // The reasons show on the vacancies set aside.
        await nav(page, 'Вакансии');
        const reasonOf = (title: string) => page.getByTestId('vacancy').filter({ hasText: title }).getByTestId('vacancy-skip');
        await expect.poll(() => reasonOf('Zig-аналитик').textContent(), patience).toContain('Вы уже откликались на эту вакансию');
        await expect.poll(() => reasonOf('Zig без откликов').textContent(), patience).toContain('Работодатель больше не принимает отклики');
        await page.screenshot({ path: join(shots, `website-${shape}-vacancies.png`), fullPage: true });

        // A vacancy found by the user, added by link, gets a letter written from its description and the resume's content.
        const found = site.addVacancy({
          ...base,
          employerId: '7005',
          name: 'Zig-архитектор',
          employerName: 'Своя Находка',
          descriptionHtml: '<p>Проектируем компилятор на Zig для 40 команд.</p>',
        });
        const addForm = page.getByTestId('add-vacancy');
        await addForm.getByRole('textbox').fill(`${site.url}/vacancy/${found.id}`);
        await addForm.getByRole('button', { name: 'Открыть вакансию' }).click();
        await page.getByTestId('vacancy').filter({ hasText: 'Zig-архитектор' }).waitFor();
        await openLetter(page, 'Zig-архитектор');
        const prompt = ai.requests.map((r) => r.body).findLast((body) => body.includes('компилятор на Zig для 40 команд'));
        expect(prompt, 'the letter prompt carries the vacancy description').toBeDefined();
        expect(prompt).toContain('Пиксель Плюс');
        expect(prompt).toContain('конверсия выросла на 12%');

        // Letters sent through the website (the fake checks _xsrf, Referer, X-Requested-With); none to the two set aside.
        await send(page, 'Zig-архитектор');
        await send(page, 'Zig-инженер');
        expect(site.applications.map((a) => site.vacancy(a.vacancyId)?.name).sort()).toEqual(['Zig-архитектор', 'Zig-инженер']);
        expect(site.applications.every((a) => a.letter.includes('t.me/anna_dev'))).toBe(true);
        expect(site.csrfFailures).toEqual([]);

        // One employer rejects (2026: the response then shows only in the chat list), the other invites.
        const rejecting = site.applications.find((a) => site.vacancy(a.vacancyId)?.name === 'Zig-архитектор')!;
        site.employerMessage(rejecting.chatId, 'Спасибо! К сожалению, мы выбрали другого кандидата.', { state: 'DISCARD' });
        const application = site.applications.find((a) => site.vacancy(a.vacancyId)?.name === 'Zig-инженер')!;
        site.employerMessage(application.chatId, 'Здравствуйте! Когда вам удобно созвониться?', { state: 'INVITATION' });
        await nav(page, 'Чаты');
        await page.getByRole('button', { name: 'Обновить из hh.ru' }).click();
        await page.getByTestId('sync-result').waitFor();
        expect(await page.getByTestId('sync-result').textContent()).toContain('приглашений: 1');
        const rejected = await running.core.invoke('vacancies.list', { statuses: ['rejected'], limit: 10 });
        expect(rejected.ok && (rejected.value as { items: { title: string }[] }).items.map((v) => v.title)).toEqual(['Zig-архитектор']);
        // The chat of the response made in the browser has its vacancy and employer.
        await page.getByTestId('chats').getByRole('button').filter({ hasText: 'Zig-аналитик' }).waitFor();

        // The reply goes back through chatik.
        await page.getByTestId('chats').getByRole('button').filter({ hasText: 'Zig-инженер' }).click();
        const conversation = page.getByTestId('conversation');
        await conversation.getByTestId('messages').getByText('Когда вам удобно созвониться?').waitFor();
        const reply = 'Добрый день! Завтра с 10 до 13.';
        await conversation.getByRole('textbox', { name: 'Ответ' }).fill(reply);
        await conversation.getByRole('button', { name: 'Отправить', exact: true }).click();
        await conversation.getByTestId('messages').getByText(reply).waitFor();
        expect(site.sentMessages.map((m) => m.text)).toContain(reply);
        await page.screenshot({ path: join(shots, `website-${shape}-chat.png`), fullPage: true });

        // Raising: once it works; right after, hh.ru says "too soon", and the app says when.
        const resumeHhId = site.user.resumes[0]!.id;
        const raised = await running.core.invoke('hh.raiseResume', { resumeHhId });
        expect(raised.ok).toBe(true);
        expect(site.touches).toHaveLength(1);
        const again = await running.core.invoke('hh.raiseResume', { resumeHhId });
        expect(again).toMatchObject({ ok: false, error: { code: 'hh_rate_limited' } });
        if (shape === '2026')
          expect(again).toMatchObject({
            error: { key: 'hh.raiseTooSoon', params: { at: new Date(site.touches[0]!.at + 4 * 3_600_000).toISOString() } },
          });
      }));
  });
}

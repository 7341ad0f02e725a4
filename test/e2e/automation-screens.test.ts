/**
 * What the engine does by itself, as the window shows it: Settings → Automation (quiet hours, raising
 * resumes, answering bots, the jobs), a run's progress in the top bar with Cancel, the AI fit
 * threshold of a search, why a vacancy was set aside, claims a letter makes that the resume does not
 * back, a reply the engine prepared, and the captcha that pauses everything. Headless core, fake hh.ru
 * website, fake model, real browser; screenshots in both languages.
 */
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import type { AutomationStatus } from '../../shared/contract';
import type { ChatMessage } from '../../shared/domain';
import { startFakeOpenAi, type FakeOpenAi } from '../fakes/ai';
import { siteReplies, startFakeHhSite, type FakeHhSite } from '../fakes/hh-site/server';
import { describeInBrowser, nav, settings, switchLanguage } from '../support/chromium';
import { ok } from '../support/contract';
import { shots } from '../support/e2e-paths';
import type { TestServer } from '../support/headless';
import { siteCoreOptions } from '../support/site-app';
import { movableClock } from '../support/hh';
import { patience } from '../support/wait';

type Messages = { role: string; content: string }[];
const LETTER = 'Здравствуйте!\n\nЯ 7 лет работал в «Газпромнефть» и настраивал Kubernetes.\n\nБуду рад обсудить.';
const CHAT_REPLY = 'Спасибо за сообщение! Удобно созвониться в четверг.';

/** A model that rates (low for the 1С-Битрикс vacancy), classifies, writes a letter with unbacked claims, and drafts chat replies. */
function model(messages: Messages): string {
  const system = messages.find((m) => m.role === 'system')?.content ?? '';
  const user = messages.filter((m) => m.role === 'user').at(-1)?.content ?? '';
  const prompt = `${system}\n${user}`;
  if (prompt.includes('"score"'))
    return JSON.stringify(user.includes('Битрикс') ? { score: 20, reason: 'Другой стек' } : { score: 85, reason: 'Опыт совпадает' });
  if (prompt.includes('"kind"')) return '{"kind": "human", "confidence": 0.9, "reason": "A recruiter writes"}';
  if (/сопроводительн|cover letter/i.test(prompt)) return LETTER;
  return CHAT_REPLY;
}

describeInBrowser(
  'the engine in the window: automation settings, run progress and cancel, reasons, claims, drafts (headless core, fake hh.ru site, real browser)',
  (suite) => {
    let site: FakeHhSite;
    let ai: FakeOpenAi;
    let running: TestServer;
    let page: Page;
    // 10:00 on a weekday: outside any quiet hours this file sets.
    const clock = movableClock(new Date(2026, 10, 27, 10, 0).getTime());

    beforeAll(async () => {
      site = await startFakeHhSite({ vacancies: 0 });
      suite.afterSuite(site.close);
      ai = await startFakeOpenAi({ reply: model });
      suite.afterSuite(ai.close);
      const base = {
        employerId: '7001',
        employerName: 'ООО Ромашка',
        areaId: '1',
        areaName: 'Москва',
        salaryFrom: 150_000,
        salaryTo: 250_000,
        letterRequired: false,
        hasTest: false,
        archived: false,
        responseUrl: null,
      };
      site.addVacancy({
        ...base,
        name: 'Python-разработчик',
        descriptionHtml: '<p>Django, PostgreSQL, Celery.</p>',
        keySkills: ['Python', 'Django'],
      });
      site.addVacancy({
        ...base,
        employerId: '7002',
        employerName: 'Лютик',
        name: 'Python-разработчик (стажёр)',
        descriptionHtml: '<p>Стажировка для студентов.</p>',
      });
      site.addVacancy({
        ...base,
        employerId: '7003',
        employerName: 'Василёк',
        name: 'Python-разработчик поддержки',
        salaryFrom: 40_000,
        salaryTo: 60_000,
        descriptionHtml: '<p>Поддержка скриптов.</p>',
      });
      site.addVacancy({
        ...base,
        employerId: '7004',
        employerName: 'Битрикс Плюс',
        name: 'Python-разработчик (1С-Битрикс)',
        descriptionHtml: '<p>PHP, 1С-Битрикс и немного Python.</p>',
      });
      site.addVacancy({
        ...base,
        employerId: '7005',
        employerName: 'Нева Диджитал',
        name: 'Python-инженер',
        responseUrl: 'https://careers.example.ru/apply',
        descriptionHtml: '<p>Отклик на нашем сайте.</p>',
      });
      running = await suite.startServer({
        core: {
          clock,
          ...(await siteCoreOptions(site)),
          hhRetry: { retries: 0, baseDelayMs: 1, maxDelayMs: 1 },
          applyPacing: { minIntervalMs: 0 },
        },
      });
      ok(await running.core.invoke('hh.signInWebsite', {}));
      ok(
        await running.core.invoke('profile.set', {
          name: 'Анна Иванова',
          telegram: '@anna_dev',
          email: 'anna@example.ru',
          phone: '',
          links: [],
        }),
      );
      page = await suite.openApp(running);
      suite.afterSuite(() => page.context().close());
    });

    const status = async () => ok<AutomationStatus>(await running.core.invoke('automation.status', {}));
    /** The whole page, or only `part` of it where the page is long (Settings). */
    const shot = (name: string, part?: Locator) =>
      (part ?? page).screenshot({ path: join(shots, `${name}.png`), ...(!part && { fullPage: true }) });
    /** The language as the user picks it in Settings; the page follows the core's event. */
    const language = async (lang: 'ru' | 'en') => {
      await switchLanguage(page, running.core, lang);
    };
    /** The same view in English, saved next to the Russian one. */
    const shotBoth = async (name: string, ready: (lang: 'ru' | 'en') => Promise<unknown>, part?: Locator) => {
      await ready('ru');
      await shot(`${name}-ru`, part);
      await language('en');
      await ready('en');
      await shot(`${name}-en`, part);
      await language('ru');
      await ready('ru');
    };

    it('Settings → Automation: quiet hours are checked and kept across a reload; the switches and the jobs list', async () => {
      await settings(page, 'Автоматизация');
      const card = page.getByTestId('automation-settings');
      const quiet = card.getByTestId('quiet-hours');
      expect(await quiet.getByLabel('С', { exact: true }).inputValue()).toBe('23:00');
      expect(await quiet.getByLabel('До', { exact: true }).inputValue()).toBe('08:00');
      expect(await quiet.getByRole('switch', { name: 'Не отправлять отклики в тихие часы' }).isChecked()).toBe(true);

      // The contract refuses a time that is not HH:MM; the card says so next to the field, in Russian.
      await quiet.getByLabel('С', { exact: true }).fill('25:00');
      await quiet.getByRole('button', { name: 'Сохранить тихие часы' }).click();
      await quiet.getByText('Время в формате ЧЧ:ММ, например 23:00').waitFor();
      expect((await status()).quietHours.from).toBe('23:00');

      await quiet.getByLabel('С', { exact: true }).fill('22:30');
      await quiet.getByLabel('До', { exact: true }).fill('07:15');
      await quiet.getByRole('button', { name: 'Сохранить тихие часы' }).click();
      await quiet.getByTestId('quiet-saved').waitFor();
      expect(await quiet.getByText('Время в формате').count()).toBe(0);
      expect((await status()).quietHours).toEqual({ enabled: true, from: '22:30', to: '07:15' });

      await card.getByRole('switch', { name: 'Поднимать мои резюме каждые 4 часа' }).check();
      await expect.poll(async () => (await status()).raiseResumes, patience).toBe(true);
      await card.getByRole('switch', { name: /Отвечать на анкеты ботов работодателей/ }).check();
      await expect.poll(async () => (await status()).answerBots, patience).toBe(true);

      // Back after a reload: what the core keeps, not what the page remembered.
      await page.reload();
      await settings(page, 'Автоматизация');
      await quiet.waitFor();
      expect(await quiet.getByLabel('С', { exact: true }).inputValue()).toBe('22:30');
      expect(await quiet.getByLabel('До', { exact: true }).inputValue()).toBe('07:15');
      expect(await card.getByRole('switch', { name: 'Поднимать мои резюме каждые 4 часа' }).isChecked()).toBe(true);
      expect(await card.getByRole('switch', { name: /Отвечать на анкеты ботов/ }).isChecked()).toBe(true);

      // The jobs in the user's words; none has run yet.
      const jobs = card.getByTestId('automation-jobs');
      for (const name of ['Поднятие резюме', 'Продление входа в hh.ru', 'Статусы и чаты', 'Резервная копия данных']) {
        await jobs.getByRole('row').filter({ hasText: name }).getByText('ещё не запускалась').waitFor();
      }
      // The answer-bots switch is off again for the rest of the file: bots then keep their answers as drafts.
      await card.getByRole('switch', { name: /Отвечать на анкеты ботов/ }).uncheck();
      await expect.poll(async () => (await status()).answerBots, patience).toBe(false);

      await shotBoth(
        'engine-automation',
        (lang) => card.getByRole('heading', { name: lang === 'en' ? 'Automation' : 'Автоматизация' }).waitFor(),
        card,
      );
    });

    it('a search with an AI fit threshold: warned while there is no AI, and the threshold is kept', async () => {
      await nav(page, 'Поиски');
      await page.getByRole('button', { name: 'Новый поиск' }).first().click();
      const form = page.getByTestId('search-form');
      await form.getByLabel('Название').fill('Python');
      await form.getByLabel('Ключевые слова').fill('python');
      await form.getByLabel('Зарплата от, ₽').fill('100000');
      await form.getByLabel('Исключить слова').fill('стажёр');
      await form.getByLabel('Минимальная оценка ИИ, из 100').fill('50');
      await form.getByTestId('min-score-hint').getByText('хотя бы на 50 из 100').waitFor();
      // "No AI" is the default: scoring would stop the run, and the form says so before it is saved.
      await form.getByTestId('min-score-no-ai').getByText('оценивать вакансии некому').waitFor();
      await shotBoth('engine-search-form', (lang) =>
        form
          .getByTestId('min-score-no-ai')
          .getByText(lang === 'en' ? 'nothing can rate vacancies' : 'оценивать вакансии некому')
          .waitFor(),
      );
      await form.getByRole('button', { name: 'Сохранить' }).click();
      const search = page.getByTestId('search').filter({ hasText: 'Python' });
      await search.getByTestId('search-min-score').getByText('ИИ ≥ 50').waitFor();
      expect(ok<{ minScore: number | null }[]>(await running.core.invoke('searches.list', {}))[0]!.minScore).toBe(50);

      // With a model chosen, the warning is gone; editing keeps the threshold.
      ok(
        await running.core.invoke('ai.settings.set', {
          settings: { kind: 'openai', baseUrl: ai.baseUrl, model: 'gpt-4o-mini' },
          openaiKey: 'sk-test-key-123456',
        }),
      );
      await search.getByRole('button', { name: 'Изменить' }).click();
      expect(await form.getByLabel('Минимальная оценка ИИ, из 100').inputValue()).toBe('50');
      await form.getByRole('button', { name: 'Сохранить' }).click();
      await form.waitFor({ state: 'detached' });
      expect(await page.getByTestId('min-score-no-ai').count()).toBe(0);
      expect(ok<{ minScore: number | null }[]>(await running.core.invoke('searches.list', {}))[0]!.minScore).toBe(50);
    });

    it('a scheduled run shows its step in the top bar, and Cancel stops it', async () => {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      // The first request to the model (a score) is held: the run is surely under way when the user cancels.
      ai.script.enqueue('chat', { heldUntil: held });
      const searchJob = (await status()).jobs.find((job) => job.job.startsWith('search:'))!.job;
      const tick = running.core.automation.scheduler.tick();
      await ai.script.arrived('chat');

      const run = page.getByTestId('run-progress').getByTestId('run');
      await expect
        .poll(() => run.getByTestId('run-line').textContent(), patience)
        .toMatch(/^«Python»: (отбираю вакансии|ИИ оценивает вакансии) \d+ из \d+$/);
      await shotBoth('engine-progress', (lang) => run.getByRole('button', { name: lang === 'en' ? 'Cancel' : 'Отменить' }).waitFor());

      // The held score is aborted with the run: the line goes as soon as the engine says the run ended.
      await run.getByRole('button', { name: 'Отменить' }).click();
      await page.getByTestId('run-progress').waitFor({ state: 'detached' });
      release();
      await tick;
      const job = (await status()).jobs.find((j) => j.job === searchJob)!;
      expect(job).toMatchObject({ running: false, progress: null, outcome: 'ok', message: expect.stringMatching(/cancelled by you/) });
      expect(ok<{ total: number }>(await running.core.invoke('letters.list', { states: [] })).total).toBe(0);

      // Settings → Automation lists the run under the search's name.
      await settings(page, 'Автоматизация');
      const card = page.getByTestId('automation-settings');
      const row = card.getByTestId('automation-jobs').getByRole('row').filter({ hasText: '«Python»' });
      await row.getByText('готово').waitFor();
      // The engine's record line, read back in Russian.
      expect(await row.textContent()).toMatch(/новых \d+ из \d+; отменено вами/);
      await shotBoth(
        'engine-automation-jobs',
        (lang) => card.getByRole('heading', { name: lang === 'en' ? 'Automation' : 'Автоматизация' }).waitFor(),
        card,
      );
    });

    it('the next run sets vacancies aside with their reasons, shown in the list', async () => {
      clock.advance(4 * 3_600_000 + 60_000);
      await running.core.automation.scheduler.tick();
      await nav(page, 'Вакансии');
      await page.getByTestId('vacancies').waitFor();
      const reasonOf = (title: string) => page.getByTestId('vacancy').filter({ hasText: title }).getByTestId('vacancy-skip');
      await expect.poll(() => reasonOf('(стажёр)').textContent(), patience).toBe('Исключённое слово: стажёр');
      expect(await reasonOf('поддержки').textContent()).toMatch(/^Зарплата ниже вашего порога: 60\s000\s₽$/);
      expect(await reasonOf('1С-Битрикс').textContent()).toBe('Оценка ИИ 20 из 100: Другой стек');
      const employerSite = reasonOf('Python-инженер');
      expect(await employerSite.textContent()).toBe('Отклик только на сайте работодателя: Открыть сайт работодателя');
      expect(await employerSite.getByRole('link').getAttribute('href')).toBe('https://careers.example.ru/apply');
      // The one that fits got a letter and carries no reason.
      const fitting = page.getByTestId('vacancy').filter({ hasText: 'ООО Ромашка' });
      await fitting.getByText('Есть письмо').waitFor();
      expect(await fitting.getByTestId('vacancy-skip').count()).toBe(0);
      await shotBoth('engine-vacancies', (lang) =>
        reasonOf('(стажёр)')
          .getByText(lang === 'en' ? 'Excluded word: стажёр' : 'Исключённое слово: стажёр')
          .waitFor(),
      );
    });

    it('a letter that claims what the resume does not back: a warning in the editor, still sendable by hand', async () => {
      await nav(page, 'Письма');
      const letter = page.getByTestId('letter');
      await letter.getByRole('heading', { name: 'Python-разработчик' }).waitFor();
      // The letter's one state line: a warning (the claims), not a problem, and never "ready" above it.
      const warning = letter.locator('[data-testid="letter-line"][data-kind="unsupported"]');
      await warning
        .getByText(/^Проверьте перед отправкой: письмо упоминает «Газпромнефть», .*Kubernetes.* — а в вашем резюме этого нет\.$/)
        .waitFor();
      await letter.getByText(/^Автопилот такие письма сам не отправляет/).waitFor();
      await page.getByTestId('letters').getByTestId('unsupported-badge').first().waitFor();
      // A warning, not a problem: Send stays available.
      expect(await letter.getByRole('button', { name: 'Отправить отклик' }).isEnabled()).toBe(true);
      await shotBoth('engine-letter', (lang) =>
        letter
          .getByTestId('letter-line')
          .getByText(lang === 'en' ? /^Check before sending/ : /^Проверьте перед отправкой/)
          .waitFor(),
      );
    });

    it('a reply the engine prepared fills the reply box, marked as a draft, and nothing is sent by itself', async () => {
      const vacancy = site.vacancies().find((v) => v.employerName === 'ООО Ромашка')!;
      const topic = site.addResponse(vacancy.id);
      site.employerMessage(topic.chatId, 'Добрый день! Расскажите, пожалуйста, о вашем последнем проекте.');
      clock.advance(10 * 60_000);
      await running.core.automation.scheduler.tick();
      const chats = ok<{ items: { id: number; hhNegotiationId: string | null }[] }>(await running.core.invoke('chats.list', {})).items;
      const chat = chats.find((c) => c.hhNegotiationId === topic.id)!;
      expect(ok<ChatMessage[]>(await running.core.invoke('chats.messages', { chatId: chat.id })).at(-1)).toMatchObject({
        draftReply: CHAT_REPLY,
      });

      await nav(page, 'Чаты');
      await page.getByTestId('chats').getByRole('button').filter({ hasText: 'Python-разработчик' }).first().click();
      const conversation = page.getByTestId('conversation');
      await conversation.getByText('о вашем последнем проекте').waitFor();
      await expect.poll(() => conversation.getByRole('textbox', { name: 'Ответ' }).inputValue(), patience).toBe(CHAT_REPLY);
      await conversation.getByTestId('prepared-draft').getByText('Черновик от ИИ — поправьте и отправьте').waitFor();
      expect(site.chat(topic.chatId)!.messages.filter((m) => m.participantId === site.user.id)).toHaveLength(0);
      await shotBoth('engine-chat', (lang) =>
        conversation
          .getByTestId('prepared-draft')
          .getByText(lang === 'en' ? 'Draft by AI — edit and send' : 'Черновик от ИИ')
          .waitFor(),
      );
    });

    it('a captcha while sending pauses the automation; the top bar says why and opens the captcha', async () => {
      // The Ромашка vacancy was applied to outside the app (the chat test above): the app refuses to
      // send its letter at all, so the captcha is met with a letter for another vacancy.
      const bitrix = site.vacancies().find((v) => v.name.includes('1С-Битрикс'))!;
      const stored = ok<{ items: { id: number; hhId: string }[] }>(
        await running.core.invoke('vacancies.list', { statuses: [], limit: 100 }),
      ).items.find((v) => v.hhId === bitrix.id)!;
      ok(await running.core.invoke('letters.draft', { vacancyId: stored.id }));
      site.failNext('POST /applicant/vacancy_response/popup', siteReplies.captchaRedirect());
      await nav(page, 'Письма');
      await page.getByTestId('letters').getByText('1С-Битрикс').first().click();
      const letter = page.getByTestId('letter');
      await letter.getByRole('heading', { name: /1С-Битрикс/ }).waitFor();
      await letter.getByRole('button', { name: 'Отправить отклик' }).click();
      const automation = page.getByTestId('automation');
      await automation.getByText('Пауза: hh.ru просит пройти капчу').waitFor();
      await page.getByTestId('notice-hh_captcha').getByText('hh.ru просит пройти капчу: автоматизация на паузе').waitFor();
      // One banner for one captcha: the notice says it; the red error banner stays away.
      expect(await page.getByRole('alert').filter({ hasText: 'Что-то пошло не так' }).count()).toBe(0);
      await page.locator('.topbar').screenshot({ path: join(shots, 'engine-captcha-topbar-ru.png') });
      await shotBoth('engine-captcha', (lang) =>
        automation.getByRole('button', { name: lang === 'en' ? 'Open the captcha' : 'Открыть капчу' }).waitFor(),
      );

      // Headless, the captcha opens in a browser tab (the desktop app uses its hh.ru window).
      const opened = page.context().waitForEvent('page');
      await automation.getByRole('button', { name: 'Открыть капчу' }).click();
      const tab = await opened;
      await expect.poll(() => tab.url(), patience).toContain(`${site.url}/account/captcha`);
      await tab.close();

      // Solved: Resume clears the pause and its notice.
      await automation.getByRole('button', { name: 'Возобновить' }).click();
      await automation.getByRole('button', { name: 'Приостановить' }).waitFor();
      await page.getByTestId('notice-hh_captcha').waitFor({ state: 'detached' });
      expect(await automation.getByRole('button', { name: 'Открыть капчу' }).count()).toBe(0);
    });
  },
);

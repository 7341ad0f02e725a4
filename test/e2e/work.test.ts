import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { readAppEnv } from '../../main/core/secrets';
import { DEFAULT_CLIENT, startFakeHh, type FakeHh } from '../fakes/hh/server';
import { describeInBrowser, nav } from '../support/chromium';
import { shots } from '../support/e2e-paths';
import type { TestServer } from '../support/headless';
import { patience } from '../support/wait';

describeInBrowser('the work screens: search, vacancies, letters, chats (headless core, fake hh.ru, real browser)', (suite) => {
  let fake: FakeHh;
  let running: TestServer;

  beforeAll(async () => {
    fake = await startFakeHh({ now: Date.now(), search: { found: 20, spanDays: 5 } });
    suite.afterSuite(fake.close);
    // Three that the saved search below finds (Python, Moscow, the salary range holds 150 000) and one it must not (St Petersburg).
    const salary = { from: 120_000, to: 220_000, currency: 'RUR', gross: false };
    const moscow = { id: '1', name: 'Москва' };
    fake.addVacancy({ name: 'Python-разработчик (Django)', area: moscow, employer: { id: '9001', name: 'ООО Ромашка' }, salary });
    fake.addVacancy({ name: 'Backend-разработчик Python', area: moscow, employer: { id: '9002', name: 'Лютик Технологии' }, salary });
    fake.addVacancy({
      name: 'Senior Python Engineer',
      area: moscow,
      employer: { id: '9003', name: 'Василёк Софт' },
      salary: { ...salary, to: null },
    });
    fake.addVacancy({
      name: 'Python-разработчик в Петербурге',
      area: { id: '2', name: 'Санкт-Петербург' },
      employer: { id: '9004', name: 'Нева Диджитал' },
      salary,
    });
    running = await suite.startServer({
      core: {
        env: readAppEnv({
          HH_API_BASE_URL: fake.apiUrl,
          HH_OAUTH_BASE_URL: fake.oauthUrl,
          HH_CLIENT_ID: DEFAULT_CLIENT.clientId,
          HH_CLIENT_SECRET: DEFAULT_CLIENT.clientSecret,
          HH_REDIRECT_URI: DEFAULT_CLIENT.redirectUri,
        }),
        hhMinRequestIntervalMs: 0,
        applyPacing: { minIntervalMs: 0 },
      },
    });
    // Signed in through OAuth (the Settings e2e covers the pages) and a profile, so letters carry contacts.
    fake.signIn({ name: 'Анна Иванова', email: 'anna@example.ru' });
    const started = await running.core.invoke('hh.signIn', { mode: 'default' });
    if (!started.ok) throw new Error(started.error.message);
    const outcome = await fake.completeAuthorization((started.value as { authorizeUrl: string }).authorizeUrl, { decision: 'allow' });
    await running.core.hh.account.completeSignIn(outcome.location);
    const profile = await running.core.invoke('profile.set', {
      name: 'Анна Иванова',
      telegram: '@anna_dev',
      email: 'anna@example.ru',
      phone: '',
      links: [],
    });
    if (!profile.ok) throw new Error(profile.error.message);
  });

  /**
   * Vacancies → "Написать письмо" (or "Открыть письмо", when the run drafted one ahead) on the first
   * vacancy not sent yet that offers either → Letters → send; returns its title.
   */
  const writeAndSend = async (page: Page) => {
    await nav(page, 'Вакансии');
    const toLetter = page.getByRole('button', { name: /^(Написать|Открыть) письмо$/ });
    // A sent one opens its letter too: not that one.
    const row = page.getByTestId('vacancy').filter({ has: toLetter, hasNotText: 'Отклик отправлен' }).first();
    const title = (await row.locator('.work-title').textContent())!.trim();
    await row.getByRole('button', { name: /^(Написать|Открыть) письмо$/ }).click();
    const letter = page.getByTestId('letter');
    await letter.getByRole('heading', { name: title }).waitFor();
    await letter.locator('[data-testid="letter-line"][data-kind="ready"]').waitFor();
    expect(await letter.getByRole('textbox', { name: 'Сопроводительное письмо' }).inputValue()).toContain('anna_dev');
    const budget = (await letter.getByTestId('budget').textContent())!;
    expect(budget).toMatch(/Осталось сегодня: \d+ из \d+/);
    await letter.getByRole('button', { name: 'Отправить отклик' }).click();
    await letter.getByTestId('letter-state').getByText('Отправлено').waitFor();
    await letter.getByTestId('sent-at').waitFor();
    return title;
  };

  it('creates and runs a search, writes and sends two letters, then answers the employer in a chat', () =>
    suite.withApp('work', running, flow));

  it("picks more regions by name from hh.ru's tree, with type-ahead, and removes one", () =>
    suite.withApp('work-areas', running, async (page) => {
      const areas = await running.core.invoke('hh.areas', {});
      if (!areas.ok) throw new Error(areas.error.message);
      // A region inside a country: named with its parent in the list.
      const country = (areas.value as { name: string; areas: { id: string; name: string }[] }[]).find((a) => a.areas.length)!;
      const region = country.areas[0]!;
      await nav(page, 'Поиски');
      await page.getByRole('button', { name: 'Новый поиск' }).first().click();
      const form = page.getByTestId('search-form');
      const picker = form.getByRole('combobox', { name: 'Другие регионы и города' });
      await picker.fill(region.name.slice(0, 3));
      await expect.poll(() => form.locator('#area-options option').count()).toBeGreaterThan(0);
      await picker.fill(`${region.name} (${country.name})`);
      const chip = form.getByRole('listitem').filter({ hasText: region.name });
      await chip.waitFor();
      expect(await picker.inputValue()).toBe('');
      await chip.getByRole('button', { name: `Убрать: ${region.name} (${country.name})` }).click();
      await chip.waitFor({ state: 'detached' });
    }));

  const flow = async (page: Page) => {
    // Searches: empty state → form → saved → run now.
    await nav(page, 'Поиски');
    await page.getByRole('region', { name: 'Сохранённых поисков нет' }).getByRole('button', { name: 'Новый поиск' }).click();
    const form = page.getByTestId('search-form');
    await form.getByLabel('Название').fill('Python в Москве');
    await form.getByLabel('Ключевые слова').fill('python');
    await form.getByLabel('Зарплата от, ₽').fill('150000');
    // hh.ru's filters, offered from its dictionaries (the fake serves them) and sent as hh.ru's ids.
    await form.getByTestId('filter-experience').getByText('От 3 до 6 лет').click();
    await form.getByTestId('filter-workFormat').getByText('Удалённо').click();
    await form.getByTestId('filter-workFormat').getByText('Гибрид').click();
    await form.getByRole('button', { name: 'Сохранить' }).click();
    const search = page.getByTestId('search').filter({ hasText: 'Python в Москве' });
    await search.waitFor();
    expect(await search.textContent()).toContain('Москва');
    expect(await search.textContent()).toContain('От 3 до 6 лет');
    expect(await search.textContent()).toContain('Удалённо, Гибрид');
    await search.getByRole('button', { name: 'Запустить сейчас' }).click();
    const result = search.getByTestId('run-result');
    await result.waitFor();
    // "Run now" runs the search whole: read, filter (one set aside with its reason), letters drafted for the rest.
    expect(await result.textContent()).toContain('новых 3 из 3; отложено: 1, писем написано: 2, отправлено: 0');
    const asked = new URL(fake.requests.filter((r) => r.path === '/vacancies').at(-1)!.url).searchParams;
    expect(asked.getAll('experience')).toEqual(['between3And6']);
    expect(asked.getAll('work_format')).toEqual(['REMOTE', 'HYBRID']);
    await page.screenshot({ path: join(shots, 'work-searches.png'), fullPage: true });

    // Vacancies from that run.
    await result.getByRole('button', { name: 'К вакансиям' }).click();
    await page.getByTestId('vacancies').waitFor();
    expect(await page.getByTestId('vacancy').count()).toBe(3);
    expect(await page.getByTestId('vacancies').textContent()).not.toContain('Петербурге');
    expect(await page.getByTestId('vacancy').first().getByRole('link').getAttribute('target')).toBe('_blank');
    await page.screenshot({ path: join(shots, 'work-vacancies.png'), fullPage: true });

    // Two letters, written and sent.
    const first = await writeAndSend(page);
    const second = await writeAndSend(page);
    expect(second).not.toBe(first);
    await page.getByRole('radiogroup', { name: 'Фильтр по состоянию' }).getByText('Отправлено').click();
    await expect.poll(() => page.getByTestId('letters').getByRole('button').count(), patience).toBe(2);
    await page.screenshot({ path: join(shots, 'work-letters.png'), fullPage: true });

    const negotiations = fake.negotiations();
    expect(negotiations).toHaveLength(2);
    const invited = negotiations.find((n) => fake.vacancy(n.vacancyId)?.name === first) ?? negotiations[0]!;
    const invitedTitle = fake.vacancy(invited.vacancyId)!.name;

    // The employer answers one; the chat comes in on refresh, and the reply reaches hh.ru.
    fake.employerReply(invited.id, { state: 'invitation', text: 'Приглашаем на собеседование' });
    await nav(page, 'Чаты');
    await page.getByRole('button', { name: 'Обновить из hh.ru' }).click();
    await page.getByTestId('sync-result').waitFor();
    const chat = page.getByTestId('chats').getByRole('button').filter({ hasText: invitedTitle });
    await chat.click();
    const conversation = page.getByTestId('conversation');
    await conversation.getByRole('heading', { name: invitedTitle }).waitFor();
    await conversation.getByTestId('messages').getByText('Приглашаем на собеседование').waitFor();
    // The AI's draft (an invitation gets a fixed, polite answer) fills the box; the user still sends.
    await conversation.getByRole('button', { name: 'Черновик ответа (ИИ)' }).click();
    await expect
      .poll(() => conversation.getByRole('textbox', { name: 'Ответ' }).inputValue(), patience)
      .toContain('Спасибо за приглашение');
    expect(await conversation.getByTestId('draft-note').textContent()).toContain('Приглашение');
    const reply = 'Спасибо! Удобно во вторник после 14:00.';
    await conversation.getByRole('textbox', { name: 'Ответ' }).fill(reply);
    await conversation.getByRole('button', { name: 'Отправить', exact: true }).click();
    await conversation.getByTestId('messages').getByText(reply).waitFor();
    await page.screenshot({ path: join(shots, 'work-chats.png'), fullPage: true });

    const answered = fake.negotiations().find((n) => n.id === invited.id)!;
    expect(answered.messages.some((m) => m.author === 'applicant' && m.text === reply)).toBe(true);
    // The user's own daily limit: a bad value is explained, a good one is kept.
    await nav(page, 'Письма');
    const cap = page.getByTestId('daily-cap');
    await cap.fill('0');
    await page.getByRole('button', { name: 'Сохранить' }).click();
    // The field itself refuses it (the browser says why); nothing is saved.
    expect(await cap.evaluate((input: HTMLInputElement) => input.validity.rangeUnderflow)).toBe(true);
    await cap.fill('30');
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await expect
      .poll(
        async () =>
          ((await running.core.invoke('applying.status', {})) as { value: { settings: { dailyCap: number }; remaining: number } }).value,
        patience,
      )
      .toMatchObject({ settings: { dailyCap: 30 }, remaining: 28 });

    expect(await page.locator('.banner--error').count()).toBe(0);
    expect(fake.violations).toEqual([]);
  };
});

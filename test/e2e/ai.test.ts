import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { startFakeGigaChat, startFakeOpenAi, testTls, tlsFixture, type FakeGigaChat, type FakeOpenAi } from '../fakes/ai';
import { describeInBrowser, nav, settings } from '../support/chromium';
import { shots } from '../support/e2e-paths';

/** What the user pastes from developers.sber.ru: base64 of client_id:client_secret. */
const GIGACHAT_KEY = Buffer.from('client-id:client-secret').toString('base64');
const OPENAI_KEY = 'sk-test-good-key';

const VACANCY_TEXT =
  'Ищем фронтенд-разработчика в команду личного кабинета. React, TypeScript, тесты, работа с дизайнерами. Удалённо, полный день.';

describeInBrowser('Settings → AI, Profile and the Letter lab (headless core, fake AI services, real browser)', (suite) => {
  let gigachat: FakeGigaChat;
  let openai: FakeOpenAi;
  let page: Page;

  beforeAll(async () => {
    // GigaChat over TLS with a test-only CA, which the user points the app at in the card's advanced fields.
    gigachat = await startFakeGigaChat({ credentials: GIGACHAT_KEY, tls: await testTls() });
    suite.afterSuite(gigachat.close);
    openai = await startFakeOpenAi({ apiKey: OPENAI_KEY });
    suite.afterSuite(openai.close);
    page = await suite.openApp(await suite.startServer());
    await settings(page, 'ИИ');
    await page.getByTestId('ai-settings').waitFor();
  });

  const card = () => page.getByTestId('ai-settings');
  const testResult = () => card().getByTestId('ai-test-result');
  const testConnection = async (expected: string | RegExp) => {
    await card().getByRole('button', { name: 'Проверить подключение' }).click();
    await testResult().getByText(expected).waitFor();
  };
  /** By the label's start: a field's name also carries its hint and any problem shown inside the label. */
  const fill = (scope: Locator, label: string, value: string) =>
    scope.getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)).fill(value);

  it('fills the profile, with field problems shown next to the field', async () => {
    await settings(page, 'Профиль');
    const profile = page.getByTestId('profile');
    await fill(profile, 'Имя', 'Анна Смирнова');
    await fill(profile, 'Telegram', '@anna_dev');
    await fill(profile, 'Email', 'not-an-email');
    await profile.getByRole('button', { name: 'Сохранить профиль' }).click();
    await profile.getByText('Введите адрес почты вида name@example.ru').waitFor();

    await fill(profile, 'Email', 'anna@example.com');
    await profile.getByRole('textbox', { name: /Ссылки на портфолио/ }).fill('https://github.com/anna');
    await profile.getByRole('button', { name: 'Сохранить профиль' }).click();
    await profile.getByText('Профиль сохранён.').waitFor();
    expect(await profile.getByText('Введите адрес почты').count()).toBe(0);
  });

  it('GigaChat: a bad key is named in plain words, the right one works and lists the models', async () => {
    await settings(page, 'ИИ');
    await card().getByText('GigaChat', { exact: true }).click();
    await fill(card(), 'Ключ авторизации GigaChat', Buffer.from('client-id:wrong').toString('base64'));
    await card().getByText('Корпоративный').click();
    await card().getByText('Дополнительно').click();
    await fill(card(), 'Адрес авторизации (OAuth)', gigachat.authUrl);
    await fill(card(), 'Адрес API', gigachat.baseUrl);
    await fill(card(), 'Файл сертификата CA (путь на этом компьютере)', tlsFixture('test-only-ca.cert.pem'));

    await testConnection('Ключ ИИ-сервиса не подходит');
    expect(gigachat.counts.oauth).toBeGreaterThan(0);
    // The scope the user picked is what the app asked for.
    expect(new URLSearchParams(gigachat.requests.find((request) => request.endpoint === 'oauth')?.body).get('scope')).toBe(
      'GIGACHAT_API_CORP',
    );

    await fill(card(), 'Ключ авторизации GigaChat', GIGACHAT_KEY);
    await testConnection(/Работает: модель GigaChat/);
    await card().getByTestId('ai-key-saved').waitFor();
    const models = card().getByTestId('ai-model-select');
    expect(await models.locator('option').allTextContents()).toEqual(
      expect.arrayContaining(['GigaChat-2', 'GigaChat-2-Pro', 'GigaChat-2-Max']),
    );
    await models.selectOption('GigaChat-2-Max');
    await card().getByRole('button', { name: 'Сохранить', exact: true }).click();
    await card().getByText('Сохранено.').waitFor();
    await testConnection('Работает: модель GigaChat-2-Max');
  });

  it('OpenAI-compatible: presets fill the address; a bad key fails, the right one works; a model is picked from the list', async () => {
    await card().getByText('OpenAI-совместимый').click();
    await card().getByRole('button', { name: 'OpenRouter' }).click();
    expect(await card().getByLabel('Адрес сервиса (base URL)').inputValue()).toBe('https://openrouter.ai/api/v1');
    await fill(card(), 'Адрес сервиса (base URL)', openai.baseUrl);
    await fill(card(), 'Ключ API', 'sk-wrong');
    await fill(card(), 'Модель', 'gpt-4o-mini');

    await testConnection('Ключ ИИ-сервиса не подходит');
    await fill(card(), 'Ключ API', OPENAI_KEY);
    await testConnection('Работает: модель gpt-4o-mini');
    await card().getByTestId('ai-model-select').selectOption('llama3.1:8b');
    await card().getByRole('button', { name: 'Сохранить', exact: true }).click();
    await card().getByText('Сохранено.').waitFor();
    await testConnection('Работает: модель llama3.1:8b');
    await card().screenshot({ path: join(shots, 'ai-settings.png') });
  });

  it('the saved key stays with its address: another address asks for the key again, and the old one gets it back', async () => {
    await card().getByTestId('ai-key-address').getByText(openai.baseUrl).waitFor();
    await fill(card(), 'Адрес сервиса (base URL)', 'http://127.0.0.1:9/v1');
    await card().getByTestId('ai-key-elsewhere').getByText(`Сохранённый ключ введён для ${openai.baseUrl}`).waitFor();
    await card().getByRole('button', { name: 'Сохранить', exact: true }).click();
    await card()
      .getByTestId('ai-save-error')
      .getByText(/на http:\/\/127\.0\.0\.1:9\/v1 приложение его не отправит/)
      .waitFor();
    await card().getByTestId('ai-save-without-key').waitFor();
    // Back to the address the key was entered for: saved as before, the key still there.
    await fill(card(), 'Адрес сервиса (base URL)', openai.baseUrl);
    await card().getByRole('button', { name: 'Сохранить', exact: true }).click();
    await card().getByText('Сохранено.').waitFor();
    await testConnection('Работает: модель llama3.1:8b');
  });

  it("turning GigaChat's certificate checks off needs a confirmation and stays marked unsafe", async () => {
    await card().getByText('GigaChat', { exact: true }).click();
    await card().getByText('Дополнительно').click();
    await card().getByTestId('ai-insecure').check();
    await card().getByTestId('ai-insecure-warning').getByText('Проверка сертификата GigaChat отключена.').waitFor();
    // Without the confirmation the core refuses, in the user's language.
    await card().getByRole('button', { name: 'Проверить подключение' }).click();
    await card()
      .getByTestId('ai-save-error')
      .getByText(/Подтвердите, что сертификат/)
      .waitFor();
    await card().getByTestId('ai-insecure-confirm').check();
    await card().getByRole('button', { name: 'Сохранить', exact: true }).click();
    await card().getByText('Сохранено.').waitFor();
    await card().screenshot({ path: join(shots, 'ai-settings-insecure.png') });
    // Checks back on, and the OpenAI-compatible service again for the lab.
    await card().getByTestId('ai-insecure').uncheck();
    await card().getByRole('button', { name: 'Сохранить', exact: true }).click();
    await card().getByText('Сохранено.').waitFor();
    expect(await card().getByTestId('ai-insecure-warning').count()).toBe(0);
    await card().getByText('OpenAI-совместимый').click();
    await card().getByRole('button', { name: 'Сохранить', exact: true }).click();
    await card().getByText('Сохранено.').waitFor();
  });

  const lab = () => page.getByTestId('letter-lab');
  const pasteVacancy = async () => {
    await lab().getByText('Вставить текст').click();
    await fill(lab(), 'Название вакансии', 'Фронтенд-разработчик');
    await fill(lab(), 'Работодатель', 'ООО Ромашка');
    await fill(lab(), 'Текст вакансии', VACANCY_TEXT);
  };

  it('Letter lab with the OpenAI-compatible model: the letter, the prompt sent and the tokens used', async () => {
    await nav(page, 'Шаблоны');
    await pasteVacancy();
    await lab().getByRole('button', { name: 'Сгенерировать письмо' }).click();
    const output = lab().getByTestId('lab-output');
    await output.waitFor();
    expect(openai.counts.chat).toBeGreaterThan(0);
    const usage = await output.getByTestId('lab-usage').textContent();
    expect(usage).toContain('llama3.1:8b');
    expect(usage).toMatch(/Всего токенов: [1-9]\d*/);
    await output.getByText('Запрос, отправленный ИИ').click();
    expect(await output.getByTestId('lab-prompt').textContent()).toContain('Фронтенд-разработчик');
    // The app's contacts block from the profile ends the letter.
    expect(await output.getByRole('textbox', { name: 'Письмо' }).inputValue()).toContain('anna@example.com');
  });

  it('"No AI: my template" with an unknown placeholder: validation stops the letter; fixing it and validating again passes', async () => {
    await settings(page, 'ИИ');
    await card().getByText('Без ИИ: мой шаблон').click();
    await card().getByRole('button', { name: 'Сохранить', exact: true }).click();
    await card().getByText('Сохранено.').waitFor();

    await nav(page, 'Шаблоны');
    await pasteVacancy();
    await fill(
      lab(),
      'Инструкция',
      'Здравствуйте! Меня заинтересовала вакансия «{vacancy_title}» в {employer}. {foo}\n\nС уважением, {name}',
    );
    await lab().getByRole('button', { name: 'Сгенерировать письмо' }).click();
    const problem = lab().locator('[data-code="placeholder"]');
    await problem.waitFor();
    expect(await problem.textContent()).toContain('{foo}');
    const letterBox = lab().getByRole('textbox', { name: 'Письмо' });
    const letter = await letterBox.inputValue();
    expect(letter).toContain('«Фронтенд-разработчик» в ООО Ромашка');
    expect(await lab().getByTestId('lab-usage').textContent()).toContain('шаблон (без ИИ)');
    await lab().screenshot({ path: join(shots, 'letter-lab.png') });

    await letterBox.fill(letter.replace(' {foo}', ''));
    await lab().getByRole('button', { name: 'Проверить снова' }).click();
    await lab().getByText('Проверка пройдена').waitFor();

    await lab().getByText('Сохранить как шаблон').click();
    await fill(lab(), 'Название шаблона', 'Мой шаблон');
    await lab().getByRole('button', { name: 'Сохранить шаблон' }).click();
    await lab().getByText('Шаблон сохранён.').waitFor();
    expect(await lab().getByTestId('lab-template').locator('option').allTextContents()).toContain('Мой шаблон (по умолчанию)');
  });
});

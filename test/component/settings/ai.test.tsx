import { userEvent } from '@testing-library/user-event';
import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ZodError } from 'zod';
import { channels, fieldIssuesOf, type AiSettings, type ChannelOutput, type Result } from '../../../shared/contract';
import { Settings } from '../../../renderer/src/screens/settings/Settings';
import { FakeClient } from '../support/fake-client';
import { gigachatWithKey, sberAddresses, templateOnly } from '../support/fixtures/ai';
import { renderScreen } from '../support/render';

type View = ChannelOutput<'ai.settings.get'>;

const refused = (error: ZodError, input: unknown) => ({
  ok: false as const,
  error: { code: 'invalid_input' as const, message: 'Some of the values are not valid.', issues: fieldIssuesOf(error, input) },
});

/** Answers as the core would: the contract's own check first (its issues by field), then what was saved. */
function coreLike(stored: View) {
  let view = stored;
  const fake = new FakeClient().ok('ai.settings.get', view).on('ai.settings.set', async (input) => {
    const parsed = channels['ai.settings.set'].input.safeParse(input);
    if (!parsed.success) return refused(parsed.error, input);
    const settings: AiSettings = parsed.data.settings;
    const keys = {
      gigachat: view.keys.gigachat || Boolean(parsed.data.gigachatKey),
      openai: view.keys.openai || Boolean(parsed.data.openaiKey),
    };
    view = { settings, keys, keyAddresses: view.keyAddresses };
    return { ok: true, value: view };
  });
  return fake;
}

/** The core's check of what a test is given, then the answer the test names. */
const checkedTest =
  (answer: ChannelOutput<'ai.test'>) =>
  async (input: unknown): Promise<Result<ChannelOutput<'ai.test'>>> => {
    const parsed = channels['ai.test'].input.safeParse(input);
    return parsed.success ? { ok: true, value: answer } : refused(parsed.error, input);
  };

/** Settings opened at its AI section, as the sidebar's "ИИ" does. */
async function openAi(fake: FakeClient) {
  renderScreen(<Settings />, fake, { settingsSection: 'ai' });
  return screen.findByRole('region', { name: 'ИИ' });
}

describe('Settings → AI', () => {
  it('opens on the stored service, shows the fields of the one picked and saves them', async () => {
    const fake = coreLike(templateOnly);
    const ai = await openAi(fake);
    const kinds = within(ai).getByRole('radiogroup', { name: 'ИИ' });
    expect(within(kinds).getByRole('radio', { name: 'Без ИИ: мой шаблон' })).toBeChecked();
    expect(within(ai).queryByLabelText('Ключ API')).not.toBeInTheDocument();
    expect(within(ai).queryByRole('button', { name: 'Проверить подключение' })).not.toBeInTheDocument();

    await userEvent.click(within(kinds).getByRole('radio', { name: 'GigaChat' }));
    expect(within(ai).getByLabelText('Ключ авторизации GigaChat')).toHaveAttribute('type', 'password');
    expect(within(ai).getByRole('radio', { name: 'Физлицо' })).toBeChecked();
    expect(within(ai).queryByRole('textbox', { name: /^Адрес сервиса/ })).not.toBeInTheDocument();
    expect(within(ai).getByRole('button', { name: 'Проверить подключение' })).toBeEnabled();

    await userEvent.click(within(kinds).getByRole('radio', { name: 'OpenAI-совместимый' }));
    expect(within(ai).queryByLabelText('Ключ авторизации GigaChat')).not.toBeInTheDocument();
    expect(within(ai).getByLabelText('Ключ API')).toHaveValue('');
    const address = within(ai).getByRole('textbox', { name: /^Адрес сервиса/ });
    expect(address).toHaveValue('https://api.openai.com/v1');
    await userEvent.click(within(ai).getByRole('button', { name: 'Ollama' }));
    expect(address).toHaveValue('http://localhost:11434/v1');
    await userEvent.type(within(ai).getByRole('textbox', { name: /^Модель/ }), 'llama3.1');
    await userEvent.click(within(ai).getByRole('button', { name: 'Сохранить' }));

    expect(await within(ai).findByText('Сохранено.')).toBeVisible();
    expect(fake.inputs('ai.settings.set')).toEqual([
      { settings: { kind: 'openai', baseUrl: 'http://localhost:11434/v1', model: 'llama3.1' } },
    ]);
  });

  it('turns certificate checks off only with the risk confirmed, and says so outside "Advanced"', async () => {
    const fake = coreLike(gigachatWithKey);
    const ai = await openAi(fake);
    expect(within(ai).queryByTestId('ai-insecure-warning')).not.toBeInTheDocument();
    await userEvent.click(within(ai).getByText('Дополнительно'));
    await userEvent.click(within(ai).getByRole('checkbox', { name: 'Не проверять сертификат (небезопасно)' }));
    expect(within(ai).getByTestId('ai-insecure-warning')).toHaveTextContent('Проверка сертификата GigaChat отключена.');
    const confirm = within(ai).getByRole('checkbox', { name: 'Я понимаю риск и всё равно отключаю проверку сертификата' });
    expect(confirm).not.toBeChecked();
    await userEvent.click(confirm);
    await userEvent.click(within(ai).getByRole('button', { name: 'Сохранить' }));
    expect(await within(ai).findByText('Сохранено.')).toBeVisible();
    expect(fake.inputs('ai.settings.set')).toEqual([
      { settings: { ...gigachatWithKey.settings, insecureSkipVerify: true }, confirmInsecureSkipVerify: true },
    ]);
  });
});

describe('Settings → AI: a field the core finds wrong', () => {
  it('says in Russian next to the field what it takes, keeps what was typed, and saves once it is fixed', async () => {
    const fake = coreLike(templateOnly);
    const ai = await openAi(fake);
    await userEvent.click(within(ai).getByRole('radio', { name: 'OpenAI-совместимый' }));
    const address = within(ai).getByRole('textbox', { name: /^Адрес сервиса/ });
    await userEvent.clear(address);
    await userEvent.type(address, 'api.openai.com/v1');
    await userEvent.type(within(ai).getByRole('textbox', { name: /^Модель/ }), 'gpt-4o-mini');
    await userEvent.click(within(ai).getByRole('button', { name: 'Сохранить' }));

    // In the field's own label (so a screen reader reads it with the field), and in Russian, not the core's English.
    const said = 'Введите адрес сервиса целиком, например https://api.openai.com/v1 или http://localhost:11434/v1';
    expect(await within(ai).findByRole('alert')).toHaveTextContent(said);
    expect(address).toHaveAccessibleName(`Адрес сервиса (base URL) ${said}`);
    expect(within(ai).queryByText(/Enter the service address/)).not.toBeInTheDocument();
    expect(within(ai).queryByText(/Some of the values are not valid/)).not.toBeInTheDocument();
    expect(within(ai).queryByText('Сохранено.')).not.toBeInTheDocument();
    expect(address).toHaveValue('api.openai.com/v1');

    await userEvent.clear(address);
    await userEvent.type(address, 'https://api.openai.com/v1');
    await userEvent.click(within(ai).getByRole('button', { name: 'Сохранить' }));
    expect(await within(ai).findByText('Сохранено.')).toBeVisible();
    expect(within(ai).queryByRole('alert')).not.toBeInTheDocument();
  });

  it('for GigaChat names its own rule (https only), not the OpenAI example', async () => {
    const fake = coreLike(gigachatWithKey);
    const ai = await openAi(fake);
    await userEvent.click(within(ai).getByText('Дополнительно'));
    await userEvent.type(within(ai).getByRole('textbox', { name: /^Адрес API/ }), 'gigachat.local');
    await userEvent.click(within(ai).getByRole('button', { name: 'Сохранить' }));
    expect(await within(ai).findByRole('alert')).toHaveTextContent('Введите полный адрес, начиная с https://, или оставьте поле пустым');
    expect(within(ai).getByRole('textbox', { name: /^Адрес API/ })).toHaveAccessibleName(/начиная с https:\/\//);
  });
});

describe('Settings → AI: the key', () => {
  it('never shows the stored key: the field stays empty, says one is kept and where it goes, and empty keeps it', async () => {
    const fake = coreLike(gigachatWithKey);
    const ai = await openAi(fake);
    const key = within(ai).getByLabelText('Ключ авторизации GigaChat');
    expect(key).toHaveValue('');
    expect(key).toHaveAttribute('placeholder', 'ключ сохранён; оставьте пустым, чтобы не менять');
    expect(within(ai).getByTestId('ai-key-saved')).toHaveTextContent('Ключ сохранён.');
    expect(within(ai).getByTestId('ai-key-address')).toHaveTextContent(`Ключ введён для ${sberAddresses} и отправляется только туда.`);

    await userEvent.click(within(ai).getByRole('button', { name: 'Сохранить' }));
    expect(await within(ai).findByText('Сохранено.')).toBeVisible();
    expect(fake.inputs('ai.settings.set')[0]).not.toHaveProperty('gigachatKey');

    await userEvent.type(key, 'bmV3LWtleQ==');
    await userEvent.click(within(ai).getByRole('button', { name: 'Сохранить' }));
    await vi.waitFor(() => expect(fake.inputs('ai.settings.set')).toHaveLength(2));
    expect(fake.inputs('ai.settings.set')[1]).toMatchObject({ gigachatKey: 'bmV3LWtleQ==' });
    // Saved: the field empties again rather than keep the key on the page.
    await vi.waitFor(() => expect(key).toHaveValue(''));
    expect(document.body.innerHTML).not.toContain('bmV3LWtleQ==');
  });

  it('warns that the stored key stays with its old address, and saves without it when asked', async () => {
    const fake = coreLike(gigachatWithKey);
    const moved = 'https://auth.example.ru/oauth';
    const refusal = {
      code: 'ai_key_address_changed' as const,
      message: 'The key was entered for another address.',
      key: 'ai.keyAddressChanged' as const,
      params: { was: sberAddresses, now: moved },
    };
    const set = fake.hold('ai.settings.set');
    const ai = await openAi(fake);
    await userEvent.click(within(ai).getByText('Дополнительно'));
    await userEvent.type(within(ai).getByRole('textbox', { name: /^Адрес авторизации/ }), moved);
    expect(within(ai).getByTestId('ai-key-elsewhere')).toHaveTextContent(`Сохранённый ключ введён для ${sberAddresses}`);

    await userEvent.click(within(ai).getByRole('button', { name: 'Сохранить' }));
    await set.asked;
    await set.fail(refusal);
    expect(await within(ai).findByTestId('ai-save-error')).toHaveTextContent(`Ключ был введён для ${sberAddresses}; на ${moved}`);

    fake.ok('ai.settings.set', { ...gigachatWithKey, settings: { ...gigachatWithKey.settings, authUrl: moved } });
    await userEvent.click(within(ai).getByRole('button', { name: 'Сохранить без старого ключа' }));
    expect(await within(ai).findByText('Сохранено.')).toBeVisible();
    expect(fake.inputs('ai.settings.set').at(-1)).toMatchObject({ forgetStoredKey: true, settings: { authUrl: moved } });
    expect(within(ai).queryByTestId('ai-save-error')).not.toBeInTheDocument();
  });
});

describe('Settings → AI: Test connection', () => {
  it('tests what is typed before saving, waits with both buttons off, saves once it works, then offers the models', async () => {
    const fake = coreLike(gigachatWithKey);
    const test = fake.hold('ai.test');
    const ai = await openAi(fake);
    await userEvent.click(within(ai).getByRole('button', { name: 'Проверить подключение' }));
    await test.asked;
    expect(within(ai).getByRole('button', { name: 'Проверяю…' })).toBeDisabled();
    expect(within(ai).getByRole('button', { name: 'Сохранить' })).toBeDisabled();
    // Nothing is saved before the test passes: a wrong key would otherwise replace one that works.
    expect(fake.calls.map((call) => call.name).filter((name) => name !== 'ai.settings.get')).toEqual(['ai.test']);
    expect(fake.inputs('ai.test')[0]).toMatchObject({ settings: { kind: 'gigachat' } });

    await test.release({ model: 'GigaChat-2', models: ['GigaChat-2', 'GigaChat-2-Max'] });
    const result = await within(ai).findByTestId('ai-test-result');
    expect(fake.calls.map((call) => call.name).filter((name) => name !== 'ai.settings.get')).toEqual(['ai.test', 'ai.settings.set']);
    expect(result).toHaveTextContent('Работает: модель GigaChat-2');
    expect(result).toHaveTextContent('Доступно моделей: 2. Выберите модель в списке выше и сохраните.');
    const model = within(ai).getByRole('combobox', { name: /^Модель/ });
    expect(
      within(model)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['По умолчанию', 'GigaChat-2', 'GigaChat-2-Max']);
    expect(within(ai).getByRole('button', { name: 'Проверить подключение' })).toBeEnabled();
  });

  it('when the service refuses says why in Russian, in the card', async () => {
    const fake = coreLike(gigachatWithKey).fail('ai.test', { code: 'ai_bad_key', message: 'GigaChat did not accept the key (HTTP 401).' });
    const ai = await openAi(fake);
    await userEvent.click(within(ai).getByRole('button', { name: 'Проверить подключение' }));
    const result = await within(ai).findByTestId('ai-test-result');
    expect(within(result).getByRole('alert')).toHaveTextContent('Не работает. Ключ ИИ-сервиса не подходит. Проверьте его в настройках.');
    expect(within(ai).queryByRole('combobox', { name: /^Модель/ })).not.toBeInTheDocument();
    // The card says it; the app's banner stays for failures that are not the card's own.
    expect(screen.queryByText('Что-то пошло не так')).not.toBeInTheDocument();
    // A key that failed its test is never saved, and the settings that worked stay as they were.
    expect(fake.inputs('ai.settings.set')).toEqual([]);
  });

  it('says a wrong address at its field, in Russian, and saves nothing', async () => {
    const fake = coreLike(templateOnly).on('ai.test', checkedTest({ model: 'gpt-4o-mini', models: [] }));
    const ai = await openAi(fake);
    await userEvent.click(within(ai).getByRole('radio', { name: 'OpenAI-совместимый' }));
    await userEvent.clear(within(ai).getByRole('textbox', { name: /^Адрес сервиса/ }));
    await userEvent.type(within(ai).getByRole('textbox', { name: /^Адрес сервиса/ }), 'api.openai.com');
    await userEvent.type(within(ai).getByRole('textbox', { name: /^Модель/ }), 'gpt-4o-mini');
    await userEvent.click(within(ai).getByRole('button', { name: 'Проверить подключение' }));
    expect(await within(ai).findByRole('alert')).toHaveTextContent('Введите адрес сервиса целиком');
    expect(within(ai).queryByTestId('ai-test-result')).not.toBeInTheDocument();
    expect(fake.inputs('ai.settings.set')).toEqual([]);
  });
});

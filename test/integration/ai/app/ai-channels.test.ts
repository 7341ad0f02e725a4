import { afterEach, describe, expect, it } from 'vitest';
import { startFakeOpenAi, type FakeOpenAi } from '../../../fakes/ai';
import { readAppEnv } from '../../../../main/core/secrets';
import { startTestCore, type TestCore } from '../../../support/core';

const profile = { name: 'Анна Иванова', telegram: '@anna_dev', email: 'anna@example.ru', phone: '', links: ['https://anna.dev'] };
const vacancyText = {
  source: 'text' as const,
  title: 'Python-разработчик',
  employer: 'ООО Ромашка',
  text: 'Обязанности: разработка backend на Python и Django. Требования: опыт от 3 лет, PostgreSQL, Docker. Условия: удалённая работа.',
};
const letterFromModel =
  'Здравствуйте!\n\nМеня заинтересовала вакансия Python-разработчика в ООО Ромашка. Пять лет я пишу backend на Python и Django, работаю с PostgreSQL и Docker.\n\nБуду рад обсудить, чем могу быть полезен.\n\nАнна Иванова';

let app: TestCore | undefined;
let fake: FakeOpenAi | undefined;
afterEach(async () => {
  await app?.close();
  await fake?.close();
  app = undefined;
  fake = undefined;
});

const answer = (content: string) => ({
  status: 200,
  body: {
    id: 'c1',
    object: 'chat.completion',
    created: 0,
    model: 'gpt-4o-mini',
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 812, completion_tokens: 140, total_tokens: 952 },
  },
});

describe('AI through the contract', () => {
  it('with nothing set in the app, OPENAI_* from .env configure the AI (the key is used, not copied into the vault); saved settings win', async () => {
    fake = await startFakeOpenAi({ apiKey: 'sk-env-key-1234567890' });
    app = await startTestCore({
      env: readAppEnv({ OPENAI_API_KEY: 'sk-env-key-1234567890', OPENAI_BASE_URL: fake.baseUrl, OPENAI_MODEL: 'gpt-4o-mini' }),
    });
    expect(await app.core.invoke('ai.settings.get', {})).toMatchObject({
      ok: true,
      value: { settings: { kind: 'openai', model: 'gpt-4o-mini' }, keys: { openai: true } },
    });
    expect(await app.core.invoke('ai.test', {})).toMatchObject({ ok: true, value: { model: 'gpt-4o-mini' } });
    expect(await app.core.vault.get('openai.api_key')).toBeUndefined();
    await app.core.invoke('ai.settings.set', { settings: { kind: 'template' } });
    expect(await app.core.invoke('ai.settings.get', {})).toMatchObject({ ok: true, value: { settings: { kind: 'template' } } });
  });

  it('with no setup at all writes a letter from the template, ending with the contacts block', async () => {
    app = await startTestCore();
    expect(await app.core.invoke('ai.settings.get', {})).toMatchObject({ ok: true, value: { settings: { kind: 'template' } } });
    await app.core.invoke('profile.set', profile);
    const result = await app.core.invoke('templates.try', { vacancy: vacancyText });
    expect(result.ok).toBe(true);
    const value = (result as { value: { letter: string; source: string; validation: { ok: boolean } } }).value;
    expect(value.source).toBe('template');
    expect(value.letter).toContain('Python-разработчик');
    expect(value.letter.match(/t\.me\/anna_dev/g)).toHaveLength(1);
    expect(value.validation.ok).toBe(true);
  });

  it('an OpenAI-compatible service: keys go to the vault only, test connection lists models, the lab shows prompt and tokens', async () => {
    fake = await startFakeOpenAi({ apiKey: 'sk-right-key-123456' });
    app = await startTestCore();
    await app.core.invoke('profile.set', profile);
    const saved = await app.core.invoke('ai.settings.set', {
      settings: { kind: 'openai', baseUrl: fake.baseUrl, model: 'gpt-4o-mini' },
      openaiKey: 'sk-right-key-123456',
    });
    expect(saved).toMatchObject({ ok: true, value: { keys: { openai: true } } });
    expect(JSON.stringify(saved)).not.toContain('sk-right-key-123456');

    expect(await app.core.invoke('ai.test', {})).toMatchObject({
      ok: true,
      value: { model: 'gpt-4o-mini', models: ['gpt-4o-mini', 'llama3.1:8b'] },
    });

    fake.enqueue('chat', answer(letterFromModel));
    const result = await app.core.invoke('templates.try', {
      vacancy: vacancyText,
      instruction: 'Подчеркни опыт с Django',
      tone: 'деловой',
    });
    expect(result).toMatchObject({ ok: true, value: { source: 'ai', usage: { totalTokens: 952 }, validation: { ok: true } } });
    const value = (result as { value: { prompt: string; letter: string } }).value;
    expect(value.prompt).toContain('Python-разработчик');
    expect(value.prompt).toContain('Подчеркни опыт с Django');
    expect(value.letter.endsWith('https://anna.dev')).toBe(true);
  });

  it('a bad key says so in plain words, and a model with placeholders fails validation (shown, never sent)', async () => {
    fake = await startFakeOpenAi({ apiKey: 'sk-right-key-123456' });
    app = await startTestCore();
    await app.core.invoke('profile.set', profile);
    await app.core.invoke('ai.settings.set', {
      settings: { kind: 'openai', baseUrl: fake.baseUrl, model: 'gpt-4o-mini' },
      openaiKey: 'sk-wrong-key-000000',
    });
    const test = await app.core.invoke('ai.test', {});
    expect(test).toMatchObject({ ok: false, error: { code: 'ai_bad_key', next: { kind: 'open_settings' } } });
    expect(JSON.stringify(test)).not.toContain('sk-wrong-key-000000');

    await app.core.invoke('ai.settings.set', {
      settings: { kind: 'openai', baseUrl: fake.baseUrl, model: 'gpt-4o-mini' },
      openaiKey: 'sk-right-key-123456',
    });
    fake.enqueue('chat', answer('Здравствуйте, [Имя рекрутера]!\n\nКак языковая модель, я не могу знать ваш опыт. **Готов** к работе.'));
    const result = await app.core.invoke('templates.try', { vacancy: vacancyText });
    const codes = (result as { value: { validation: { ok: boolean; problems: { code: string }[] } } }).value.validation.problems.map(
      (p) => p.code,
    );
    expect((result as { value: { validation: { ok: boolean } } }).value.validation.ok).toBe(false);
    expect(codes).toEqual(expect.arrayContaining(['placeholder', 'ai_disclaimer']));
  });

  it('"Test connection" tests typed settings before saving: a wrong key changes nothing, a right one is not stored by the test', async () => {
    fake = await startFakeOpenAi({ apiKey: 'sk-right-key-123456' });
    app = await startTestCore();
    const typed = { kind: 'openai' as const, baseUrl: fake.baseUrl, model: 'gpt-4o-mini' };
    const wrong = await app.core.invoke('ai.test', { settings: typed, openaiKey: 'sk-wrong-key-000000' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'ai_bad_key' } });
    expect(JSON.stringify(wrong)).not.toContain('sk-wrong-key-000000');
    const right = await app.core.invoke('ai.test', { settings: typed, openaiKey: 'sk-right-key-123456' });
    expect(right).toMatchObject({ ok: true, value: { model: 'gpt-4o-mini' } });
    // Neither test saved anything: the app still writes from the template, and no key is kept.
    expect(await app.core.invoke('ai.settings.get', {})).toMatchObject({
      ok: true,
      value: { settings: { kind: 'template' }, keys: { openai: false } },
    });
  });

  it('saves a lab instruction as a template and uses it as the default', async () => {
    app = await startTestCore();
    const saved = await app.core.invoke('templates.save', {
      template: { name: 'Бэкенд', instruction: 'Коротко, про Python', tone: 'деловой', maxLength: 1500 },
      makeDefault: true,
    });
    expect(saved).toMatchObject({ ok: true, value: [{ name: 'Бэкенд', isDefault: true, maxLength: 1500 }] });
    const bad = await app.core.invoke('templates.save', { template: { name: '', instruction: 'x', maxLength: 50 } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('refuses a lab vacancy that is not an hh.ru link or number', async () => {
    app = await startTestCore();
    const result = await app.core.invoke('templates.try', { vacancy: { source: 'hh', idOrUrl: 'https://example.com/jobs/1' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

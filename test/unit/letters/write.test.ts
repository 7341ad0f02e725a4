import { describe, expect, it } from 'vitest';
import { cleanLetterBody, writeLetter } from '../../../main/core/letters/writing';
import { FakeProvider } from '../../support/fake-provider';
import { contactsRu, englishVacancy, frontendVacancy, goodBody, profile, resume } from '../../support/ai-fixtures';

const occurrences = (text: string, part: string) => text.split(part).length - 1;
const write = (provider: FakeProvider, overrides: Partial<Parameters<typeof writeLetter>[0]> = {}) =>
  writeLetter({ provider, vacancy: frontendVacancy, resume, profile, template: null, ...overrides });

describe('writeLetter', () => {
  it('appends the contacts block to a clean letter, once, and it validates', async () => {
    const provider = new FakeProvider(goodBody);
    const result = await write(provider);
    expect(result.letter).toBe(`${goodBody}\n\n${contactsRu}`);
    expect(result.body).toBe(goodBody);
    expect(occurrences(result.letter, 'Контакты для связи:')).toBe(1);
    expect(result.validation).toEqual({ ok: true, problems: [], unsupported: [] });
    expect(result).toMatchObject({ model: 'fake-model', language: 'ru', source: 'ai' });
    expect(result.usage.totalTokens).toBeGreaterThan(0);
    expect(result.prompt).toContain('Frontend-разработчик (React)');
    expect(result.prompt).toBe(provider.calls[0]!.messages.map((m) => `--- ${m.role} ---\n${m.content}`).join('\n\n'));
  });

  it("replaces the model's own contacts with the app's block, so it appears exactly once", async () => {
    const own = `${goodBody}\n\nКонтакты для связи:\n- Telegram: @anna\n- Email: anna@example.com\n- Портфолио: https://example.com`;
    const result = await write(new FakeProvider(own));
    expect(occurrences(result.letter, 'Контакты для связи:')).toBe(1);
    expect(result.letter).not.toContain('anna@example.com');
    expect(result.letter.endsWith(contactsRu)).toBe(true);
    expect(result.validation.ok).toBe(true);
  });

  it('does not double the block when the model copied it exactly', async () => {
    const result = await write(new FakeProvider(`${goodBody}\n\n${contactsRu}`));
    expect(result.letter).toBe(`${goodBody}\n\n${contactsRu}`);
  });

  it('passes the signal, a token cap and a temperature to the provider', async () => {
    const provider = new FakeProvider(goodBody);
    const controller = new AbortController();
    await write(provider, { signal: controller.signal, timeoutMs: 30_000 });
    expect(provider.calls[0]!.options).toMatchObject({ signal: controller.signal, timeoutMs: 30_000, temperature: 0.7 });
    expect(provider.calls[0]!.options.maxTokens).toBeGreaterThan(500);
  });

  it('stops before asking the model when already cancelled', async () => {
    const provider = new FakeProvider(goodBody);
    const controller = new AbortController();
    controller.abort();
    await expect(write(provider, { signal: controller.signal })).rejects.toThrow();
    expect(provider.callCount).toBe(0);
  });

  it("passes the provider's typed errors through", async () => {
    const failure = Object.assign(new Error('quota'), { code: 'ai_quota_exhausted' });
    await expect(write(new FakeProvider(failure))).rejects.toBe(failure);
  });

  it('marks a letter cut at the token cap', async () => {
    const result = await write(new FakeProvider({ text: goodBody.slice(0, 300), finishReason: 'length' }));
    expect(result.validation.problems.map((problem) => problem.code)).toEqual(['cut_off']);
  });

  it('writes in English for an English vacancy, with the English block', async () => {
    const provider = new FakeProvider(
      'Dear Tinkoff team,\n\nI have built payment services in Go for five years.\n\nBest regards,\nAnna Smirnova',
    );
    const result = await write(provider, { vacancy: englishVacancy });
    expect(result.language).toBe('en');
    expect(
      result.letter.endsWith(
        'Contacts:\n- Telegram: https://t.me/anna_frontend\n- Email: anna.smirnova@example.ru\n- Portfolio: https://annasmirnova.dev',
      ),
    ).toBe(true);
    expect(result.validation.ok).toBe(true);
  });

  it('shows a refusal as a failed letter, never as a sendable one', async () => {
    const result = await write(new FakeProvider('Как языковая модель, я не могу написать письмо от вашего имени.'));
    expect(result.validation.ok).toBe(false);
    expect(result.validation.problems.map((problem) => problem.code)).toContain('ai_disclaimer');
  });
});

describe('cleanLetterBody', () => {
  it('strips a fence, a lead-in, a title and Markdown', () => {
    const raw =
      '```\nКонечно! Вот сопроводительное письмо:\n\n**Сопроводительное письмо**\n\nЗдравствуйте!\n\n**Опыт:** шесть лет с *React*.\n* Vite\n* TypeScript\n```';
    expect(cleanLetterBody(raw)).toBe('Здравствуйте!\n\nОпыт: шесть лет с React.\n- Vite\n- TypeScript');
  });

  it('strips wrapping quotes and an offer to adjust the letter', () => {
    expect(
      cleanLetterBody('«Здравствуйте! Хочу у вас работать.»\n\nНадеюсь, это письмо вам подойдёт! Если нужно, могу адаптировать письмо.'),
    ).toBe('Здравствуйте! Хочу у вас работать.');
    expect(cleanLetterBody('"Hello, I want to join."')).toBe('Hello, I want to join.');
    // A closing line of the letter itself stays.
    expect(cleanLetterBody('Здравствуйте!\n\nНадеюсь на плодотворное сотрудничество.')).toBe(
      'Здравствуйте!\n\nНадеюсь на плодотворное сотрудничество.',
    );
  });

  it('fills or drops signature placeholders', () => {
    const raw = 'Здравствуйте!\n\nХочу у вас работать.\n\nС уважением,\n[Ваше имя]\n[Ваш телефон]\n[Ваш email]';
    expect(cleanLetterBody(raw, { name: 'Анна Смирнова' })).toBe('Здравствуйте!\n\nХочу у вас работать.\n\nС уважением,\nАнна Смирнова');
    expect(cleanLetterBody(raw)).toBe('Здравствуйте!\n\nХочу у вас работать.\n\nС уважением,');
    expect(cleanLetterBody('Привет.\n\nС уважением, [Имя Фамилия]', { name: 'Анна' })).toBe('Привет.\n\nС уважением, Анна');
    expect(cleanLetterBody('Hello.\n\nBest regards,\n[Your Name]', { name: 'Anna' })).toBe('Hello.\n\nBest regards,\nAnna');
  });

  it('adds the name under a bare sign-off, but not twice', () => {
    expect(cleanLetterBody('Привет.\n\nС уважением,', { name: 'Анна' })).toBe('Привет.\n\nС уважением,\nАнна');
    expect(cleanLetterBody('Привет.\n\nС уважением, Анна', { name: 'Анна' })).toBe('Привет.\n\nС уважением, Анна');
  });

  it('leaves placeholders in the body for validation to report', () => {
    expect(cleanLetterBody('Хочу работать в {company} на позиции [должность].')).toBe('Хочу работать в {company} на позиции [должность].');
  });
});

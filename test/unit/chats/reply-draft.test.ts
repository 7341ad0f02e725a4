import { describe, expect, it } from 'vitest';
import { draftReply, matchButton, type IncomingMessage } from '../../../main/core/chats/replies';
import { FakeProvider } from '../../support/fake-provider';
import { frontendVacancy, profile, resume } from '../../support/ai-fixtures';

const employer = (text: string, buttons: string[] = []): IncomingMessage => ({ author: 'employer', text, buttons });
const me = (text: string): IncomingMessage => ({ author: 'me', text, buttons: [] });
const reply = (provider: FakeProvider, messages: IncomingMessage[]) =>
  draftReply({ provider, messages, resume, profile, vacancy: frontendVacancy });

const buttons = ['Да, есть опыт', 'Нет опыта', 'Хочу научиться'];
const question = employer('Вопрос 1 из 3. Есть ли у вас опыт коммерческой разработки на React?', buttons);

describe('matchButton', () => {
  it.each([
    ['Да, есть опыт', 'Да, есть опыт'],
    ['  да,  ЕСТЬ опыт. ', 'Да, есть опыт'],
    ['«Нет опыта»', 'Нет опыта'],
    ['Ответ: Хочу научиться', 'Хочу научиться'],
    ['2', 'Нет опыта'],
    ['3. Хочу научиться', 'Хочу научиться'],
    ['**Да, есть опыт**', 'Да, есть опыт'],
  ])('maps %j to the exact button %j', (answer, button) => {
    expect(matchButton(answer, buttons)).toEqual({ kind: 'matched', button });
  });

  it.each(['Да', 'Да, у меня 6 лет опыта с React', '4', '2. Да, есть опыт', '', 'Нет опыта или хочу научиться'])(
    'matches nothing for %j',
    (answer) => {
      expect(matchButton(answer, buttons).kind).toBe('no_match');
    },
  );

  it('prefers a button whose text is a number over the position', () => {
    expect(matchButton('3', ['1', '2', '3', '5+'])).toEqual({ kind: 'matched', button: '3' });
  });

  it('knows when the model is unsure', () => {
    expect(matchButton('UNKNOWN', buttons)).toEqual({ kind: 'unsure' });
  });
});

describe('draftReply', () => {
  it("gives the model the user's salary expectation, to say only when asked, and nothing when the profile has none", async () => {
    const asked = employer('Какие у вас зарплатные ожидания?');
    const withSalary = new FakeProvider('Рассматриваю от 250 000 ₽ на руки.');
    await draftReply({
      provider: withSalary,
      messages: [asked],
      resume,
      profile: { ...profile, salaryExpectation: 'от 250 000 ₽ на руки' },
      vacancy: frontendVacancy,
    });
    expect(withSalary.prompt()).toContain(
      'Ожидания по зарплате (называй, только если работодатель спрашивает о зарплате): от 250 000 ₽ на руки',
    );
    const without = new FakeProvider('Уточню и отвечу отдельно.');
    await draftReply({ provider: without, messages: [asked], resume, profile, vacancy: frontendVacancy });
    expect(without.prompt()).not.toContain('Ожидания по зарплате');
  });

  it("answers a bot's buttons with exactly one button's text and allows auto-send", async () => {
    const provider = new FakeProvider('да, есть опыт');
    const draft = await reply(provider, [me('Здравствуйте!'), question]);
    expect(draft).toMatchObject({ text: 'Да, есть опыт', kind: 'bot', mustBeOneOf: buttons, autoSendAllowed: true, problems: [] });
    expect(buttons).toContain(draft.text);
    // Rules classified it: one call, to choose the button, grounded in the resume.
    expect(provider.callCount).toBe(1);
    expect(provider.prompt()).toContain('1. Да, есть опыт\n2. Нет опыта\n3. Хочу научиться');
    expect(provider.prompt()).toContain('Ozon');
    expect(provider.calls[0]!.options).toMatchObject({ temperature: 0.1 });
  });

  it('falls back safely when the model answers something that is not a button', async () => {
    const draft = await reply(new FakeProvider('Да, у меня шесть лет опыта с React.'), [question]);
    expect(draft).toMatchObject({ text: '', mustBeOneOf: buttons, autoSendAllowed: false, note: { code: 'no_button_matched' } });
  });

  it('leaves the choice to the user when the resume does not answer', async () => {
    const draft = await reply(new FakeProvider('UNKNOWN'), [employer('Готовы к переезду в Казань?', ['Да', 'Нет'])]);
    expect(draft).toMatchObject({ text: '', autoSendAllowed: false, note: { code: 'model_unsure' } });
  });

  it('never auto-sends a button answer to an invitation', async () => {
    const draft = await reply(new FakeProvider('Вт 14:00'), [
      employer('Приглашаем вас на собеседование! Выберите время:', ['Пн 10:00', 'Вт 14:00']),
    ]);
    expect(draft).toMatchObject({ text: 'Вт 14:00', kind: 'invitation', mustBeOneOf: ['Пн 10:00', 'Вт 14:00'], autoSendAllowed: false });
  });

  it('drafts a grounded reply to a person, never auto-sent', async () => {
    const provider = new FakeProvider([
      '{"kind": "human", "confidence": 0.9, "reason": "A personal question"}',
      '"Здравствуйте! Да, в Ozon я переводила сборку на Vite и работала с модульной архитектурой. С удовольствием расскажу подробнее."',
    ]);
    const draft = await reply(provider, [
      me('Здравствуйте!'),
      employer('Анна, добрый день! Расскажите, пожалуйста, про ваш опыт со сборкой фронтенда?'),
    ]);
    expect(draft).toMatchObject({ kind: 'human', autoSendAllowed: false, problems: [], model: 'fake-model' });
    expect(draft.text).toBe(
      'Здравствуйте! Да, в Ozon я переводила сборку на Vite и работала с модульной архитектурой. С удовольствием расскажу подробнее.',
    );
    expect(draft.mustBeOneOf).toBeUndefined();
    expect(provider.callCount).toBe(2);
    expect(draft.usage.totalTokens).toBeGreaterThan(0);
    expect(provider.prompt(1)).toContain('Анна Смирнова');
    expect(provider.prompt(1)).toContain('Frontend-разработчик (React), Яндекс Практикум');
    expect(provider.prompt(1)).toContain('Работодатель: Анна, добрый день!');
  });

  it('flags a human draft with a placeholder or a disclaimer', async () => {
    const provider = new FakeProvider(['{"kind": "human"}', 'Как языковая модель, я не знаю вашу зарплату. Моя ставка — [сумма].']);
    const draft = await reply(provider, [employer('Какие у вас зарплатные ожидания?')]);
    expect(draft.autoSendAllowed).toBe(false);
    expect(draft.problems.map((problem) => problem.code).sort()).toEqual(['ai_disclaimer', 'placeholder']);
  });

  it('thanks politely for a rejection without asking the model', async () => {
    const provider = new FakeProvider('never');
    const draft = await reply(provider, [employer('К сожалению, мы не готовы пригласить вас на следующий этап.')]);
    expect(draft).toMatchObject({ kind: 'rejection', autoSendAllowed: false });
    expect(draft.text).toBe('Спасибо за обратную связь и уделённое время! Желаю успехов в поиске сотрудника.');
    expect(provider.callCount).toBe(0);
  });

  it('accepts an invitation and asks for time options, not auto-sent', async () => {
    const provider = new FakeProvider(
      'Здравствуйте! Спасибо за приглашение, с радостью приду. Подскажите, пожалуйста, какие слоты на этой неделе вам удобны?',
    );
    const draft = await reply(provider, [employer('Анна, приглашаем вас на техническое собеседование!')]);
    expect(draft).toMatchObject({ kind: 'invitation', autoSendAllowed: false });
    expect(draft.text).toContain('какие слоты');
    expect(provider.calls[0]!.messages[0]!.content).toContain('попроси предложить несколько удобных вариантов времени');
  });

  it('answers in English to an English message', async () => {
    const provider = new FakeProvider('Thank you for the invitation! Which times would suit you?');
    await reply(provider, [employer('Hi Anna, we would like to invite you to an interview with the team next week.')]);
    expect(provider.calls[0]!.messages[0]!.content).toContain('Write in English.');
  });

  it('a bot question without buttons is drafted but not auto-sent', async () => {
    const provider = new FakeProvider('От 300 000 рублей на руки.');
    const draft = await reply(provider, [{ author: 'bot', text: 'Укажите желаемый уровень дохода.', buttons: [] }]);
    expect(draft).toMatchObject({ kind: 'bot', autoSendAllowed: false, text: 'От 300 000 рублей на руки.' });
    expect(draft.mustBeOneOf).toBeUndefined();
  });

  it('without a model: fixed texts for rejections and invitations, the user writes the rest', async () => {
    const template = new FakeProvider('never', 'template');
    expect((await reply(template, [employer('Приглашаем вас на собеседование во вторник.')])).text).toContain('Спасибо за приглашение');
    expect(await reply(template, [question])).toMatchObject({ text: '', autoSendAllowed: false, note: { code: 'no_model' } });
    expect(await reply(template, [employer('Расскажите о себе.')])).toMatchObject({ text: '', kind: 'human', note: { code: 'no_model' } });
    expect(template.callCount).toBe(0);
  });

  it('uses a stored classification instead of classifying again', async () => {
    const provider = new FakeProvider('Спасибо, уточню и вернусь с ответом.');
    const draft = await draftReply({
      provider,
      messages: [employer('Добрый день! Как вам наш продукт?')],
      resume,
      profile,
      classification: { kind: 'human', confidence: 1, reason: 'stored', source: 'model' },
    });
    expect(provider.callCount).toBe(1);
    expect(draft.classification.reason).toBe('stored');
  });

  it('needs a message from the employer', async () => {
    await expect(reply(new FakeProvider(), [me('Здравствуйте!')])).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(reply(new FakeProvider(), [])).rejects.toMatchObject({ code: 'invalid_input' });
  });
});

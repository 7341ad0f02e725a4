import { describe, expect, it } from 'vitest';
import { classifyByRules, classifyMessage, parseClassification, type IncomingMessage } from '../../../main/core/chats/replies';
import { FakeProvider } from '../../support/fake-provider';

const employer = (text: string, buttons: string[] = []): IncomingMessage => ({ author: 'employer', text, buttons });

describe('classifyByRules', () => {
  it.each([
    'Добрый день! Спасибо за интерес к вакансии. К сожалению, сейчас мы не готовы пригласить вас на следующий этап.',
    'Здравствуйте, Анна. Мы приняли решение в пользу другого кандидата.',
    'Работодатель отклонил ваш отклик.',
    'К сожалению, вакансия уже закрыта.',
    'Ваш отклик рассмотрен, но ваша кандидатура нам не подходит.',
    'Thank you for applying. We have decided to move forward with other candidates.',
    'Спасибо за отклик! К сожалению, мы вынуждены ответить отказом.',
  ])('rejection: %j', (text) => {
    expect(classifyByRules(employer(text))).toMatchObject({ kind: 'rejection', source: 'rules' });
  });

  it.each([
    'Приглашаем на собеседование',
    'Добрый день! Приглашаю на интервью в четверг.',
    'Анна, добрый день! Приглашаем вас на техническое собеседование. Когда вам удобно?',
    'Здравствуйте! Хотим пригласить вас на интервью с командой в четверг.',
    'Добрый день, давайте созвонимся завтра в 15:00?',
    'Hi Anna, we would like to invite you to an interview with the team.',
  ])('invitation: %j', (text) => {
    expect(classifyByRules(employer(text))).toMatchObject({ kind: 'invitation', source: 'rules' });
  });

  it('a rejection that mentions inviting is still a rejection', () => {
    expect(classifyByRules(employer('Спасибо! К сожалению, не можем пригласить вас на собеседование.'))?.kind).toBe('rejection');
  });

  it('buttons mean a questionnaire, even when the question mentions an interview', () => {
    expect(classifyByRules(employer('Готовы ли вы пройти собеседование на английском языке?', ['Да', 'Нет']))).toMatchObject({
      kind: 'bot',
      confidence: 0.95,
    });
  });

  it('an invitation with time slots as buttons stays an invitation (the user picks the slot)', () => {
    expect(classifyByRules(employer('Приглашаем вас на собеседование! Выберите удобное время:', ['Пн 10:00', 'Вт 14:00']))?.kind).toBe(
      'invitation',
    );
  });

  it.each([
    'Здравствуйте! Я виртуальный ассистент компании. Ответьте, пожалуйста, на несколько вопросов.',
    'Вопрос 2 из 5. Укажите желаемый уровень дохода.',
    'Это автоматическое сообщение. Заполните анкету по ссылке.',
  ])('bot wording: %j', (text) => {
    expect(classifyByRules(employer(text))?.kind).toBe('bot');
  });

  it("trusts hh.ru's bot author", () => {
    expect(classifyByRules({ author: 'bot', text: 'Какой у вас опыт с React?', buttons: [] })?.kind).toBe('bot');
  });

  it('"к сожалению" alone is a weak rejection, and not one with a question', () => {
    expect(classifyByRules(employer('К сожалению, позиция сейчас заморожена до весны.'))).toMatchObject({
      kind: 'rejection',
      confidence: 0.6,
    });
    expect(classifyByRules(employer('К сожалению, не увидела в резюме зарплатных ожиданий. Подскажете?'))).toBeUndefined();
  });

  it('leaves a person writing freely to the model', () => {
    expect(classifyByRules(employer('Анна, добрый день! Подскажите, был ли у вас опыт с микрофронтендами?'))).toBeUndefined();
  });
});

describe('classifyMessage', () => {
  it('does not ask the model when a rule decides', async () => {
    const provider = new FakeProvider('{"kind": "human"}');
    const result = await classifyMessage({ provider, message: employer('Мы приняли решение в пользу другого кандидата.') });
    expect(result.classification.kind).toBe('rejection');
    expect(provider.callCount).toBe(0);
  });

  it('asks the model for the rest, with earlier messages', async () => {
    const provider = new FakeProvider('Ответ: {"kind": "human", "confidence": 0.8, "reason": "Personal question about experience"}');
    const message = employer('Анна, добрый день! Подскажите, был ли у вас опыт с микрофронтендами?');
    const result = await classifyMessage({
      provider,
      message,
      history: [{ author: 'me', text: 'Здравствуйте! Откликнулась на вакансию.', buttons: [] }],
    });
    expect(result.classification).toEqual({
      kind: 'human',
      confidence: 0.8,
      reason: 'Personal question about experience',
      source: 'model',
    });
    expect(provider.prompt()).toContain('микрофронтендами');
    expect(provider.prompt()).toContain('Applicant: Здравствуйте! Откликнулась');
    expect(result.usage?.totalTokens).toBeGreaterThan(0);
  });

  it('treats the message as human when the model answer is unreadable or there is no model', async () => {
    const message = employer('Добрый день! Как вам наша вакансия?');
    expect((await classifyMessage({ provider: new FakeProvider('Сложно сказать.'), message })).classification).toMatchObject({
      kind: 'human',
      confidence: 0,
      source: 'fallback',
    });
    const template = new FakeProvider('', 'template');
    expect((await classifyMessage({ provider: template, message })).classification).toMatchObject({ kind: 'human', source: 'fallback' });
    expect(template.callCount).toBe(0);
  });
});

describe('parseClassification', () => {
  it('reads JSON, a bare kind, and clamps confidence', () => {
    expect(parseClassification('{"kind": "BOT", "confidence": 95}')).toMatchObject({ kind: 'bot', confidence: 0.95 });
    expect(parseClassification('{"kind": "invitation", "confidence": "high"}')).toMatchObject({ kind: 'invitation', confidence: 0.5 });
    expect(parseClassification('human')).toMatchObject({ kind: 'human', confidence: 0.5, source: 'model' });
    expect(parseClassification('bot or human')).toMatchObject({ kind: 'human', source: 'fallback' });
    expect(parseClassification('{"kind": "robot"}')).toMatchObject({ kind: 'human', source: 'fallback' });
  });
});

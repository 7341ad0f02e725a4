import { describe, expect, it } from 'vitest';
import { DEFAULT_INSTRUCTION, buildLetterPrompt } from '../../../../main/core/letters/writing';
import { englishVacancy, frontendVacancy, profile, resume } from '../../../support/ai-fixtures';

const build = (overrides: Partial<Parameters<typeof buildLetterPrompt>[0]> = {}) =>
  buildLetterPrompt({ vacancy: frontendVacancy, resume, profile, template: null, ...overrides });

describe('buildLetterPrompt', () => {
  it('puts the vacancy facts in the prompt', () => {
    const { messages, promptText } = build();
    expect(messages.map((message) => message.role)).toEqual(['system', 'user']);
    const user = messages[1]!.content;
    expect(user).toContain('Название: Frontend-разработчик (React)');
    expect(user).toContain('Компания: Яндекс Практикум');
    expect(user).toContain('Ключевые навыки: React, TypeScript, Redux, Accessibility');
    expect(user).toContain('опыт коммерческой разработки на React от 3 лет');
    expect(user).toContain('ДМС со стоматологией');
    expect(promptText).toContain(user);
  });

  it('puts the resume facts and the name in the prompt, and no contacts', () => {
    const { messages } = build();
    const user = messages[1]!.content;
    expect(user).toContain('Имя: Анна Смирнова');
    expect(user).toContain('Желаемая должность: Frontend-разработчик');
    expect(user).toContain('Ozon, Старший frontend-разработчик, 04.2021 – по настоящее время');
    expect(user).toContain('Перевёл сборку с Webpack на Vite');
    expect(user).toContain('Навыки: React, TypeScript, Redux, Node.js, Jest');
    expect(user).toContain('О себе: Люблю доводить интерфейсы до идеала');
    // The model never sees the contacts: the app appends them, so it cannot garble them.
    for (const secretish of ['anna_frontend', 'anna.smirnova@example.ru', 'annasmirnova.dev']) expect(user).not.toContain(secretish);
  });

  it('uses the original instruction by default, with the app rules after it', () => {
    const { messages, language, bodyLimit } = build();
    const system = messages[0]!.content;
    expect(language).toBe('ru');
    expect(system.startsWith(DEFAULT_INSTRUCTION.ru)).toBe(true);
    expect(system).toContain('Ты HR-ассистент. Напиши профессиональное сопроводительное письмо');
    expect(system).toContain('кратким (3-4 абзаца)');
    expect(system).toContain('Пиши на русском языке');
    expect(system).toContain(`не больше ${bodyLimit} знаков`);
    expect(system).toContain('Не пиши контакты');
    expect(system).toContain('«С уважением, Анна Смирнова»');
  });

  it("uses the template's instruction, tone and length, leaving room for the contacts", () => {
    const template = {
      instruction: 'Сделай акцент на опыте наставничества и архитектуре.',
      tone: 'дружелюбный, без канцелярита',
      maxLength: 1_500,
    };
    const { messages, bodyLimit, maxTokens } = build({ template });
    const system = messages[0]!.content;
    expect(system.startsWith(template.instruction)).toBe(true);
    expect(system).not.toContain('Ты HR-ассистент');
    expect(system).toContain('Тон: дружелюбный, без канцелярита.');
    const block =
      'Контакты для связи:\n- Telegram: https://t.me/anna_frontend\n- Email: anna.smirnova@example.ru\n- Портфолио: https://annasmirnova.dev';
    expect(bodyLimit).toBe(1_500 - block.length - 2);
    expect(system).toContain(`не больше ${bodyLimit} знаков`);
    expect(maxTokens).toBeGreaterThan(bodyLimit / 3);
  });

  it('asks for English for an English vacancy', () => {
    const { messages, language } = build({ vacancy: englishVacancy });
    expect(language).toBe('en');
    expect(messages[0]!.content.startsWith(DEFAULT_INSTRUCTION.en)).toBe(true);
    expect(messages[0]!.content).toContain('Write in English');
    expect(messages[1]!.content).toContain('Title: Senior Backend Engineer (Go)');
    expect(messages[1]!.content).toContain('Work experience:');
  });

  it('cuts a very long description but keeps its requirements', () => {
    const filler = 'Мы — крупная продуктовая компания с офисами в пяти городах и сильной инженерной культурой. '.repeat(150);
    const vacancy = { ...frontendVacancy, descriptionText: `${filler}\n${frontendVacancy.descriptionText}` };
    const { messages } = build({ vacancy });
    const user = messages[1]!.content;
    expect(user.length).toBeLessThan(6_000 + 4_000 + 1_000);
    expect(user).toContain('[…]');
    expect(user).toContain('Требования:\n- опыт коммерческой разработки на React от 3 лет;');
    expect(user).toContain('Будет плюсом:\n- опыт с Node.js и SSR;');
  });

  it('works without a resume or a name', () => {
    const { messages } = build({ resume: null, profile: { ...profile, name: '' } });
    expect(messages[1]!.content).toContain('Резюме не выбрано');
    expect(messages[0]!.content).toContain('Не добавляй подпись с именем');
  });
});

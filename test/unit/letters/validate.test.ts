import { describe, expect, it } from 'vitest';
import { validateLetter } from '../../../main/core/letters/writing';
import { contactsRu, goodBody, profile } from '../../support/ai-fixtures';

const letter = (body: string) => `${body}\n\n${contactsRu}`;
const codes = (text: string, options: Partial<Parameters<typeof validateLetter>[1]> = {}) =>
  validateLetter(text, { profile, maxLength: 10_000, ...options }).problems.map((problem) => problem.code);

describe('validateLetter', () => {
  it('passes a good letter with the contacts block', () => {
    expect(validateLetter(letter(goodBody), { profile, maxLength: 2_000 })).toEqual({ ok: true, problems: [], unsupported: [] });
  });

  it('passes the English block too, and "- " bullets and numbered lists', () => {
    const english = contactsRu.replace('Контакты для связи:', 'Contacts:').replace('Портфолио', 'Portfolio');
    const body = 'Dear hiring team,\n\nWhat I bring:\n- 6 years of React;\n- 1. Vite migration;\n• mentoring.\n\nBest regards,\nAnna';
    expect(codes(`${body}\n\n${english}`)).toEqual([]);
  });

  it('rejects an empty letter, also one that is only the contacts', () => {
    expect(codes('')).toContain('empty');
    expect(codes('   \n ')).toContain('empty');
    expect(codes(contactsRu)).toEqual(['empty']);
  });

  it('rejects a letter over 10,000 characters and one over the user limit', () => {
    const long = letter('Очень длинное письмо. '.repeat(500));
    expect(codes(long)).toContain('too_long');
    expect(codes(long)).not.toContain('over_user_limit');
    const result = validateLetter(letter(goodBody), { profile, maxLength: 500 });
    expect(result.problems.map((problem) => problem.code)).toEqual(['over_user_limit']);
    expect(result.problems[0]!.message).toMatch(/^The letter is \d{3} characters, over your limit of 500\./);
  });

  it.each([
    ['С уважением,\n[Ваше имя]', '[Ваше имя]'],
    ['Best regards,\n[Name]', '[Name]'],
    ['Хочу работать в {company}.', '{company}'],
    ['Откликаюсь на позицию <должность>.', '<должность>'],
    ['Мой телефон: +7 XXX XXX-XX-XX', 'XXX'],
    ['Телефон: +7 ХХХ (кириллицей)', 'ХХХ'],
    ['Опыт работы: ___ лет', '___'],
    ['Здравствуйте, %name%!', '%name%'],
  ])('rejects the placeholder in %j', (body, found) => {
    const result = validateLetter(letter(`${goodBody}\n${body}`), { profile });
    expect(result.problems.map((problem) => problem.code)).toEqual(['placeholder']);
    expect(result.problems[0]!.message).toContain(`"${found}"`);
  });

  it('does not take comparisons, emails or brackets around numbers for placeholders', () => {
    expect(codes(letter(`${goodBody}\nОпыт < 3 лет для меня не проблема, а x > y — тем более.`))).toEqual([]);
  });

  it.each([
    ['**Опыт:** 6 лет', '**bold**'],
    ['# Сопроводительное письмо', '# heading'],
    ['```\nтекст\n```', '``` code block'],
    ['* React\n* TypeScript', '* bullet'],
    ['Портфолио: [сайт](https://annasmirnova.dev)', '[link](url)'],
    ['Знаю `useEffect` вдоль и поперёк', '`code`'],
    ['| Навык | Опыт |\n|---|---|\n| React | 6 лет |', 'table'],
  ])('rejects Markdown: %j', (body, name) => {
    const result = validateLetter(letter(`${goodBody}\n${body}`), { profile });
    expect(result.problems.map((problem) => problem.code)).toContain('markdown');
    expect(result.problems.find((problem) => problem.code === 'markdown')!.message).toContain(name);
  });

  it('does not take C# or a hashtag for a heading', () => {
    expect(codes(letter(`${goodBody}\nПисала на C# и TypeScript, #1 в рейтинге команды.`))).toEqual([]);
  });

  it.each([
    'Как языковая модель, я не могу знать ваш опыт.',
    'Как ИИ, я не имею личного опыта.',
    'Я — искусственный интеллект и не могу проходить собеседования.',
    'К сожалению, я не могу написать письмо без резюме.',
    'Я не могу сгенерировать письмо на основе этих данных.',
    'As an AI language model, I cannot apply for jobs.',
    "I'm an AI, so I don't have personal experience.",
    'I am an AI and cannot attend interviews.',
    'I cannot write a letter without the vacancy.',
  ])('rejects the AI disclaimer %j', (sentence) => {
    expect(codes(letter(`${goodBody}\n${sentence}`))).toContain('ai_disclaimer');
  });

  it.each([
    'Работала с такими технологиями, как ИИ, машинное обучение и компьютерное зрение.',
    'Я не могу не отметить сильную инженерную культуру вашей команды.',
    'Я ИИ-инженер с опытом в NLP.',
    'Внедряла ChatGPT и GigaChat во внутренние инструменты.',
    'As an AI engineer at Yandex, I built a recommendation service.',
    'I am an AI researcher by training and a backend developer by trade.',
  ])('keeps the ordinary sentence %j', (sentence) => {
    expect(codes(letter(`${goodBody}\n${sentence}`))).toEqual([]);
  });

  it('rejects a letter without the contacts block, or with it changed', () => {
    expect(codes(goodBody)).toEqual(['missing_contacts']);
    expect(codes(letter(goodBody).replace('https://t.me/anna_frontend', '@anna'))).toEqual(['missing_contacts']);
    expect(validateLetter(goodBody, { profile }).problems[0]!.message).toContain(contactsRu);
  });

  it('says to fill the profile when it has no contacts at all', () => {
    const empty = { ...profile, telegram: '', email: '', phone: '', links: [] };
    const result = validateLetter(goodBody, { profile: empty });
    expect(result.problems.map((problem) => problem.code)).toEqual(['no_contacts_in_profile']);
    expect(result.problems[0]!.message).toContain('Settings → Profile');
  });

  it('rejects a letter the model did not finish', () => {
    expect(codes(letter(goodBody), { finishReason: 'length' })).toEqual(['cut_off']);
  });

  it('reports every problem at once, each with an English sentence', () => {
    const result = validateLetter('**Как языковая модель**, пишу для {company}', { profile, maxLength: 100 });
    expect(result.ok).toBe(false);
    expect(result.problems.map((problem) => problem.code).sort()).toEqual(['ai_disclaimer', 'markdown', 'missing_contacts', 'placeholder']);
    for (const problem of result.problems) expect(problem.message).toMatch(/^[A-Z].*[.:]/);
  });
});

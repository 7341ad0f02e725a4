import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATE_TEXT, fillTemplate, templateFields, validateLetter, writeLetter } from '../../../main/core/letters/writing';
import { letterTemplatePlaceholders } from '../../../shared/domain/letter';
import { FakeProvider } from '../../support/fake-provider';
import { contactsRu, englishVacancy, frontendVacancy, profile, resume } from '../../support/ai-fixtures';

const fields = templateFields({ vacancy: frontendVacancy, resume, profile, language: 'ru' });

describe('fillTemplate', () => {
  it('knows a value for every documented placeholder with a full profile and resume', () => {
    const full = templateFields({ vacancy: frontendVacancy, resume, profile: { ...profile, phone: '+7 916 123-45-67' }, language: 'ru' });
    for (const { name } of letterTemplatePlaceholders) expect(full[name], name).toBeTruthy();
    expect(fields).toMatchObject({
      vacancy_title: 'Frontend-разработчик (React)',
      employer: 'Яндекс Практикум',
      name: 'Анна Смирнова',
      matching_skills: 'React, TypeScript, Redux',
      experience: '6 лет 3 месяца',
      last_position: 'Старший frontend-разработчик',
      last_company: 'Ozon',
      portfolio: 'https://annasmirnova.dev',
      contacts: contactsRu,
    });
  });

  it('fills placeholders, in any case and with spaces inside the braces', () => {
    const { text, unknown, missing } = fillTemplate('Вакансия «{vacancy_title}» в {Employer}, навыки: { matching_skills }.', fields);
    expect(text).toBe('Вакансия «Frontend-разработчик (React)» в Яндекс Практикум, навыки: React, TypeScript, Redux.');
    expect(unknown).toEqual([]);
    expect(missing).toEqual([]);
  });

  it('leaves unknown and empty placeholders for validation to catch', () => {
    const filled = fillTemplate('Хочу в {company}. Мой телефон: {phone}.\n\n{contacts}', fields);
    expect(filled.unknown).toEqual(['{company}']);
    expect(filled.missing).toEqual(['phone']);
    const result = validateLetter(filled.text, { profile });
    expect(result.problems.map((problem) => problem.code)).toEqual(['placeholder']);
    expect(result.problems[0]!.message).toContain('"{company}"');
    expect(result.problems[0]!.message).toContain('"{phone}"');
  });

  it('falls back to the vacancy key skills when none match', () => {
    const other = templateFields({ vacancy: englishVacancy, resume, profile, language: 'en' });
    expect(other.matching_skills).toBe('Go, PostgreSQL, Kafka');
    expect(other.experience).toBe('6 years 3 months');
  });
});

describe('"No AI: my template" letters', () => {
  it('never calls the provider and appends the contacts block once', async () => {
    const provider = new FakeProvider('never', 'template');
    const template = {
      instruction: 'Здравствуйте!\n\nОткликаюсь на «{vacancy_title}» в {employer}. Мой опыт — {experience}.\n\nС уважением,\n{name}',
      tone: '',
      maxLength: 2_000,
    };
    const result = await writeLetter({ provider, vacancy: frontendVacancy, resume, profile, template });
    expect(provider.callCount).toBe(0);
    expect(result.letter).toBe(
      `Здравствуйте!\n\nОткликаюсь на «Frontend-разработчик (React)» в Яндекс Практикум. Мой опыт — 6 лет 3 месяца.\n\nС уважением,\nАнна Смирнова\n\n${contactsRu}`,
    );
    expect(result).toMatchObject({ source: 'template', model: 'template', usage: { totalTokens: 0 }, prompt: template.instruction });
    expect(result.validation.ok).toBe(true);
    // Deterministic.
    expect((await writeLetter({ provider, vacancy: frontendVacancy, resume, profile, template })).letter).toBe(result.letter);
  });

  it('puts the block where {contacts} stands', async () => {
    const template = { instruction: 'Здравствуйте! Хочу в {employer}.\n\n{contacts}\n\nСпасибо!', tone: '', maxLength: 2_000 };
    const result = await writeLetter({ provider: new FakeProvider('', 'template'), vacancy: frontendVacancy, resume, profile, template });
    expect(result.letter).toBe(`Здравствуйте! Хочу в Яндекс Практикум.\n\n${contactsRu}\n\nСпасибо!`);
    expect(result.letter.split('Контакты для связи:')).toHaveLength(2);
    expect(result.validation.ok).toBe(true);
  });

  it('uses the built-in text when there is no template or it is an AI instruction', async () => {
    const provider = new FakeProvider('', 'template');
    const result = await writeLetter({ provider, vacancy: frontendVacancy, resume: null, profile, template: null });
    expect(result.prompt).toBe(DEFAULT_TEMPLATE_TEXT.ru);
    expect(result.letter).toContain('вакансия «Frontend-разработчик (React)»');
    expect(result.validation.ok).toBe(true);
    const english = await writeLetter({ provider, vacancy: englishVacancy, resume, profile, template: null });
    expect(english.letter).toContain('I am interested in the Senior Backend Engineer (Go) position.');
    expect(english.letter.endsWith('- Portfolio: https://annasmirnova.dev')).toBe(true);
  });

  it('stops a template letter with an unknown placeholder', async () => {
    const template = { instruction: 'Хочу работать в {company}!', tone: '', maxLength: 2_000 };
    const result = await writeLetter({ provider: new FakeProvider('', 'template'), vacancy: frontendVacancy, resume, profile, template });
    expect(result.validation.ok).toBe(false);
    expect(result.validation.problems.map((problem) => problem.code)).toEqual(['placeholder']);
  });
});

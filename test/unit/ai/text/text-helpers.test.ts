import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../../../main/core/text/html';
import { extractJsonObject, stripCodeFences } from '../../../../main/core/ai/text/json-answer';
import { detectLanguage } from '../../../../main/core/ai/text/language';
import { formatExperience, resumeFacts, resumeFactsText } from '../../../../main/core/ai/text/resume-facts';
import { truncateText } from '../../../../main/core/ai/text/truncate';
import { budgetedDescription, extractRequirements, vacancyDescription } from '../../../../main/core/ai/text/vacancy-text';
import { englishVacancy, frontendDescription, frontendVacancy, resume } from '../../../support/ai-fixtures';

describe('detectLanguage', () => {
  it('calls a Russian vacancy full of Latin tech words Russian', () => {
    expect(detectLanguage(frontendDescription)).toBe('ru');
    expect(
      detectLanguage(
        'Требования: опыт с React, TypeScript, Redux Toolkit и RTK Query от 3 лет, знание Webpack или Vite, тесты на Jest и Playwright, понимание CI/CD и Docker.',
      ),
    ).toBe('ru');
  });

  it('calls an English vacancy with a Russian city in it English', () => {
    expect(detectLanguage(englishVacancy.descriptionText)).toBe('en');
  });

  it('defaults to Russian when there is too little to tell', () => {
    expect(detectLanguage('')).toBe('ru');
    expect(detectLanguage('Go')).toBe('ru');
    expect(detectLanguage('12345 ---')).toBe('ru');
    expect(detectLanguage('Java developer')).toBe('ru');
    expect(detectLanguage('Java developer for a fintech startup')).toBe('en');
  });
});

describe('truncateText', () => {
  it('leaves short text alone', () => {
    expect(truncateText('Коротко.', 100)).toEqual({ text: 'Коротко.', truncated: false });
  });

  it('cuts at a paragraph or sentence boundary and marks the cut', () => {
    const text = `${'Первый абзац про компанию. '.repeat(10)}\n${'Второй абзац про задачи. '.repeat(20)}`;
    const { text: cut, truncated } = truncateText(text, 400);
    expect(truncated).toBe(true);
    expect(cut.length).toBeLessThanOrEqual(400);
    expect(cut.endsWith(' […]')).toBe(true);
    expect(cut).toMatch(/\.\s\[…\]$/);
  });

  it('never cuts a word in half', () => {
    const { text } = truncateText('разработка интерфейсов тренажёра на React и TypeScript', 30);
    expect(text.length).toBeLessThanOrEqual(30);
    expect('разработка интерфейсов тренажёра на React и TypeScript'.startsWith(text.replace(' […]', ''))).toBe(true);
    expect(text.replace(' […]', '')).toMatch(/(^|\s)\S+$/);
    expect(['разработка', 'интерфейсов']).toContain(text.replace(' […]', '').split(' ').at(-1));
  });
});

describe('htmlToText', () => {
  it('turns hh.ru description HTML into plain lines', () => {
    const html =
      '<p><strong>Обязанности:</strong></p><ul><li>разработка на React;</li><li>код-ревью.</li></ul><p>Зарплата &laquo;в рынке&raquo;&nbsp;&mdash; обсуждаем.<br/>Пишите!</p>';
    expect(htmlToText(html)).toBe('Обязанности:\n\n- разработка на React;\n- код-ревью.\n\nЗарплата «в рынке» — обсуждаем.\nПишите!');
  });

  it('is used when a vacancy has no text copy of its description', () => {
    expect(
      vacancyDescription({ ...frontendVacancy, descriptionText: '', descriptionHtml: '<p>Ищем <b>тестировщика</b> &amp; аналитика</p>' }),
    ).toBe('Ищем тестировщика & аналитика');
  });
});

describe('requirements', () => {
  it('finds the requirements section and what follows as "Будет плюсом", not the conditions', () => {
    const requirements = extractRequirements(frontendDescription);
    expect(requirements.startsWith('- опыт коммерческой разработки')).toBe(true);
    expect(requirements).toContain('Будет плюсом:');
    expect(requirements).toContain('опыт коммерческой разработки на React от 3 лет');
    expect(requirements).toContain('Playwright или Cypress');
    expect(requirements).not.toContain('ДМС');
    expect(requirements).not.toContain('код-ревью и наставничество');
  });

  it('keeps the requirements when a long description is cut', () => {
    const long = `${'О компании: мы большая и дружная команда. '.repeat(200)}\n${frontendDescription}`;
    const { description, requirements, truncated } = budgetedDescription(
      { ...frontendVacancy, descriptionText: long },
      { description: 3_000, requirements: 1_000 },
    );
    expect(truncated).toBe(true);
    expect(description.length + requirements.length).toBeLessThanOrEqual(3_000);
    expect(requirements).toContain('уверенное знание TypeScript');
  });

  it('does not repeat the requirements when the whole description fits', () => {
    expect(budgetedDescription(frontendVacancy, { description: 6_000, requirements: 1_500 })).toEqual({
      description: frontendDescription,
      requirements: '',
      truncated: false,
    });
  });

  it("falls back to hh.ru's search snippet", () => {
    const vacancy = {
      ...frontendVacancy,
      descriptionText: '',
      raw: { snippet: { requirement: 'Опыт с <highlighttext>React</highlighttext> от 3 лет.' } },
    };
    expect(budgetedDescription(vacancy, { description: 6_000, requirements: 1_500 }).requirements).toBe('Опыт с React от 3 лет.');
  });
});

describe('resume facts', () => {
  it('reads the hh.ru API resume', () => {
    const facts = resumeFacts(resume);
    expect(facts).toMatchObject({
      title: 'Frontend-разработчик',
      skills: ['React', 'TypeScript', 'Redux', 'Node.js', 'Jest'],
      about: expect.stringContaining('технический блог'),
      totalMonths: 75,
      languages: ['Русский — Родной', 'Английский — B2 — Средне-продвинутый'],
    });
    expect(facts.experience[0]).toMatchObject({ company: 'Ozon', position: 'Старший frontend-разработчик', start: '2021-04', end: '' });
    expect(facts.experience[1]).toMatchObject({ company: 'СберМаркет', start: '2019-01', end: '2021-03' });
  });

  it("reads the website's field names and tolerates junk", () => {
    const facts = resumeFacts({
      title: 'Аналитик',
      raw: {
        keySkills: [{ string: 'SQL' }, { name: 'Python' }, 'Excel'],
        experience: [{ companyName: 'Росатом', position: 'Аналитик', startDate: '2020-02-01' }, null, 42],
      },
    });
    expect(facts).toMatchObject({ title: 'Аналитик', skills: ['SQL', 'Python', 'Excel'], about: '', totalMonths: null });
    expect(facts.experience).toEqual([{ company: 'Росатом', position: 'Аналитик', start: '2020-02', end: '', description: '' }]);
    expect(resumeFacts({ title: 'Пусто', raw: null })).toMatchObject({ title: 'Пусто', skills: [], experience: [] });
  });

  it('writes a compact block with periods and Russian plurals', () => {
    const text = resumeFactsText(resumeFacts(resume), 'ru', { total: 4_000, perJob: 600, jobs: 6 });
    expect(text).toContain('Общий опыт: 6 лет 3 месяца');
    expect(text).toContain('- Ozon, Старший frontend-разработчик, 04.2021 – по настоящее время: Разрабатывал личный кабинет');
    expect(text).toContain('- СберМаркет, Frontend-разработчик, 01.2019 – 03.2021');
    expect(text).toContain('Навыки: React, TypeScript, Redux, Node.js, Jest');
    expect(resumeFactsText(resumeFacts(resume), 'ru', { total: 4_000, perJob: 600, jobs: 1 })).toContain('и ещё мест работы: 1');
    expect([1, 2, 5, 11, 21, 22].map((years) => formatExperience(years * 12, 'ru'))).toEqual([
      '1 год',
      '2 года',
      '5 лет',
      '11 лет',
      '21 год',
      '22 года',
    ]);
    expect(formatExperience(13, 'en')).toBe('1 year 1 month');
  });
});

describe('model JSON', () => {
  it('finds the object inside prose and fences, skipping braces in text', () => {
    expect(extractJsonObject('Вот оценка {по шкале}: ```json\n{"score": 85, "reason": "React {и} TS"}\n```')).toEqual({
      score: 85,
      reason: 'React {и} TS',
    });
    expect(extractJsonObject('no json here')).toBeUndefined();
    expect(stripCodeFences('```\nтекст\n```')).toBe('текст');
  });
});

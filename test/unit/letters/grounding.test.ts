import { describe, expect, it } from 'vitest';
import { findUnsupportedClaims, type GroundingSources } from '../../../main/core/ai/text/grounding';

const sources = (overrides: Partial<GroundingSources> = {}): GroundingSources => ({
  resume: {
    title: 'Python-разработчик',
    total_experience: { months: 62 },
    skill_set: ['Python', 'Django', 'PostgreSQL', 'Docker'],
    experience: [
      {
        company: 'Яндекс',
        position: 'Backend-разработчик',
        start: '2021-03-01',
        end: null,
        description: 'Ускорил выдачу на 30% и перевёл сервис на Django 4.',
      },
      { company: 'ООО «Ромашка»', position: 'Разработчик', start: '2019-09-01', end: '2021-02-01', description: 'Писал сервисы на Flask.' },
    ],
  },
  profile: { name: 'Анна Иванова', telegram: '@anna', email: 'anna@example.ru', phone: '', links: [] },
  vacancy: {
    title: 'Senior Python developer',
    employer: { name: 'Тинькофф' },
    descriptionText: 'Нужен опыт с FastAPI и Kafka от 3 лет.',
    keySkills: ['Python', 'Kafka'],
    area: { name: 'Москва' },
  },
  ...overrides,
});

describe('findUnsupportedClaims', () => {
  it('passes a letter that says only what the resume, the profile and the vacancy say', () => {
    const body = [
      'Здравствуйте!',
      'Меня зовут Анна, я Python-разработчик с опытом 5 лет. В Яндексе я ускорила выдачу на 30% и перевела сервис на Django.',
      'Вижу, что вам нужны FastAPI и Kafka: готова в них погрузиться. Работать могу в Москве.',
      'Буду рада обсудить вакансию в Тинькофф.',
    ].join('\n\n');
    expect(findUnsupportedClaims(body, sources())).toEqual([]);
  });

  it('flags an employer, a year, a number and a skill nobody backs, each once', () => {
    const body =
      'Здравствуйте! С 2015 года я работала в «Сбербанк-Технологии», где внедрила Kubernetes и сократила расходы на 45%. Kubernetes — моя сильная сторона; в Газпроме тоже.';
    expect(findUnsupportedClaims(body, sources())).toEqual([
      { kind: 'employer', text: 'Сбербанк-Технологии' },
      { kind: 'year', text: '2015' },
      { kind: 'number', text: '45' },
      { kind: 'skill', text: 'Kubernetes' },
      { kind: 'employer', text: 'Газпроме' },
    ]);
  });

  it('in an English letter only names and technical terms count, not ordinary words', () => {
    const body =
      'Dear hiring team,\n\nI have built services in Python and Django for 5 years. I also led a team at Google and shipped C++ code.\n\nBest regards, Anna';
    expect(findUnsupportedClaims(body, sources())).toEqual([
      { kind: 'skill', text: 'Google' },
      { kind: 'skill', text: 'C++' },
    ]);
  });

  it('the template the user wrote is theirs to claim', () => {
    const body = 'Я также веду блог о Rust.';
    expect(findUnsupportedClaims(body, sources())).toEqual([{ kind: 'skill', text: 'Rust' }]);
    expect(findUnsupportedClaims(body, sources({ template: 'Упомяни, что я веду блог о Rust.' }))).toEqual([]);
  });

  it('with no resume at all, claims about experience stand out', () => {
    expect(findUnsupportedClaims('У меня 5 лет опыта с Django.', sources({ resume: null }))).toEqual([
      { kind: 'number', text: '5' },
      { kind: 'skill', text: 'Django' },
    ]);
  });
});

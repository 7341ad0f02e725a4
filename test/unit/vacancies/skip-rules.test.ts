import { describe, expect, it } from 'vitest';
import { savedSearchSchema, type SavedSearch, type Vacancy } from '../../../shared/domain';
import { excludedWords, reasonToSkip, type Skip } from '../../../main/core/vacancies/skip-rules';

const base: Vacancy = {
  id: 1,
  hhId: '100',
  title: 'Python-разработчик',
  employer: { id: '7', name: 'ООО Ромашка' },
  salary: { from: 150_000, to: 200_000, currency: 'RUR', gross: false },
  area: { id: '1', name: 'Москва' },
  url: 'https://hh.ru/vacancy/100',
  publishedAt: '2026-12-01T10:00:00+03:00',
  descriptionHtml: '<p>Django, FastAPI</p>',
  descriptionText: 'Django, FastAPI, PostgreSQL',
  keySkills: ['Python'],
  hasTest: false,
  letterRequired: false,
  archived: false,
  externalUrl: null,
  raw: {},
  status: 'found',
  skip: null,
  foundBySearchId: 1,
  firstSeenAt: '2026-12-01T10:00:00Z',
  updatedAt: '2026-12-01T10:00:00Z',
};

const search = (filters: Partial<SavedSearch['filters']> = {}): SavedSearch =>
  savedSearchSchema.parse({
    id: 1,
    name: 'Python',
    filters: { text: 'Python', ...filters },
    createdAt: '2026-12-01',
    updatedAt: '2026-12-01',
  });

const context = { blacklisted: new Set<string>(), excluded: [] as string[], applied: false };

type Row = [string, Partial<Vacancy>, Partial<SavedSearch['filters']>, Partial<typeof context>, Skip | null];

// One row per rule, then rows where two rules hold: the first in the order wins.
const rows: Row[] = [
  ['a fitting vacancy is written to', {}, {}, {}, null],
  ['sent by the app', {}, {}, { applied: true }, { status: 'applied', reason: 'already_applied', detail: null }],
  [
    'applied to on hh.ru (API relations)',
    { raw: { relations: ['got_response'] } },
    {},
    {},
    { status: 'applied', reason: 'already_applied', detail: null },
  ],
  ['archived', { archived: true }, {}, {}, { status: 'ignored', reason: 'archived', detail: null }],
  [
    'closed for applications (website)',
    { raw: { closedForApplicants: true } },
    {},
    {},
    { status: 'ignored', reason: 'closed', detail: null },
  ],
  [
    'closed: a status that is not active (API)',
    { raw: { status: { active: false } } },
    {},
    {},
    { status: 'ignored', reason: 'closed', detail: null },
  ],
  ['a blacklisted employer', {}, {}, { blacklisted: new Set(['7']) }, { status: 'ignored', reason: 'blacklisted', detail: 'ООО Ромашка' }],
  [
    'an excluded word in the title, in another case',
    { title: 'Стажёра Python' },
    {},
    { excluded: excludedWords('стажёр, junior') },
    { status: 'ignored', reason: 'excluded_word', detail: 'стажёр' },
  ],
  [
    'an excluded word in the description',
    {},
    {},
    { excluded: excludedWords('postgres') },
    { status: 'ignored', reason: 'excluded_word', detail: 'postgres' },
  ],
  [
    'an excluded word that is only part of another word is not one',
    { descriptionText: 'SuperDjango' },
    {},
    { excluded: excludedWords('django') },
    null,
  ],
  ['top pay under the floor', {}, { salary: 250_000 }, {}, { status: 'ignored', reason: 'salary_below', detail: '200000 RUR' }],
  [
    'only "from" given, under the floor',
    { salary: { from: 90_000, to: null, currency: 'RUR', gross: null } },
    { salary: 100_000 },
    {},
    { status: 'ignored', reason: 'salary_below', detail: '90000 RUR' },
  ],
  [
    'an hourly salary is not compared with a monthly floor',
    { salary: { from: 2_000, to: 3_000, currency: 'RUR', gross: null }, raw: { compensation: { mode: 'HOUR' } } },
    { salary: 100_000 },
    {},
    null,
  ],
  ['another currency is not compared', { salary: { from: 1_000, to: 2_000, currency: 'USD', gross: null } }, { salary: 100_000 }, {}, null],
  ['no salary stated is not below the floor', { salary: null }, { salary: 100_000 }, {}, null],
  [
    "applied on the employer's site",
    { externalUrl: 'https://jobs.example.ru/1' },
    {},
    {},
    { status: 'needs_manual', reason: 'employer_site', detail: 'https://jobs.example.ru/1' },
  ],
  ["the employer's test", { hasTest: true }, {}, {}, { status: 'needs_manual', reason: 'test_required', detail: null }],
  ['applied beats archived', { archived: true }, {}, { applied: true }, { status: 'applied', reason: 'already_applied', detail: null }],
  [
    'archived beats blacklisted',
    { archived: true },
    {},
    { blacklisted: new Set(['7']) },
    { status: 'ignored', reason: 'archived', detail: null },
  ],
  [
    'an excluded word beats the test',
    { hasTest: true },
    {},
    { excluded: ['django'] },
    { status: 'ignored', reason: 'excluded_word', detail: 'django' },
  ],
  [
    "the employer's site beats the test",
    { hasTest: true, externalUrl: 'https://jobs.example.ru/1' },
    {},
    {},
    { status: 'needs_manual', reason: 'employer_site', detail: 'https://jobs.example.ru/1' },
  ],
];

describe('vacancies: why the app does not write to a vacancy by itself', () => {
  it.each(rows)('%s', (_name, vacancy, filters, extra, expected) => {
    expect(reasonToSkip({ ...base, ...vacancy }, search(filters), { ...context, ...extra })).toEqual(expected);
  });

  it('reads hh.ru\'s "exclude words" field split by commas, semicolons and spaces, ignoring one-letter words', () => {
    expect(excludedWords('Стажёр, junior;1С  a')).toEqual(['стажёр', 'junior', '1с']);
  });
});

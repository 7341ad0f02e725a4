/**
 * The fake hh.ru's data: deterministic vacancies, users with resumes, negotiations, and their JSON,
 * built on the spec's own examples (components.examples) so the shapes are hh.ru's.
 */
import { createHash } from 'node:crypto';
import { flatten } from '../../support/openapi/schema';
import type { HhSpec } from '../../support/openapi/spec';

export interface Named {
  id: string;
  name: string;
}

export const COUNTRY: Named = { id: '113', name: 'Россия' };
/** Generated vacancies cycle through these areas (all in Russia, area 113). */
export const AREAS: Named[] = [
  { id: '1', name: 'Москва' },
  { id: '2', name: 'Санкт-Петербург' },
  { id: '3', name: 'Екатеринбург' },
  { id: '4', name: 'Новосибирск' },
  { id: '88', name: 'Казань' },
];

export const EMPLOYERS: Named[] = [
  { id: '1455', name: 'HeadHunter' },
  { id: '1740', name: 'Яндекс' },
  { id: '3529', name: 'Сбер' },
  { id: '78638', name: 'Т-Банк' },
  { id: '2180', name: 'Ozon' },
  { id: '39305', name: 'Газпром нефть' },
  { id: '15478', name: 'VK' },
];

const TITLES = [
  { name: 'Frontend-разработчик (React)', skills: ['TypeScript', 'React', 'Redux'], role: { id: '96', name: 'Программист, разработчик' } },
  { name: 'Backend-разработчик Go', skills: ['Go', 'PostgreSQL', 'Kafka'], role: { id: '96', name: 'Программист, разработчик' } },
  { name: 'Python-разработчик', skills: ['Python', 'Django', 'FastAPI'], role: { id: '96', name: 'Программист, разработчик' } },
  { name: 'Аналитик данных', skills: ['SQL', 'Python', 'Tableau'], role: { id: '156', name: 'BI-аналитик, аналитик данных' } },
  { name: 'QA-инженер', skills: ['Playwright', 'Тестирование'], role: { id: '124', name: 'Тестировщик' } },
  { name: 'DevOps-инженер', skills: ['Kubernetes', 'Docker', 'CI/CD'], role: { id: '160', name: 'DevOps-инженер' } },
  { name: 'Продуктовый менеджер', skills: ['Product management', 'Agile'], role: { id: '73', name: 'Менеджер продукта' } },
  { name: 'Дизайнер интерфейсов', skills: ['Figma', 'UX'], role: { id: '34', name: 'Дизайнер, художник' } },
];

/** The facts of one vacancy; everything hh.ru sends is built from these. */
export interface FakeVacancy {
  id: string;
  name: string;
  area: Named;
  employer: Named;
  /** Milliseconds since the epoch. */
  publishedAt: number;
  salary: { from: number | null; to: number | null; currency: string; gross: boolean } | null;
  descriptionHtml: string;
  keySkills: string[];
  professionalRole: Named;
  hasTest: boolean;
  /** With hasTest: the test must be passed before applying (403 test_required). */
  testRequired: boolean;
  letterRequired: boolean;
  archived: boolean;
  /** `direct`: applying happens on the employer's site (`responseUrl`); POST /negotiations answers 303. */
  type: 'open' | 'direct';
  responseUrl: string | null;
  /** The employer refuses applications from this user: 403 application_denied. */
  applicationDenied: boolean;
}

export const GENERATED_ID_BASE = 120_000_000;

/**
 * Vacancy number `index` of `total` (0 = newest), published evenly over `spanMs` before `now`.
 * Areas, titles and employers cycle with coprime periods (5, 8, 7), so filters split the set evenly.
 */
export function generateVacancy(index: number, total: number, now: number, spanMs: number): FakeVacancy {
  const id = String(GENERATED_ID_BASE + index + 1);
  const title = TITLES[index % TITLES.length]!;
  const from = index % 4 === 3 ? null : 80_000 + (index % 10) * 20_000;
  const direct = index % 17 === 11;
  return {
    id,
    name: title.name,
    area: AREAS[index % AREAS.length]!,
    employer: EMPLOYERS[index % EMPLOYERS.length]!,
    publishedAt: now - Math.floor(((index + 0.5) * spanMs) / Math.max(total, 1)),
    salary: from === null ? null : { from, to: index % 3 === 0 ? null : from + 50_000, currency: 'RUR', gross: index % 2 === 0 },
    descriptionHtml: `<p>${title.name} в команду. Стек: ${title.skills.join(', ')}.</p><p><strong>Условия:</strong> ДМС, гибкий график.</p>`,
    keySkills: [...title.skills],
    professionalRole: title.role,
    hasTest: index % 10 === 7,
    testRequired: index % 20 === 7,
    letterRequired: index % 6 === 5,
    archived: false,
    type: direct ? 'direct' : 'open',
    responseUrl: direct ? `https://career.example.com/jobs/${id}` : null,
    applicationDenied: false,
  };
}

/** hh.ru's date format: `2025-03-14T12:00:00+0300` (Moscow time). */
export function hhDate(ms: number): string {
  return `${new Date(ms + 3 * 3_600_000).toISOString().slice(0, 19)}+0300`;
}

/** Parses `YYYY-MM-DD` (Moscow midnight) or `YYYY-MM-DDThh:mm:ss±hhmm`; NaN when neither. */
export function parseHhDate(value: string): number {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return Date.parse(`${value}T00:00:00+03:00`);
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?)([+-]\d{2}):?(\d{2})$/.exec(value);
  if (match) return Date.parse(`${match[1]}${match[2]}:${match[3]}`);
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?Z$/.test(value) ? Date.parse(value) : Number.NaN;
}

export const plainText = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** What one user's relations to a vacancy look like (VacancyRelations). */
export type Relation = 'favorited' | 'got_response' | 'got_invitation' | 'got_rejection' | 'blacklisted';

export interface JsonContext {
  spec: HhSpec;
  apiUrl: string;
}

const examples = new Map<string, unknown>();
/**
 * A spec example, copied once per process: the builders below spread it and replace what they change,
 * never mutating its nested objects, so one copy serves every response (structuredClone per item was slow).
 */
export function sharedExample<T>(spec: HhSpec, name: string): T {
  if (!examples.has(name)) examples.set(name, spec.example(name));
  return examples.get(name) as T;
}

function salaryJson(vacancy: FakeVacancy) {
  return vacancy.salary ? { ...vacancy.salary } : null;
}

function salaryRangeJson(vacancy: FakeVacancy) {
  if (!vacancy.salary) return null;
  return {
    ...vacancy.salary,
    frequency: { id: 'MONTHLY', name: 'Раз в месяц' },
    mode: { id: 'MONTH', name: 'За месяц' },
  };
}

function employerJson(ctx: JsonContext, vacancy: FakeVacancy, base: Record<string, unknown>) {
  return {
    ...base,
    id: vacancy.employer.id,
    name: vacancy.employer.name,
    alternate_url: `https://hh.ru/employer/${vacancy.employer.id}`,
    url: `${ctx.apiUrl}/employers/${vacancy.employer.id}`,
  };
}

function commonVacancyFields(ctx: JsonContext, vacancy: FakeVacancy, relations: Relation[]) {
  return {
    id: vacancy.id,
    name: vacancy.name,
    area: { ...vacancy.area, url: `${ctx.apiUrl}/areas/${vacancy.area.id}` },
    salary: salaryJson(vacancy),
    salary_range: salaryRangeJson(vacancy),
    published_at: hhDate(vacancy.publishedAt),
    created_at: hhDate(vacancy.publishedAt),
    archived: vacancy.archived,
    has_test: vacancy.hasTest,
    response_letter_required: vacancy.letterRequired,
    type: vacancy.type === 'direct' ? { id: 'direct', name: 'Рекламная' } : { id: 'open', name: 'Открытая' },
    response_url: vacancy.responseUrl,
    relations,
    professional_roles: [vacancy.professionalRole],
    alternate_url: `https://hh.ru/vacancy/${vacancy.id}`,
    apply_alternate_url: `https://hh.ru/applicant/vacancy_response?vacancyId=${vacancy.id}`,
    url: `${ctx.apiUrl}/vacancies/${vacancy.id}`,
  };
}

/** A search result item: the spec's VacanciesVacancies example item with this vacancy's facts. */
export function vacancyListItemJson(ctx: JsonContext, vacancy: FakeVacancy, relations: Relation[]): Record<string, unknown> {
  const example = sharedExample<{ items: Record<string, unknown>[] }>(ctx.spec, 'VacanciesVacancies').items[0]!;
  const item: Record<string, unknown> = {
    ...example,
    ...commonVacancyFields(ctx, vacancy, relations),
    employer: employerJson(ctx, vacancy, example.employer as Record<string, unknown>),
    snippet: {
      requirement: `Опыт работы с <highlighttext>${vacancy.keySkills[0] ?? vacancy.name}</highlighttext> от 2 лет.`,
      responsibility: plainText(vacancy.descriptionHtml).slice(0, 120),
    },
    address: null,
    contacts: null,
    insider_interview: null,
    department: null,
  };
  // Present only for geo sorting and with responses_count_enabled.
  delete item.sort_point_distance;
  delete item.counters;
  // In the spec's example but not in its schema.
  for (const name of ['benefits', 'brand_snippet', 'branding', 'misleading_vacancy_alert']) delete item[name];
  return item;
}

/**
 * Keeps the top-level fields `schemaName` (a components.schemas entry, allOf merged) knows: the spec's
 * examples carry a few fields their schemas do not (and the manager's variant of a vacancy carries more).
 */
export function pickKnown(spec: HhSpec, schemaName: string, value: Record<string, unknown>): Record<string, unknown> {
  const known = flatten(spec, { $ref: `#/components/schemas/${schemaName}` }).properties;
  return Object.fromEntries(Object.entries(value).filter(([name]) => known.has(name)));
}

/** GET /vacancies/{id}: the spec's VacanciesVacancyForApplicant example with this vacancy's facts. */
export function vacancyJson(ctx: JsonContext, vacancy: FakeVacancy, relations: Relation[]): Record<string, unknown> {
  const example = sharedExample<Record<string, unknown>>(ctx.spec, 'VacanciesVacancyForApplicant');
  const employer = { ...(example.employer as Record<string, unknown>) };
  delete employer.badges; // not in VacanciesVacancyEmployer
  return pickKnown(ctx.spec, 'VacanciesVacancyForApplicant', {
    ...example,
    ...commonVacancyFields(ctx, vacancy, relations),
    employer: employerJson(ctx, vacancy, employer),
    description: vacancy.descriptionHtml,
    branded_description: null,
    key_skills: vacancy.keySkills.map((name) => ({ name })),
    test: vacancy.hasTest ? { required: vacancy.testRequired } : null,
    address: null,
    contacts: null,
    insider_interview: null,
    department: null,
    video_vacancy: null,
    languages: [],
  });
}

export interface FakeResume {
  id: string;
  title: string;
  status: 'published' | 'not_published' | 'blocked';
  /** When it may be raised (published) again; ms since the epoch. */
  nextPublishAt: number;
  updatedAt: number;
  areaId: string;
}

export interface FakeUser {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  /** The website login form accepts any password unless this is set. */
  password?: string;
  resumes: FakeResume[];
}

export function resumeId(userId: string, n: number): string {
  return createHash('sha1').update(`${userId}:${n}`).digest('hex').slice(0, 38);
}

export function defaultResumes(userId: string, now: number): FakeResume[] {
  return [
    {
      id: resumeId(userId, 1),
      title: 'Frontend-разработчик',
      status: 'published',
      nextPublishAt: now,
      updatedAt: now - 86_400_000,
      areaId: '1',
    },
    {
      id: resumeId(userId, 2),
      title: 'Python-разработчик',
      status: 'published',
      nextPublishAt: now + 4 * 3_600_000,
      updatedAt: now,
      areaId: '1',
    },
  ];
}

function resumeFields(ctx: JsonContext, user: FakeUser, resume: FakeResume, now: number) {
  const area = AREAS.find((a) => a.id === resume.areaId) ?? AREAS[0]!;
  return {
    id: resume.id,
    title: resume.title,
    first_name: user.firstName,
    last_name: user.lastName,
    middle_name: null,
    area: { ...area, url: `${ctx.apiUrl}/areas/${area.id}` },
    status: {
      id: resume.status,
      name: resume.status === 'published' ? 'опубликовано' : resume.status === 'blocked' ? 'заблокировано' : 'не опубликовано',
    },
    can_publish_or_update: resume.status !== 'blocked' && resume.nextPublishAt <= now,
    next_publish_at: hhDate(resume.nextPublishAt),
    blocked: resume.status === 'blocked',
    finished: true,
    created_at: hhDate(resume.updatedAt - 30 * 86_400_000),
    updated_at: hhDate(resume.updatedAt),
    alternate_url: `https://hh.ru/resume/${resume.id}`,
    url: `${ctx.apiUrl}/resumes/${resume.id}`,
  };
}

/** An item of GET /resumes/mine (the spec's ResumesMineResumes example item). */
export function mineResumeJson(ctx: JsonContext, user: FakeUser, resume: FakeResume, now: number): Record<string, unknown> {
  const example = sharedExample<{ items: Record<string, unknown>[] }>(ctx.spec, 'ResumesMineResumes').items[0]!;
  const fields = resumeFields(ctx, user, resume, now);
  return {
    ...example,
    ...fields,
    created: fields.created_at,
    updated: fields.updated_at,
    views_url: `${ctx.apiUrl}/resumes/${resume.id}/views`,
    similar_vacancies: { counters: { total: 0 }, url: `${ctx.apiUrl}/resumes/${resume.id}/similar_vacancies` },
    contact: [{ contact_value: user.email, kind: 'email', preferred: true, type: { id: 'email', name: 'Эл. почта' } }],
  };
}

/** GET /resumes/{id} (the spec's ResumeResumeViewApplicant example). */
export function resumeJson(ctx: JsonContext, user: FakeUser, resume: FakeResume, now: number): Record<string, unknown> {
  const example = sharedExample<Record<string, unknown>>(ctx.spec, 'ResumeResumeViewApplicant');
  return pickKnown(ctx.spec, 'ResumeResumeForApplicant', {
    ...example,
    ...resumeFields(ctx, user, resume, now),
    contact: [{ contact_value: user.email, kind: 'email', preferred: true, type: { id: 'email', name: 'Эл. почта' } }],
  });
}

/** GET /me with a user token. */
export function applicantMeJson(ctx: JsonContext, user: FakeUser, unreadNegotiations: number): Record<string, unknown> {
  return {
    auth_type: 'applicant',
    is_applicant: true,
    is_application: false,
    is_employer: false,
    is_admin: false,
    is_employer_integration: false,
    id: user.id,
    first_name: user.firstName,
    last_name: user.lastName,
    middle_name: null,
    email: user.email,
    phone: null,
    is_in_search: true,
    resumes_url: `${ctx.apiUrl}/resumes/mine`,
    negotiations_url: `${ctx.apiUrl}/negotiations`,
    counters: { unread_negotiations: unreadNegotiations, new_resume_views: 0, resumes_count: user.resumes.length },
  };
}

/** GET /me with an application token. */
export function applicationMeJson(): Record<string, unknown> {
  return {
    auth_type: 'application',
    is_applicant: false,
    is_application: true,
    is_employer: false,
    is_admin: false,
    is_employer_integration: false,
  };
}

export type NegotiationState = 'response' | 'invitation' | 'discard' | 'hired';

export const NEGOTIATION_STATE_NAMES: Record<NegotiationState, string> = {
  response: 'Отклик',
  invitation: 'Приглашение',
  discard: 'Отказ',
  hired: 'Выход на работу',
};

export interface FakeMessage {
  id: string;
  author: 'applicant' | 'employer';
  text: string | null;
  state: NegotiationState | 'text';
  createdAt: number;
  viewedByMe: boolean;
  viewedByOpponent: boolean;
}

export interface FakeNegotiation {
  id: string;
  userId: string;
  vacancyId: string;
  resumeId: string;
  state: NegotiationState;
  createdAt: number;
  updatedAt: number;
  hasUpdates: boolean;
  viewedByOpponent: boolean;
  /** The employer switched messaging off: POST messages answers 403 disabled_by_employer. */
  messagingDisabled: boolean;
  messages: FakeMessage[];
}

export function messageJson(message: FakeMessage): Record<string, unknown> {
  return {
    address: null,
    author: { participant_type: message.author },
    created_at: hhDate(message.createdAt),
    editable: false,
    id: message.id,
    state: { id: message.state, name: message.state === 'text' ? 'Текст' : NEGOTIATION_STATE_NAMES[message.state] },
    text: message.text,
    viewed_by_me: message.viewedByMe,
    viewed_by_opponent: message.viewedByOpponent,
  };
}

/** An item of GET /negotiations (the spec's NegotiationsListResponse example item). */
export function negotiationJson(
  ctx: JsonContext,
  negotiation: FakeNegotiation,
  vacancy: Record<string, unknown> | null,
  resume: FakeResume | undefined,
): Record<string, unknown> {
  const example = sharedExample<{ items: Record<string, unknown>[] }>(ctx.spec, 'NegotiationsListResponse').items[0]!;
  const item: Record<string, unknown> = {
    ...example,
    id: negotiation.id,
    state: { id: negotiation.state, name: NEGOTIATION_STATE_NAMES[negotiation.state] },
    created_at: hhDate(negotiation.createdAt),
    updated_at: hhDate(negotiation.updatedAt),
    has_updates: negotiation.hasUpdates,
    viewed_by_opponent: negotiation.viewedByOpponent,
    hidden: false,
    tags: [],
    url: `${ctx.apiUrl}/negotiations/${negotiation.id}`,
    messages_url: `${ctx.apiUrl}/negotiations/${negotiation.id}/messages`,
    counters: {
      messages: negotiation.messages.length,
      unread_messages: negotiation.messages.filter((m) => !m.viewedByMe).length,
    },
    vacancy: vacancy
      ? { ...pickKnown(ctx.spec, 'VacanciesNegotiationsVacancyShort', vacancy), premium: false, show_contacts: false }
      : null,
    resume: resume
      ? {
          id: resume.id,
          title: resume.title,
          url: `${ctx.apiUrl}/resumes/${resume.id}`,
          alternate_url: `https://hh.ru/resume/${resume.id}`,
        }
      : null,
  };
  delete item.phone_calls;
  return item;
}

/** GET /areas: Russia with the generated vacancies' cities, plus the spec's own example country. */
export function areasJson(spec: HhSpec): unknown[] {
  const russia = {
    id: COUNTRY.id,
    name: COUNTRY.name,
    parent_id: null,
    areas: AREAS.map((area) => ({ id: area.id, name: area.name, parent_id: COUNTRY.id, areas: [] })),
  };
  return [russia, ...spec.example<unknown[]>('AreasAreas')];
}

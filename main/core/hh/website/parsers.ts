import { z } from 'zod';
import { pageChanged } from './errors';
import type { PageState } from './page-state';

/**
 * Every shape the app reads from hh.ru's pages and XHR answers, in one place. Each parser either
 * returns what the app needs or throws hh_page_changed naming the missing key and the page: a
 * renamed key must never read as "no resumes" or "found nothing". Objects are loose: hh.ru adds
 * keys all the time, and only what the app reads is checked.
 */

const id = z.union([z.string().min(1), z.number()]).transform((value) => String(value));
const text = z.string().nullish();
/** hh.ru writes booleans as true, "true" or 1 depending on the page. */
const flag = z
  .union([z.boolean(), z.string(), z.number()])
  .nullish()
  .transform((value) => value === true || value === 'true' || value === 1);
const stringOrNull = z.unknown().transform((value) => (typeof value === 'string' && value ? value : null));
/** An ISO string, ms since the epoch, or hh.ru's `{$: iso}` wrapper. */
const time = z
  .union([z.string(), z.number(), z.looseObject({ $: z.string().nullish() })])
  .nullish()
  .transform((value) => {
    if (value === null || value === undefined) return null;
    if (typeof value === 'number') return new Date(value).toISOString();
    if (typeof value === 'string') return value || null;
    return value.$ ?? null;
  });

function parse<T extends z.ZodType>(schema: T, value: unknown, url: string, what: string): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw pageChanged(url, `${what}: ${issue?.path.join('.') || 'the state'}: ${issue?.message ?? 'unexpected shape'}`);
}

const paging = z
  .looseObject({
    lastPage: z.looseObject({ page: z.number() }).nullish(),
    pages: z.array(z.looseObject({ page: z.number().nullish() })).nullish(),
  })
  .nullish();
export type Paging = z.output<typeof paging>;

// ---------- /applicant/resumes ----------

const resumeItem = z.looseObject({
  _attributes: z.looseObject({ id, hash: z.string().min(1), status: text }),
  // A plain string on some pages, `[{string}]` on others.
  title: z.union([z.string(), z.array(z.looseObject({ string: text }))]).nullish(),
});

const applicantPage = z.looseObject({
  applicantResumes: z.array(resumeItem),
  account: z.looseObject({ firstName: text, lastName: text, email: stringOrNull, userId: id.nullish() }),
  latestResumeHash: text,
  userNotifications: z.array(z.looseObject({ userId: id.nullish() })).nullish(),
  chatik: z.looseObject({ chatikOrigin: text }).nullish(),
});
export type ApplicantPage = z.output<typeof applicantPage> & { userId: string | null };
export type ResumeItem = z.output<typeof resumeItem>;

/** The first `userId` anywhere in the state, breadth first (what 2026 tools fall back to with a regex). */
function firstUserId(state: unknown): string | null {
  const queue: unknown[] = [state];
  for (let seen = 0; queue.length && seen < 10_000; seen += 1) {
    const node = queue.shift();
    if (!node || typeof node !== 'object') continue;
    const value = (node as Record<string, unknown>).userId;
    if ((typeof value === 'number' || typeof value === 'string') && /^\d+$/.test(String(value))) return String(value);
    queue.push(...Object.values(node as Record<string, unknown>));
  }
  return null;
}

/**
 * The user's chat participant id: the notes place it on userNotifications[0]; a user without
 * notifications still has it on the account or elsewhere in the state.
 */
export function parseApplicantPage(state: PageState, url: string): ApplicantPage {
  const page = parse(applicantPage, state, url, 'resumes page');
  const userId = page.userNotifications?.find((n) => n.userId)?.userId ?? page.account.userId ?? firstUserId(state);
  return { ...page, userId };
}

/** Assumption: the resume's own page keeps it under `resume`. */
export const parseResumePage = (state: PageState, url: string) => parse(z.looseObject({ resume: z.looseObject({}) }), state, url, 'resume page').resume;

// ---------- vacancies ----------

const company = z.looseObject({ id: id.nullish(), name: text, visibleName: text }).nullish();
const compensation = z
  .looseObject({ from: z.number().nullish(), to: z.number().nullish(), currencyCode: text, gross: z.boolean().nullish(), noCompensation: z.unknown().optional() })
  .nullish();
const area = z.looseObject({ '@id': id.nullish(), id: id.nullish(), name: text }).nullish();

const searchVacancy = z.looseObject({
  vacancyId: id,
  name: z.string(),
  company,
  compensation,
  area,
  publicationTime: time,
  creationTime: time,
  links: z.looseObject({ desktop: text }).nullish(),
  '@responseLetterRequired': flag,
  userTestPresent: flag,
  archived: flag,
  response_url: text,
  userLabels: z.array(z.unknown()).nullish(),
});
export type SearchVacancy = z.output<typeof searchVacancy>;

const searchPage = z.looseObject({
  vacancySearchResult: z.looseObject({ vacancies: z.array(searchVacancy), totalResults: z.number().nullish(), paging }),
});
export type SearchResult = z.output<typeof searchPage>['vacancySearchResult'];

/** Items are checked one by one only for what the app reads; the raw item is kept beside the parsed one. */
export function parseSearchPage(state: PageState, url: string): { result: SearchResult; raw: unknown[] } {
  const parsed = parse(searchPage, state, url, 'vacancy search');
  const raw = ((state.vacancySearchResult as Record<string, unknown>).vacancies as unknown[]) ?? [];
  return { result: parsed.vacancySearchResult, raw };
}

const skill = z.union([z.string(), z.looseObject({ name: z.string() }).transform((s) => s.name)]);

const vacancyView = z.looseObject({
  vacancyId: id.nullish(),
  id: id.nullish(),
  name: z.string(),
  description: z.string(),
  company,
  compensation,
  area,
  keySkills: z.union([z.array(skill), z.looseObject({ keySkill: z.array(skill).nullish() })]).nullish(),
  status: z.looseObject({ archived: flag }).nullish(),
  archived: flag,
  publicationDate: time,
  '@responseLetterRequired': flag,
  responseLetterRequired: flag,
  userTestPresent: flag,
  test: z.looseObject({ hasTests: flag, required: flag }).nullish(),
  response_url: text,
});
export type VacancyView = z.output<typeof vacancyView>;

export function parseVacancyPage(state: PageState, url: string): { view: VacancyView; raw: unknown } {
  const outer = state.vacancyView as Record<string, unknown> | undefined;
  // Some 2026 pages nest the card one level down (vacancyView.vacancyFull.vacancy).
  const nested = (outer?.vacancyFull as Record<string, unknown> | undefined)?.vacancy;
  const raw = outer && outer.description === undefined && nested && typeof nested === 'object' ? nested : outer;
  return { view: parse(vacancyView, raw, url, 'vacancy page (vacancyView)'), raw };
}

// ---------- chats (chatik) ----------

const chatMessage = z.looseObject({
  id,
  text,
  creationTime: time,
  type: text,
  participantId: id.nullish(),
  participantDisplay: z.looseObject({ name: text, isBot: flag }).nullish(),
  workflowTransition: z.looseObject({ applicantState: text, topicId: id.nullish() }).nullish(),
  actions: z.looseObject({ text_buttons: z.array(z.looseObject({ text: z.string() })).nullish() }).nullish(),
});
export type ChatMessageItem = z.output<typeof chatMessage>;

// ---------- /applicant/negotiations ----------

const topic = z.looseObject({
  id,
  chatId: id.nullish(),
  vacancyId: id.nullish(),
  resumeId: id.nullish(),
  lastState: text,
  hasNewMessages: flag,
  viewedByOpponent: flag,
  lastModified: time,
  lastChangeTime: time,
  creationTime: time,
  // Assumption: the card's status labels ("Приглашение", "Отказ", "Просмотрен").
  badges: z.array(z.union([z.string(), z.looseObject({ text: z.string().nullish() }).transform((b) => b.text ?? '')])).nullish(),
  statusText: text,
  lastMessage: chatMessage.nullish(),
});
export type Topic = z.output<typeof topic>;

const negotiationsPage = z.looseObject({
  applicantNegotiations: z.looseObject({ topicList: z.array(topic), paging, total: z.number().nullish() }),
});

export const parseNegotiationsPage = (state: PageState, url: string) => parse(negotiationsPage, state, url, 'responses page').applicantNegotiations;

const chatItem = z.looseObject({
  id,
  unreadCount: z.number().nullish(),
  resources: z
    .looseObject({ VACANCY: z.array(id).nullish(), NEGOTIATION_TOPIC: z.array(id).nullish(), RESUME: z.array(id).nullish() })
    .nullish(),
  currentParticipantId: id.nullish(),
  lastMessage: chatMessage.nullish(),
  lastActivityTime: time,
});
export type ChatItem = z.output<typeof chatItem>;

const chatList = z.looseObject({ chats: z.looseObject({ page: z.number().nullish(), pages: z.number().nullish(), items: z.array(chatItem) }) });
export const parseChatList = (body: unknown, url: string) => parse(chatList, body, url, 'chat list').chats;

const chatData = z.looseObject({
  chat: z.looseObject({ id, currentParticipantId: id.nullish(), messages: z.looseObject({ items: z.array(chatMessage), hasMore: flag }) }),
  chatStates: z.looseObject({ writeMessageState: z.looseObject({ allowed: z.boolean().nullish() }).nullish() }).nullish(),
});
export const parseChatData = (body: unknown, url: string) => parse(chatData, body, url, 'chat messages');

// ---------- answers of writes ----------

const applyAnswer = z.looseObject({
  success: z.union([z.string(), z.boolean()]).nullish(),
  topic_id: id.nullish(),
  chat_id: id.nullish(),
  error: z.unknown().optional(),
});
export type ApplyAnswer = z.output<typeof applyAnswer>;
export const parseApplyAnswer = (body: unknown, url: string) => parse(applyAnswer, body, url, 'apply answer');

/** hh.ru's error word from `{error: "..."}` or `{error: {type|code|value: "..."}}`. */
export function errorWord(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const error = (body as Record<string, unknown>).error;
  if (typeof error === 'string') return error;
  if (error && typeof error === 'object') {
    const e = error as Record<string, unknown>;
    for (const key of ['type', 'code', 'value', 'key']) if (typeof e[key] === 'string') return e[key] as string;
    return 'unknown';
  }
  return error === undefined || error === null || error === false ? undefined : String(error);
}

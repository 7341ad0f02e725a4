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

// ---------- the resume list: /applicant/my_resumes (2026), /applicant/resumes (older), /applicant/profile/me ----------

/** hh.ru writes a resume's words as `[{string}]` on its 2026 pages and as plain strings on older ones. */
const wrapped = z
  .union([z.string(), z.number(), z.array(z.looseObject({ string: z.union([z.string(), z.number()]).nullish() }))])
  .nullish();

const resumeItem = z.looseObject({
  _attributes: z.looseObject({
    id,
    hash: z.string().min(1),
    status: text,
    /** The owner's user id (2026): also the chat participant id. */
    user: id.nullish(),
    nextPublishAt: time,
    canPublishOrUpdate: z.boolean().nullish(),
    isSearchable: z.boolean().nullish(),
    /** The profile page's list says when raising is allowed again (ms since the epoch). */
    canTouch: z.boolean().nullish(),
    nextTouchAt: time,
    title: text,
  }),
  title: wrapped,
});
export type ResumeItem = z.output<typeof resumeItem>;

const account = z.looseObject({ firstName: text, lastName: text, middleName: text, email: stringOrNull, userId: id.nullish() });

const resumeListPage = z.looseObject({
  applicantResumes: z.array(resumeItem),
  account: account.nullish(),
  latestResumeHash: text,
  userNotifications: z.array(z.looseObject({ userId: id.nullish() })).nullish(),
  chatik: z.looseObject({ chatikOrigin: text }).nullish(),
});

/** Which of hh.ru's layouts a page had: the 2026 one or the older one (hh.ru rolls changes out per account). */
export type PageShape = '2026' | 'older';

export interface ApplicantPage {
  resumes: ResumeItem[];
  account: { firstName: string; lastName: string; email: string | null } | null;
  /** The user's chat participant id, from explicit fields only (never the first `userId` in the page). */
  userId: string | null;
  chatikOrigin: string | null;
  shape: PageShape;
}

/**
 * The user's own id, where hh.ru states it: the resumes' owner (`_attributes.user`, 2026), the
 * notifications (older pages) or the account.
 */
const userIdFrom = (page: z.output<typeof resumeListPage>): string | null =>
  page.applicantResumes.find((r) => r._attributes.user)?._attributes.user ??
  page.userNotifications?.find((n) => n.userId)?.userId ??
  page.account?.userId ??
  null;

const accountFrom = (value: z.output<typeof account> | null | undefined): ApplicantPage['account'] =>
  value && (value.firstName || value.lastName || value.email)
    ? { firstName: value.firstName ?? '', lastName: value.lastName ?? '', email: value.email }
    : null;

/** `/applicant/my_resumes` (2026) or `/applicant/resumes` (older): the list, and who the user is when the page says. */
export function parseResumeListPage(state: PageState, url: string, shape: PageShape): ApplicantPage {
  const page = parse(resumeListPage, state, url, 'resume list');
  return {
    resumes: page.applicantResumes,
    account: accountFrom(page.account),
    userId: userIdFrom(page),
    chatikOrigin: page.chatik?.chatikOrigin ?? null,
    shape,
  };
}

const profileWidget = z.looseObject({
  userId: id.nullish(),
  applicantResumes: z.array(resumeItem).nullish(),
  profile: z.looseObject({ fields: z.looseObject({ firstName: wrapped, lastName: wrapped, email: wrapped }).nullish() }).nullish(),
});

const firstWord = (value: z.output<typeof wrapped>): string => {
  if (typeof value === 'string' || typeof value === 'number') return String(value).trim();
  return String(value?.find((part) => part.string !== null && part.string !== undefined)?.string ?? '').trim();
};

/**
 * `/applicant/profile/me`, where hh.ru now sends `/applicant/resumes` (2026): the account in the main
 * state, and in the resume front end's widgets the user id and (not always) the resume list.
 */
export function parseProfilePage(state: PageState, widgets: PageState[], url: string): ApplicantPage {
  const main = parse(
    z.looseObject({ account: account.nullish(), chatik: z.looseObject({ chatikOrigin: text }).nullish() }),
    state,
    url,
    'profile page',
  );
  const parsed = widgets.map((widget) => parse(profileWidget, widget, url, 'profile page (ResumeProfileFront)'));
  const resumes =
    parsed.find((w) => w.applicantResumes?.length)?.applicantResumes ?? parsed.find((w) => w.applicantResumes)?.applicantResumes;
  if (!resumes) throw pageChanged(url, 'profile page: no applicantResumes in any ResumeProfileFront-InitialState');
  const fields = parsed.find((w) => w.profile?.fields)?.profile?.fields;
  const fromFields = fields
    ? accountFrom({ firstName: firstWord(fields.firstName), lastName: firstWord(fields.lastName), email: firstWord(fields.email) || null })
    : null;
  const userId =
    resumes.find((r) => r._attributes.user)?._attributes.user ?? parsed.find((w) => w.userId)?.userId ?? main.account?.userId ?? null;
  return {
    resumes,
    account: accountFrom(main.account) ?? fromFields,
    userId,
    chatikOrigin: main.chatik?.chatikOrigin ?? null,
    shape: '2026',
  };
}

/** The account as the main state of any signed-in page carries it (the profile page, 2026). */
export const parseAccount = (state: PageState, url: string): ApplicantPage['account'] =>
  accountFrom(parse(z.looseObject({ account: account.nullish() }), state, url, 'profile page').account);

// ---------- vacancies ----------

const company = z.looseObject({ id: id.nullish(), name: text, visibleName: text }).nullish();
/** `mode` (MONTH, HOUR, SHIFT, ...) and `perModeFrom` are 2026's: a salary is per month only when the mode says so or is absent. */
const compensation = z
  .looseObject({
    from: z.number().nullish(),
    to: z.number().nullish(),
    currencyCode: text,
    gross: z.boolean().nullish(),
    noCompensation: z.unknown().optional(),
    mode: text,
    frequency: text,
    perModeFrom: z.number().nullish(),
    perModeTo: z.number().nullish(),
  })
  .nullish();
const area = z.looseObject({ '@id': id.nullish(), id: id.nullish(), name: text }).nullish();
const labels = z.array(z.unknown()).nullish();

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
  closedForApplicants: flag,
  response_url: text,
  userLabels: labels,
});
export type SearchVacancy = z.output<typeof searchVacancy>;

const searchPage = z.looseObject({
  vacancySearchResult: z.looseObject({ vacancies: z.array(searchVacancy), totalResults: z.number().nullish(), paging }),
  /** 2026: the signed-in user's marks (applied, ...) per vacancy id, beside the cards (whose own userLabels stay empty). */
  userLabelsForVacancies: z.record(z.string(), labels).nullish(),
});
export type SearchResult = z.output<typeof searchPage>['vacancySearchResult'];

/** The card's own labels and the page's labels for it, as one list (older pages mark the card, 2026 pages the page). */
const withLabels = <T extends { userLabels?: unknown[] | null }>(card: T, extra: unknown[] | null | undefined): T =>
  extra?.length ? { ...card, userLabels: [...(card.userLabels ?? []), ...extra] } : card;

/**
 * Items are checked one by one only for what the app reads; the raw item is kept beside the parsed
 * one, with the page's labels for it merged into its `userLabels` (see ../relations.ts).
 */
export function parseSearchPage(state: PageState, url: string): { result: SearchResult; raw: unknown[]; shape: PageShape } {
  const parsed = parse(searchPage, state, url, 'vacancy search');
  const byId = parsed.userLabelsForVacancies ?? {};
  const rawCards = ((state.vacancySearchResult as Record<string, unknown>).vacancies as Record<string, unknown>[]) ?? [];
  const vacancies = parsed.vacancySearchResult.vacancies.map((v) => withLabels(v, byId[v.vacancyId]));
  const raw = rawCards.map((card, i) =>
    withLabels(card as { userLabels?: unknown[] | null }, byId[parsed.vacancySearchResult.vacancies[i]!.vacancyId]),
  );
  return { result: { ...parsed.vacancySearchResult, vacancies }, raw, shape: parsed.userLabelsForVacancies ? '2026' : 'older' };
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
  status: z.looseObject({ archived: flag, active: z.boolean().nullish() }).nullish(),
  archived: flag,
  closedForApplicants: flag,
  publicationDate: time,
  publicationTimeIso: time,
  '@responseLetterRequired': flag,
  responseLetterRequired: flag,
  userTestPresent: flag,
  test: z.looseObject({ hasTests: flag, required: flag }).nullish(),
  response_url: text,
  userLabels: labels,
});
export type VacancyView = z.output<typeof vacancyView>;

/** 2026: what the page knows of the user and this vacancy (`alreadyApplied` stays false even after applying; the count does not). */
const responseStatus = z
  .looseObject({
    negotiations: z.looseObject({ total: z.number().nullish() }).nullish(),
    test: z.looseObject({ hasTests: flag, required: flag }).nullish(),
  })
  .nullish();

/**
 * The vacancy page: `vacancyView` itself (older) or `vacancyView.vacancyFull.vacancy` (2026), with
 * the page-level marks merged into the raw copy's `userLabels` (a response counted on the page is
 * "response", as a search card would say) and the page-level test flag into `test`.
 */
export function parseVacancyPage(state: PageState, url: string): { view: VacancyView; raw: unknown; shape: PageShape } {
  const outer = state.vacancyView as Record<string, unknown> | undefined;
  const full = outer?.vacancyFull as Record<string, unknown> | undefined;
  const nested = full?.vacancy;
  const is2026 = Boolean(outer && outer.description === undefined && nested && typeof nested === 'object');
  const base = (is2026 ? nested : outer) as Record<string, unknown> | undefined;
  const view = parse(vacancyView, base, url, `vacancy page (${is2026 ? 'vacancyView.vacancyFull.vacancy' : 'vacancyView'})`);
  const id = view.vacancyId ?? view.id;
  const statuses = (state.applicantVacancyResponseStatuses as Record<string, unknown> | undefined) ?? {};
  const status = parse(responseStatus, id ? statuses[id] : undefined, url, 'vacancy page (applicantVacancyResponseStatuses)');
  const extra = parse(z.looseObject({ userLabels: labels }).nullish(), full?.extraVacancyFields, url, 'vacancy page (extraVacancyFields)');
  const pageLabels = [...(extra?.userLabels ?? []), ...((status?.negotiations?.total ?? 0) > 0 ? ['response'] : [])];
  const test = status?.test?.hasTests ? { hasTests: true, required: Boolean(status.test.required || view.test?.required) } : view.test;
  return {
    view: { ...withLabels(view, pageLabels), test },
    raw: base && { ...withLabels(base as { userLabels?: unknown[] | null }, pageLabels), ...(test && { test }) },
    shape: is2026 ? '2026' : 'older',
  };
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
  /** 2026: the user's own id on their response. */
  applicantUserId: id.nullish(),
});
export type Topic = z.output<typeof topic>;

const negotiationsPage = z.looseObject({
  applicantNegotiations: z.looseObject({ topicList: z.array(topic), paging, total: z.number().nullish() }),
});

export const parseNegotiationsPage = (state: PageState, url: string) =>
  parse(negotiationsPage, state, url, 'responses page').applicantNegotiations;

const chatResources = z
  .looseObject({ VACANCY: z.array(id).nullish(), NEGOTIATION_TOPIC: z.array(id).nullish(), RESUME: z.array(id).nullish() })
  .nullish();

const chatItem = z.looseObject({
  id,
  unreadCount: z.number().nullish(),
  resources: chatResources,
  currentParticipantId: id.nullish(),
  lastMessage: chatMessage.nullish(),
  lastActivityTime: time,
});
export type ChatItem = z.output<typeof chatItem>;

/** A vacancy as chatik describes it beside its chats (the short card: name, company). */
const chatVacancy = z.looseObject({ vacancyId: id.nullish(), name: text, company: company });
export type ChatVacancy = z.output<typeof chatVacancy>;

/** The things chats refer to, by id (2026): vacancies, and the responses with their current state. */
const sideResources = z
  .looseObject({
    vacancies: z.record(z.string(), chatVacancy.nullish()).nullish(),
    negotiation_topics: z.record(z.string(), z.looseObject({ currentApplicantState: text, vacancyId: id.nullish() }).nullish()).nullish(),
  })
  .nullish();
export type ChatSideResources = z.output<typeof sideResources>;

const chatList = z.looseObject({
  chats: z.looseObject({
    page: z.number().nullish(),
    pages: z.number().nullish(),
    hasNextPage: z.boolean().nullish(),
    items: z.array(chatItem),
  }),
  resources: sideResources,
});
export const parseChatList = (body: unknown, url: string) => {
  const parsed = parse(chatList, body, url, 'chat list');
  return { ...parsed.chats, resources: parsed.resources ?? null };
};

const chatData = z.looseObject({
  chat: z.looseObject({
    id,
    currentParticipantId: id.nullish(),
    resources: chatResources,
    messages: z.looseObject({ items: z.array(chatMessage), hasMore: flag }),
  }),
  chatStates: z.looseObject({ writeMessageState: z.looseObject({ allowed: z.boolean().nullish() }).nullish() }).nullish(),
  resources: sideResources,
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

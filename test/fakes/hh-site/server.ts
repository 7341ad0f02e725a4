/**
 * A fake hh.ru WEBSITE for tests: a real HTTP server on 127.0.0.1 (random port) playing hh.ru's
 * pages and XHR endpoints as docs/hh/WEBSITE-NOTES.md describes them, with the chat server
 * ("chatik") on the same origin.
 *
 * - Signed in = an `hhtoken` cookie of a live server-side session (`site.cookiesTxt()` writes a
 *   Netscape cookies file for one). Without it, applicant pages redirect to /account/login and chat
 *   endpoints answer 401. `site.revokeSessions()` ends sessions while the cookie stays (as hh.ru's
 *   hhtoken can outlive a revoked session).
 * - `_xsrf`: every answer sets one when the request has no valid one. Writes (apply, raise, hide,
 *   chat send) are checked like the site does: `X-Xsrftoken` header == `_xsrf` cookie (and the
 *   `_xsrf` form field, where there is a form), `X-Requested-With: XMLHttpRequest`, and a Referer on
 *   this site; otherwise 403 `{errorPage: {xsrfError: true}}`. `site.rotateXsrf()` invalidates every
 *   token, as a new hh.ru session would.
 * - Page states are HTML-escaped (`&#34;`) like hh.ru since mid-2026, or raw (`escapeState: false`).
 *   `site.setLayout('renamed' | 'no-template')` changes every page the way a redesign would.
 * - `site.failNext(route, reply)` answers the next matching request with any error of
 *   ./replies.ts; `{ afterHandling: true }` lets the request take effect first and then loses the
 *   answer (a reply lost on the way back).
 *
 * Nothing here talks to the real hh.ru.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  defaultUser,
  generateVacancies,
  messageJson,
  paging,
  searchCard,
  topicJson,
  type FakeChat,
  type FakeSiteMessage,
  type FakeSiteResume,
  type FakeSiteUser,
  type FakeSiteVacancy,
  type FakeTopic,
  type FakeSiteShape,
  resumeState,
  vacancyPage,
} from './data';
import { closeNow, listenHttp, readBody } from '../../support/net';
import { captchaPageHtml, loginPageHtml, notFoundHtml, pageWithoutState, statePage } from './pages';
import { siteReplies, type FakeSiteFailure, type FakeSiteReply } from './replies';

export { siteReplies, type FakeSiteFailure, type FakeSiteReply } from './replies';
export type { FakeChat, FakeSiteMessage, FakeSiteResume, FakeSiteShape, FakeSiteUser, FakeSiteVacancy, FakeTopic } from './data';

export const SITE_ROUTES = [
  'GET /',
  'GET /account/login',
  'GET /account/captcha',
  'GET /applicant/resumes',
  'GET /applicant/my_resumes',
  'GET /applicant/profile/me',
  'GET /resume/{hash}',
  'GET /search/vacancy',
  'GET /vacancy/{id}',
  'GET /applicant/negotiations',
  'POST /applicant/vacancy_response/popup',
  'POST /applicant/resumes/touch',
  'POST /profile/shards/resume/touch',
  'POST /applicant/blacklist/vacancy/add',
  'POST /applicant/blacklist/employer/add',
  'GET /chatik/api/chats',
  'GET /chatik/api/chat_data',
  'POST /chatik/api/send',
] as const;
export type SiteRoute = (typeof SITE_ROUTES)[number];

export type SiteLayout = 'current' | 'renamed' | 'no-template';

export interface FakeHhSiteOptions {
  /**
   * Which of hh.ru's layouts to serve (default '2026'; see docs/hh/WEBSITE-NOTES.md): the resume list
   * at /applicant/my_resumes with /applicant/resumes redirecting to the profile, `applicantResume`,
   * page-level applied marks, closedForApplicants, rejections only in the chat list, raising through
   * the resume front end. 'older' serves the shapes before those changes.
   */
  shape?: FakeSiteShape;
  /** HTML-escape page states like hh.ru since mid-2026 (default true). */
  escapeState?: boolean;
  user?: Partial<FakeSiteUser>;
  /** How many vacancies exist (default 45). */
  vacancies?: number;
  /** Applications per account in a rolling 24 hours (default 200), then negotiations-limit-exceeded. */
  applyLimitPerDay?: number;
  /** Responses per /applicant/negotiations page (default 10). */
  negotiationsPerPage?: number;
  /** Chats per chat list page (default 20). */
  chatsPerPage?: number;
  /** A resume may be raised again this much later (default 4 hours). */
  touchIntervalMs?: number;
}

export interface SiteRecordedRequest {
  seq: number;
  method: string;
  /** The full URL, e.g. http://127.0.0.1:41234/search/vacancy?text=go */
  url: string;
  path: string;
  query: URLSearchParams;
  route: SiteRoute | null;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** Form fields (urlencoded or multipart). */
  form: Record<string, string> | null;
  json: unknown;
  /** Who the session cookie says it is (undefined: anonymous). */
  userId: string | undefined;
}

export interface FakeApplication {
  userId: string;
  vacancyId: string;
  resumeHash: string;
  letter: string;
  topicId: string;
  chatId: string;
  at: number;
  /** Wall-clock time it arrived (Date.now()), for lower bounds on the app's pacing. */
  receivedAt: number;
  /** The form as sent, for checking the browser's extra fields. */
  form: Record<string, string>;
}

export interface FakeSentMessage {
  chatId: string;
  text: string;
  idempotencyKey: string;
  messageId: string;
}

export interface CsrfFailure {
  route: SiteRoute;
  reason: 'cookie' | 'header' | 'field' | 'x-requested-with' | 'referer';
}

export interface FakeHhSite {
  readonly url: string;
  readonly user: FakeSiteUser;
  readonly requests: readonly SiteRecordedRequest[];
  /** Successful applications, in order. */
  readonly applications: readonly FakeApplication[];
  /** Chat messages the user sent, one per idempotency key. */
  readonly sentMessages: readonly FakeSentMessage[];
  /** Every POST /chatik/api/send that reached the chat, repeats included. */
  readonly sendAttempts: readonly { chatId: string; text: string; idempotencyKey: string }[];
  readonly touches: readonly { resumeHash: string; at: number }[];
  readonly hidden: { readonly vacancies: readonly string[]; readonly employers: readonly string[] };
  readonly csrfFailures: readonly CsrfFailure[];

  /** Starts a signed-in session and writes a Netscape cookies file for it (a temp file unless `path`). */
  cookiesTxt(path?: string): Promise<string>;
  /** Every cookie value the fake has issued (session tokens, _xsrf...): none may appear in a log or an error. */
  secrets(): string[];
  /** Sessions end on the server; their cookies stay in the files (hhtoken outliving a revoked session). */
  revokeSessions(): void;
  /** Every _xsrf token stops being valid; the next answer sets a fresh one. */
  rotateXsrf(): void;

  setEscapeState(escape: boolean): void;
  setShape(shape: FakeSiteShape): void;
  setLayout(layout: SiteLayout): void;
  failNext(route: SiteRoute, failure: FakeSiteFailure, options?: { times?: number; afterHandling?: boolean }): void;
  clearFailures(): void;

  now(): number;
  advanceClock(ms: number): void;
  vacancies(): FakeSiteVacancy[];
  vacancy(id: string): FakeSiteVacancy | undefined;
  addVacancy(partial?: Partial<FakeSiteVacancy>): FakeSiteVacancy;
  updateVacancy(id: string, patch: Partial<Omit<FakeSiteVacancy, 'id'>>): FakeSiteVacancy;
  topics(): FakeTopic[];
  chat(chatId: string): FakeChat | undefined;
  /** The employer writes (optionally as a bot with buttons, optionally moving the response to a state). */
  employerMessage(chatId: string, text: string, options?: { buttons?: string[]; bot?: boolean; state?: string }): FakeSiteMessage;
  /** The employer's side of a response: its state, whether it was viewed, its card labels, whether the chat is open. */
  updateTopic(topicId: string, patch: { state?: string; viewed?: boolean; badges?: string[]; writeAllowed?: boolean }): FakeTopic;
  /** From now on hh.ru files every application with this resume, whichever was sent (as users report it does); null stops it. */
  swapResumeOnApply(hash: string | null): void;
  /** A response the signed-in user made earlier (in their browser): a topic and its chat, not counted in `applications`. */
  addResponse(vacancyId: string, options?: { letter?: string }): FakeTopic;
  clearRecords(): void;
  close(): Promise<void>;
}

const DAY = 86_400_000;
const RENAMED: Record<string, string> = {
  applicantResumes: 'applicantResumesList',
  vacancySearchResult: 'vacancySearchResults',
  vacancyView: 'vacancyCard',
  applicantNegotiations: 'applicantNegotiationsList',
  resume: 'resumeView',
  applicantResume: 'applicantResumeView',
  chats: 'chatsList',
  chat: 'chatInfo',
};

const token = (bytes = 16) => randomBytes(bytes).toString('hex');

const header = (headers: IncomingHttpHeaders, name: string): string | undefined => {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
};

function parseCookies(headers: IncomingHttpHeaders): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of (header(headers, 'cookie') ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) cookies[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return cookies;
}

/** urlencoded and multipart bodies, read the way a browser's fetch would build them. */
async function parseForm(headers: IncomingHttpHeaders, body: Buffer): Promise<Record<string, string> | null> {
  const type = header(headers, 'content-type') ?? '';
  if (!/multipart\/form-data|application\/x-www-form-urlencoded/i.test(type)) return null;
  try {
    const data = await new Response(new Uint8Array(body), { headers: { 'content-type': type } }).formData();
    const form: Record<string, string> = {};
    data.forEach((value, key) => {
      form[key] = typeof value === 'string' ? value : '';
    });
    return form;
  } catch {
    return null;
  }
}

function matchRoute(method: string, path: string): { route: SiteRoute; params: Record<string, string> } | null {
  for (const route of SITE_ROUTES) {
    const [routeMethod, template] = route.split(' ') as [string, string];
    if (routeMethod !== method) continue;
    const names: string[] = [];
    const pattern = new RegExp(`^${template.replace(/\{(\w+)\}/g, (_, name: string) => (names.push(name), '([^/]+)'))}/?$`);
    const match = pattern.exec(path);
    if (match) return { route, params: Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(match[i + 1]!)])) };
  }
  return null;
}

interface Ctx {
  rec: SiteRecordedRequest;
  url: URL;
  params: Record<string, string>;
  cookies: Record<string, string>;
  user: FakeSiteUser | undefined;
}

interface Injection {
  route: SiteRoute;
  failure: FakeSiteFailure;
  remaining: number;
  afterHandling: boolean;
}

export async function startFakeHhSite(options: FakeHhSiteOptions = {}): Promise<FakeHhSite> {
  let escape = options.escapeState ?? true;
  let shape: FakeSiteShape = options.shape ?? '2026';
  let swapTo: string | null = null;
  let layout: SiteLayout = 'current';
  let offset = 0;
  const now = () => Date.now() + offset;
  const applyLimit = options.applyLimitPerDay ?? 200;
  const negotiationsPerPage = options.negotiationsPerPage ?? 10;
  const chatsPerPage = options.chatsPerPage ?? 20;
  const touchInterval = options.touchIntervalMs ?? 4 * 3_600_000;
  let site = '';

  const user: FakeSiteUser = { ...defaultUser(), ...options.user };
  const users = new Map([[user.id, user]]);
  const vacancies = new Map(generateVacancies(options.vacancies ?? 45, now()).map((v) => [v.id, v]));
  let nextVacancyId = 130_000_001;
  const sessions = new Map<string, { userId: string; active: boolean }>();
  const validXsrf = new Set<string>();
  const issued: string[] = [];
  const topics = new Map<string, FakeTopic>();
  const chats = new Map<string, FakeChat>();
  let nextTopicId = 4_000_000_001;
  let nextChatId = 3_000_000_001;
  let nextMessageId = 70_000_001;

  let requests: SiteRecordedRequest[] = [];
  let seq = 0;
  const applications: FakeApplication[] = [];
  const sentMessages: FakeSentMessage[] = [];
  const sendAttempts: { chatId: string; text: string; idempotencyKey: string }[] = [];
  const touches: { resumeHash: string; at: number }[] = [];
  const hiddenVacancies: string[] = [];
  const hiddenEmployers: string[] = [];
  const csrfFailures: CsrfFailure[] = [];
  const injections: Injection[] = [];
  const hanging = new Set<ServerResponse>();

  const issue = (value: string) => {
    issued.push(value);
    return value;
  };
  const newXsrf = () => {
    const value = issue(token());
    validXsrf.add(value);
    return value;
  };

  // ---------- rendering ----------

  const rename = (state: Record<string, unknown>) =>
    layout === 'renamed' ? Object.fromEntries(Object.entries(state).map(([key, value]) => [RENAMED[key] ?? key, value])) : state;

  /** `widgets`: the resume front end's own templates (2026's profile and resume editing pages). */
  const page = (
    state: Record<string, unknown>,
    ctx: Ctx,
    widgets: Record<string, unknown>[] = [],
    options: { account?: boolean } = {},
  ): FakeSiteReply => {
    if (layout === 'no-template') return { status: 200, body: pageWithoutState(), headers: { 'content-type': 'text/html; charset=utf-8' } };
    // Older pages carry the account everywhere; 2026's resume list does not, the profile page does.
    const withAccount = ctx.user && (options.account ?? shape === 'older');
    const common = { userType: ctx.user ? 'applicant' : 'anonymous', ...(withAccount && { account: accountJson(ctx.user!) }) };
    return {
      status: 200,
      body: statePage(rename({ ...common, ...state }), { escape, widgets: widgets.map(rename) }),
      headers: { 'content-type': 'text/html; charset=utf-8' },
    };
  };
  const json = (status: number, body: Record<string, unknown>): FakeSiteReply => ({ status, body: status < 300 ? rename(body) : body });
  const html = (status: number, body: string): FakeSiteReply => ({ status, body, headers: { 'content-type': 'text/html; charset=utf-8' } });
  const redirect = (location: string): FakeSiteReply => ({ status: 302, headers: { location } });

  // 2026's profile shows no user id on the account: it is on each resume (`_attributes.user`).
  const accountJson = (u: FakeSiteUser) => ({
    firstName: u.firstName,
    lastName: u.lastName,
    middleName: null,
    email: u.email,
    ...(shape === 'older' && { userId: Number(u.id) }),
  });
  const resumeItem = (u: FakeSiteUser, r: FakeSiteResume) => {
    const last = touches.filter((t) => t.resumeHash === r.hash).at(-1);
    const nextTouchAt = last ? last.at + touchInterval : 0;
    return {
      _attributes: {
        id: r.id,
        hash: r.hash,
        status: r.status,
        update: Math.floor(now() / 1000),
        ...(shape === '2026' && {
          user: u.id,
          isSearchable: r.status !== 'not_finished',
          canPublishOrUpdate: r.status !== 'not_finished' && nextTouchAt <= now(),
          nextPublishAt: null,
          nextTouchAt: nextTouchAt > now() ? nextTouchAt : 0,
        }),
      },
      title: [{ string: r.title }],
      keySkills: r.skills.map((s) => ({ string: s })),
    };
  };

  // ---------- guards ----------

  const loginRedirect = (ctx: Ctx) => redirect(`/account/login?backurl=${encodeURIComponent(ctx.url.pathname + ctx.url.search)}`);

  /** The double-submit check hh.ru does on writes. */
  const csrfProblem = (ctx: Ctx, route: SiteRoute, withField: boolean): FakeSiteReply | undefined => {
    const cookie = ctx.cookies._xsrf;
    const reason: CsrfFailure['reason'] | undefined =
      !cookie || !validXsrf.has(cookie)
        ? 'cookie'
        : header(ctx.rec.headers, 'x-xsrftoken') !== cookie
          ? 'header'
          : withField && ctx.rec.form?._xsrf !== cookie
            ? 'field'
            : header(ctx.rec.headers, 'x-requested-with') !== 'XMLHttpRequest'
              ? 'x-requested-with'
              : !(header(ctx.rec.headers, 'referer') ?? '').startsWith(site)
                ? 'referer'
                : undefined;
    if (!reason) return undefined;
    csrfFailures.push({ route, reason });
    return siteReplies.csrf();
  };

  // ---------- data views ----------

  const userTopics = (u: FakeSiteUser) =>
    [...topics.values()].filter((t) => t.userId === u.id).sort((a, b) => b.updatedAt - a.updatedAt || Number(b.id) - Number(a.id));
  const chatMessages = (chat: FakeChat, u: FakeSiteUser) => {
    const topic = topics.get(chat.topicId)!;
    const vacancy = vacancies.get(topic.vacancyId)!;
    return chat.messages.map((m) =>
      messageJson(m, m.participantId === u.id ? `${u.firstName} ${u.lastName}` : vacancy.employerName, topic.id),
    );
  };

  const addMessage = (chat: FakeChat, m: Omit<FakeSiteMessage, 'id' | 'chatId' | 'createdAt'>): FakeSiteMessage => {
    const message: FakeSiteMessage = { ...m, id: String(nextMessageId++), chatId: chat.id, createdAt: now() };
    chat.messages.push(message);
    const topic = topics.get(chat.topicId)!;
    topic.updatedAt = message.createdAt;
    return message;
  };

  const employerMessage = (chatId: string, text: string, opts: { buttons?: string[]; bot?: boolean; state?: string } = {}) => {
    const chat = chats.get(chatId);
    if (!chat) throw new Error(`no chat ${chatId}`);
    const topic = topics.get(chat.topicId)!;
    if (opts.state) topic.state = opts.state;
    topic.hasNewMessages = true;
    // A person who writes has seen the response; an auto-question from a bot says nothing about it.
    if (!opts.bot) topic.viewed = true;
    chat.unread += 1;
    return addMessage(chat, {
      text,
      participantId: chat.employerParticipantId,
      isBot: opts.bot ?? false,
      buttons: opts.buttons ?? [],
      applicantState: opts.state ?? null,
    });
  };

  /** A response with its chat: the user's letter first, then the employer's bot question if the vacancy has one. */
  const createResponse = (u: FakeSiteUser, vacancy: FakeSiteVacancy, resume: FakeSiteResume, letter: string) => {
    const topic: FakeTopic = {
      id: String(nextTopicId++),
      chatId: String(nextChatId++),
      userId: u.id,
      vacancyId: vacancy.id,
      resumeId: resume.id,
      resumeHash: resume.hash,
      letter,
      state: 'RESPONSE',
      viewed: false,
      badges: [],
      hasNewMessages: false,
      createdAt: now(),
      updatedAt: now(),
    };
    topics.set(topic.id, topic);
    const chat: FakeChat = {
      id: topic.chatId,
      topicId: topic.id,
      userId: u.id,
      employerParticipantId: String(800_000 + Number(vacancy.employerId)),
      writeAllowed: true,
      messages: [],
      unread: 0,
    };
    chats.set(chat.id, chat);
    if (topic.letter) addMessage(chat, { text: topic.letter, participantId: u.id, isBot: false, buttons: [], applicantState: 'RESPONSE' });
    if (vacancy.botQuestion) employerMessage(chat.id, vacancy.botQuestion.text, { buttons: vacancy.botQuestion.buttons, bot: true });
    return { topic, chat };
  };

  /** 2026's chat resources: the vacancies' short cards and each response's current state, by id. */
  const chatResources = (list: FakeTopic[]) => ({
    vacancies: Object.fromEntries(
      list.map((t) => {
        const v = vacancies.get(t.vacancyId)!;
        return [
          v.id,
          {
            vacancyId: Number(v.id),
            name: v.name,
            company: { id: Number(v.employerId), name: v.employerName, visibleName: v.employerName },
            links: { desktop: `${site}/vacancy/${v.id}` },
          },
        ];
      }),
    ),
    negotiation_topics: Object.fromEntries(
      list.map((t) => [t.id, { topicId: Number(t.id), vacancyId: Number(t.vacancyId), currentApplicantState: t.state }]),
    ),
  });

  // ---------- handlers ----------

  const handlers: Record<SiteRoute, (ctx: Ctx) => Promise<FakeSiteReply> | FakeSiteReply> = {
    'GET /': (ctx) => page({ home: true }, ctx),
    'GET /account/login': (ctx) => html(200, loginPageHtml(ctx.url.searchParams.get('backurl') ?? '/')),
    'GET /account/captcha': (ctx) => html(200, captchaPageHtml(ctx.url.searchParams.get('backurl') ?? '/')),

    'GET /applicant/resumes': (ctx) => {
      const u = ctx.user;
      if (!u) return loginRedirect(ctx);
      // 2026: hh.ru sends the signed-in user to the profile page instead.
      if (shape === '2026') return redirect('/applicant/profile/me');
      return page(
        {
          applicantResumes: u.resumes.map((r) => resumeItem(u, r)),
          latestResumeHash: u.resumes[0]?.hash ?? null,
          userNotifications: [{ userId: Number(u.id), id: 1, templateKey: 'fake' }],
          chatik: { chatikOrigin: site, enabled: true },
        },
        ctx,
      );
    },

    'GET /applicant/my_resumes': (ctx) => {
      const u = ctx.user;
      if (!u) return loginRedirect(ctx);
      if (shape === 'older') return html(404, notFoundHtml());
      return page(
        {
          applicantResumes: u.resumes.map((r) => resumeItem(u, r)),
          latestResumeHash: u.resumes[0]?.hash ?? null,
          chatik: { chatikOrigin: site },
        },
        ctx,
      );
    },

    'GET /applicant/profile/me': (ctx) => {
      const u = ctx.user;
      if (!u) return loginRedirect(ctx);
      return page(
        { chatik: { chatikOrigin: site } },
        ctx,
        [
          { profile: { fields: { firstName: [{ string: u.firstName }], lastName: [{ string: u.lastName }] } } },
          {
            userId: Number(u.id),
            applicantResumes: u.resumes.map((r) => ({ _attributes: { ...resumeItem(u, r)._attributes, title: r.title } })),
          },
        ],
        { account: true },
      );
    },

    'GET /resume/{hash}': (ctx) => {
      const u = ctx.user;
      if (!u) return loginRedirect(ctx);
      const resume = u.resumes.find((r) => r.hash === ctx.params.hash);
      if (!resume) return html(404, notFoundHtml());
      return page(resumeState(resume, u.id, shape), ctx);
    },

    'GET /search/vacancy': (ctx) => {
      const q = ctx.url.searchParams;
      const perPage = Number(q.get('items_on_page') ?? 20);
      const pageNo = Number(q.get('page') ?? 0);
      const text = (q.get('text') ?? '').toLowerCase();
      const areas = q.getAll('area');
      const recommended = Boolean(q.get('resume') && ctx.user?.resumes.some((r) => r.hash === q.get('resume')));
      let list = [...vacancies.values()]
        .filter((v) => !v.archived && !hiddenVacancies.includes(v.id) && !hiddenEmployers.includes(v.employerId))
        .filter((v) => !text || v.name.toLowerCase().includes(text) || v.descriptionHtml.toLowerCase().includes(text))
        .filter((v) => !areas.length || areas.includes(v.areaId))
        .sort((a, b) => b.publishedAt - a.publishedAt);
      // hh.ru's recommendations for a resume: here, the same vacancies with the ones with a salary first.
      if (recommended) list = [...list.filter((v) => v.salaryFrom !== null), ...list.filter((v) => v.salaryFrom === null)];
      const pages = Math.ceil(list.length / perPage);
      const applied = new Set(ctx.user ? userTopics(ctx.user).map((t) => t.vacancyId) : []);
      const shown = list.slice(pageNo * perPage, (pageNo + 1) * perPage);
      // Older pages mark the card; 2026 pages leave the card's labels empty and mark the page.
      const labels = (v: FakeSiteVacancy) => (applied.has(v.id) ? ['response'] : []);
      return page(
        {
          vacancySearchResult: {
            totalResults: list.length,
            paging: paging(pageNo, pages),
            criteria: { page: pageNo, itemsOnPage: perPage, text: q.get('text') ?? '' },
            vacancies: shown.map((v) => searchCard(v, site, shape === 'older' ? labels(v) : [])),
          },
          ...(shape === '2026' && ctx.user && { userLabelsForVacancies: Object.fromEntries(shown.map((v) => [v.id, labels(v)])) }),
        },
        ctx,
      );
    },

    'GET /vacancy/{id}': (ctx) => {
      const vacancy = vacancies.get(ctx.params.id!);
      if (!vacancy) return html(404, notFoundHtml());
      const responses = ctx.user ? userTopics(ctx.user).filter((t) => t.vacancyId === vacancy.id).length : 0;
      return page(vacancyPage(vacancy, shape, responses), ctx);
    },

    'GET /applicant/negotiations': (ctx) => {
      const u = ctx.user;
      if (!u) return loginRedirect(ctx);
      const pageNo = Number(ctx.url.searchParams.get('page') ?? 0);
      // 2026: rejected responses move to a hidden group and leave this list; the chat list still has them.
      const list = userTopics(u).filter((t) => shape === 'older' || !t.state.startsWith('DISCARD'));
      const pages = Math.ceil(list.length / negotiationsPerPage);
      return page(
        {
          applicantNegotiations: {
            topicList: list.slice(pageNo * negotiationsPerPage, (pageNo + 1) * negotiationsPerPage).map(topicJson),
            total: list.length,
            paging: paging(pageNo, pages),
          },
          vacanciesShort: { vacanciesList: [] },
        },
        ctx,
      );
    },

    'POST /applicant/vacancy_response/popup': (ctx) => {
      const u = ctx.user;
      if (!u) return loginRedirect(ctx);
      const bad = csrfProblem(ctx, 'POST /applicant/vacancy_response/popup', true);
      if (bad) return bad;
      const form = ctx.rec.form ?? {};
      const vacancy = vacancies.get(form.vacancy_id ?? '');
      const resume = u.resumes.find((r) => r.hash === form.resume_hash);
      // 2026: a wrong resume hash and a vacancy that does not exist are both a bare "unknown".
      if (shape === '2026' && (!vacancy || !resume)) return json(400, { error: 'unknown' });
      if (!vacancy) return json(404, { error: 'vacancy-not-found' });
      if (!resume) return json(400, { error: 'resume-not-found' });
      if (vacancy.archived || vacancy.closed) return json(400, { error: 'vacancy-archived' });
      // Per resume, as hh.ru's list of resumes for a vacancy marks `already_applied` on each: another resume may still apply.
      if (userTopics(u).some((t) => t.vacancyId === vacancy.id && t.resumeHash === resume.hash))
        return json(400, { error: 'alreadyApplied' });
      if (applications.filter((a) => a.userId === u.id && a.at > now() - DAY).length >= applyLimit)
        return json(400, { error: 'negotiations-limit-exceeded' });
      if (vacancy.hasTest) return json(400, { error: 'test-required' });
      // A vacancy applied to on the employer's own site: hh.ru's popup refuses it with a bare word.
      if (vacancy.responseUrl) return json(400, { error: 'unknown' });
      if (vacancy.letterRequired && !(form.letter ?? '').trim()) return json(400, { error: 'letter-required' });
      const filed = (swapTo && u.resumes.find((r) => r.hash === swapTo)) || resume;
      const { topic, chat } = createResponse(u, vacancy, filed, form.letter ?? '');
      applications.push({
        userId: u.id,
        vacancyId: vacancy.id,
        resumeHash: resume.hash,
        letter: topic.letter,
        topicId: topic.id,
        chatId: chat.id,
        at: now(),
        receivedAt: Date.now(),
        form: { ...form },
      });
      return json(200, {
        success: 'true',
        topic_id: Number(topic.id),
        chat_id: Number(chat.id),
        vacancy_id: Number(vacancy.id),
        responseStatus: 'RESPONSE',
      });
    },

    'POST /applicant/resumes/touch': (ctx) => {
      const u = ctx.user;
      if (!u) return loginRedirect(ctx);
      const bad = csrfProblem(ctx, 'POST /applicant/resumes/touch', false);
      if (bad) return bad;
      const hash = ctx.rec.form?.resume;
      if (!u.resumes.some((r) => r.hash === hash) || ctx.rec.form?.undirectable !== 'true') return json(400, { error: 'resume-not-found' });
      const last = touches.filter((t) => t.resumeHash === hash).at(-1);
      if (last && now() - last.at < touchInterval) return siteReplies.touchTooEarly();
      touches.push({ resumeHash: hash!, at: now() });
      return json(200, {});
    },

    'POST /profile/shards/resume/touch': (ctx) => {
      const u = ctx.user;
      if (!u) return json(403, {});
      // Older accounts have no resume front end: the address is not there.
      if (shape === 'older') return html(404, notFoundHtml());
      const bad = csrfProblem(ctx, 'POST /profile/shards/resume/touch', false);
      if (bad) return bad;
      const hash = (ctx.rec.json as { hash?: unknown } | undefined)?.hash;
      const resume = u.resumes.find((r) => r.hash === hash);
      if (!resume || resume.status === 'not_finished') return { status: 403 };
      const last = touches.filter((t) => t.resumeHash === hash).at(-1);
      if (last && now() - last.at < touchInterval) return { status: 409 };
      touches.push({ resumeHash: resume.hash, at: now() });
      return { status: 200 };
    },

    'POST /applicant/blacklist/vacancy/add': (ctx) => {
      const u = ctx.user;
      if (!u) return loginRedirect(ctx);
      const bad = csrfProblem(ctx, 'POST /applicant/blacklist/vacancy/add', true);
      if (bad) return bad;
      const id = ctx.rec.form?.vacancyId ?? '';
      if (!vacancies.has(id)) return json(404, { error: 'vacancy-not-found' });
      if (!hiddenVacancies.includes(id)) hiddenVacancies.push(id);
      return json(200, {});
    },

    'POST /applicant/blacklist/employer/add': (ctx) => {
      const u = ctx.user;
      if (!u) return loginRedirect(ctx);
      const bad = csrfProblem(ctx, 'POST /applicant/blacklist/employer/add', true);
      if (bad) return bad;
      const id = ctx.rec.form?.employerId ?? '';
      if (!id) return json(400, { error: 'employer-required' });
      if (!hiddenEmployers.includes(id)) hiddenEmployers.push(id);
      return json(200, {});
    },

    'GET /chatik/api/chats': (ctx) => {
      const u = ctx.user;
      if (!u) return json(401, { error: 'unauthorized' });
      const pageNo = Number(ctx.url.searchParams.get('page') ?? 0);
      const list = [...chats.values()]
        .filter((c) => c.userId === u.id)
        .sort((a, b) => (b.messages.at(-1)?.createdAt ?? 0) - (a.messages.at(-1)?.createdAt ?? 0) || Number(b.id) - Number(a.id));
      const pages = Math.max(1, Math.ceil(list.length / chatsPerPage));
      const shown = list.slice(pageNo * chatsPerPage, (pageNo + 1) * chatsPerPage);
      return json(200, {
        chats: {
          page: pageNo,
          perPage: chatsPerPage,
          pages,
          found: list.length,
          ...(shape === '2026' && { hasNextPage: pageNo + 1 < pages }),
          items: shown.map((c) => {
            const topic = topics.get(c.topicId)!;
            const messages = chatMessages(c, u);
            return {
              id: Number(c.id),
              type: 'NEGOTIATION',
              unreadCount: c.unread,
              resources: { VACANCY: [topic.vacancyId], NEGOTIATION_TOPIC: [topic.id], RESUME: [topic.resumeId] },
              currentParticipantId: u.id,
              participantsIds: [u.id, c.employerParticipantId],
              lastMessage: messages.at(-1) ?? null,
              lastActivityTime: messages.at(-1)?.creationTime ?? null,
              pinned: false,
            };
          }),
        },
        resources: shape === '2026' ? chatResources(shown.map((c) => topics.get(c.topicId)!)) : {},
      });
    },

    'GET /chatik/api/chat_data': (ctx) => {
      const u = ctx.user;
      if (!u) return json(401, { error: 'unauthorized' });
      const chat = chats.get(ctx.url.searchParams.get('chatId') ?? '');
      if (!chat || chat.userId !== u.id) return json(404, { error: 'chat-not-found' });
      const applicantId = ctx.url.searchParams.get('applicantId');
      if (applicantId && applicantId !== u.id) return json(403, { error: 'forbidden' });
      chat.unread = 0;
      topics.get(chat.topicId)!.hasNewMessages = false;
      return json(200, {
        chat: {
          id: Number(chat.id),
          type: 'NEGOTIATION',
          currentParticipantId: u.id,
          messages: { items: chatMessages(chat, u), hasMore: false },
          participantsIds: [u.id, chat.employerParticipantId],
        },
        chatStates: { writeMessageState: { allowed: chat.writeAllowed } },
        ...(shape === '2026' && { resources: chatResources([topics.get(chat.topicId)!]) }),
      });
    },

    'POST /chatik/api/send': (ctx) => {
      const u = ctx.user;
      if (!u) return json(401, { error: 'unauthorized' });
      const bad = csrfProblem(ctx, 'POST /chatik/api/send', false);
      if (bad) return bad;
      const body = (ctx.rec.json ?? {}) as { chatId?: unknown; text?: unknown; idempotencyKey?: unknown };
      const chat = chats.get(String(body.chatId ?? ''));
      if (!chat || chat.userId !== u.id) return json(404, { error: 'chat-not-found' });
      if (typeof body.idempotencyKey !== 'string' || !body.idempotencyKey) return json(400, { error: 'idempotency-key-required' });
      if (typeof body.text !== 'string' || !body.text.trim()) return json(400, { error: 'empty-text' });
      sendAttempts.push({ chatId: chat.id, text: body.text, idempotencyKey: body.idempotencyKey });
      const earlier = sentMessages.find((m) => m.chatId === chat.id && m.idempotencyKey === body.idempotencyKey);
      if (earlier) return json(200, { chatId: Number(chat.id), messageId: Number(earlier.messageId), duplicate: true });
      if (!chat.writeAllowed) return json(400, { error: 'write-not-allowed' });
      const message = addMessage(chat, { text: body.text, participantId: u.id, isBot: false, buttons: [], applicantState: null });
      sentMessages.push({ chatId: chat.id, text: body.text, idempotencyKey: body.idempotencyKey, messageId: message.id });
      return json(200, { chatId: Number(chat.id), messageId: Number(message.id) });
    },
  };

  // ---------- the server ----------

  const send = (res: ServerResponse, reply: FakeSiteReply, setCookies: string[]) => {
    const headers: Record<string, string | string[]> = { ...reply.headers };
    if (setCookies.length) headers['set-cookie'] = setCookies;
    let body: string | undefined;
    if (reply.body !== undefined && typeof reply.body !== 'string') {
      body = JSON.stringify(reply.body);
      headers['content-type'] ??= 'application/json; charset=utf-8';
    } else if (typeof reply.body === 'string') {
      body = reply.body;
      headers['content-type'] ??= 'text/html; charset=utf-8';
    }
    res.writeHead(reply.status, headers);
    res.end(body);
  };

  const server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const url = new URL(req.url ?? '/', site);
      const method = req.method ?? 'GET';
      const matched = matchRoute(method, url.pathname);
      const cookies = parseCookies(req.headers);
      const session = cookies.hhtoken ? sessions.get(cookies.hhtoken) : undefined;
      const sessionUser = session?.active ? users.get(session.userId) : undefined;
      const type = header(req.headers, 'content-type') ?? '';
      let parsedJson: unknown;
      if (/application\/json/i.test(type)) {
        try {
          parsedJson = JSON.parse(body.toString('utf8'));
        } catch {
          parsedJson = undefined;
        }
      }
      const rec: SiteRecordedRequest = {
        seq: ++seq,
        method,
        url: url.toString(),
        path: url.pathname,
        query: url.searchParams,
        route: matched?.route ?? null,
        headers: req.headers,
        body,
        form: await parseForm(req.headers, body),
        json: parsedJson,
        userId: sessionUser?.id,
      };
      requests.push(rec);

      // Like hh.ru: any answer gives a visitor without a valid token a fresh _xsrf.
      const setCookies: string[] = [];
      if (!cookies._xsrf || !validXsrf.has(cookies._xsrf)) setCookies.push(`_xsrf=${newXsrf()}; Path=/`);

      const injection = matched ? injections.find((i) => i.route === matched.route && i.remaining > 0) : undefined;
      if (injection) injection.remaining -= 1;
      const ctx: Ctx = { rec, url, params: matched?.params ?? {}, cookies, user: sessionUser };
      if (injection && !injection.afterHandling) return fail(res, injection.failure, setCookies);
      const reply = matched ? await handlers[matched.route](ctx) : html(404, notFoundHtml());
      if (injection) return fail(res, injection.failure, setCookies);
      send(res, reply, setCookies);
    })().catch((err: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`fake hh.ru site error: ${String(err)}`);
    });
  });

  const fail = (res: ServerResponse, failure: FakeSiteFailure, setCookies: string[]) => {
    if (failure === 'reset') {
      res.socket?.destroy();
      return;
    }
    if (failure === 'hang') {
      hanging.add(res);
      return;
    }
    send(res, failure, setCookies);
  };

  site = await listenHttp(server);

  return {
    url: site,
    user,
    get requests() {
      return requests;
    },
    applications,
    sentMessages,
    sendAttempts,
    touches,
    hidden: { vacancies: hiddenVacancies, employers: hiddenEmployers },
    csrfFailures,

    async cookiesTxt(path?: string) {
      const hhtoken = issue(token(24));
      sessions.set(hhtoken, { userId: user.id, active: true });
      const hhuid = issue(token(12));
      const ddg = issue(token(8));
      const xsrf = newXsrf();
      const host = new URL(site).hostname;
      const expires = Math.floor(now() / 1000) + 30 * 86_400;
      const file = path ?? join(await mkdtemp(join(tmpdir(), 'fake-hh-site-')), 'cookies.txt');
      const lines = [
        '# Netscape HTTP Cookie File',
        '# https://curl.se/docs/http-cookies.html',
        '# This file was generated by the fake hh.ru site. Edit at your own risk.',
        '',
        `#HttpOnly_${host}\tFALSE\t/\tFALSE\t${expires}\thhtoken\t${hhtoken}`,
        `${host}\tFALSE\t/\tFALSE\t${expires}\thhuid\t${hhuid}`,
        `${host}\tFALSE\t/\tFALSE\t0\t_xsrf\t${xsrf}`,
        `${host}\tFALSE\t/\tFALSE\t${expires}\t__ddg1_\t${ddg}`,
        // A cookie for another site, which must never be sent here.
        `.example.com\tTRUE\t/\tFALSE\t${expires}\tforeign\tnot-for-hh`,
        '',
      ];
      await writeFile(file, lines.join('\n'), { mode: 0o600 });
      return file;
    },
    secrets: () => [...issued],
    revokeSessions() {
      for (const session of sessions.values()) session.active = false;
    },
    rotateXsrf() {
      validXsrf.clear();
    },

    setEscapeState(value) {
      escape = value;
    },
    setShape(value) {
      shape = value;
    },
    swapResumeOnApply(hash) {
      swapTo = hash;
    },
    setLayout(value) {
      layout = value;
    },
    failNext(route, failure, opts = {}) {
      injections.push({ route, failure, remaining: opts.times ?? 1, afterHandling: opts.afterHandling ?? false });
    },
    clearFailures() {
      injections.length = 0;
    },

    now,
    advanceClock(ms) {
      offset += ms;
    },
    vacancies: () => [...vacancies.values()],
    vacancy: (id) => vacancies.get(id),
    addVacancy(partial = {}) {
      const id = partial.id ?? String(nextVacancyId++);
      const base = generateVacancies(1, now())[0]!;
      const vacancy: FakeSiteVacancy = { ...base, botQuestion: undefined, ...partial, id };
      vacancies.set(id, vacancy);
      return vacancy;
    },
    updateVacancy(id, patch) {
      const vacancy = vacancies.get(id);
      if (!vacancy) throw new Error(`no vacancy ${id}`);
      Object.assign(vacancy, patch);
      return vacancy;
    },
    topics: () => [...topics.values()],
    chat: (id) => chats.get(id),
    employerMessage,
    updateTopic(topicId, patch) {
      const topic = topics.get(topicId);
      if (!topic) throw new Error(`no topic ${topicId}`);
      if (patch.state !== undefined) topic.state = patch.state;
      if (patch.viewed !== undefined) topic.viewed = patch.viewed;
      if (patch.badges !== undefined) topic.badges = patch.badges;
      if (patch.writeAllowed !== undefined) chats.get(topic.chatId)!.writeAllowed = patch.writeAllowed;
      topic.updatedAt = now();
      return topic;
    },
    addResponse(vacancyId, opts = {}) {
      const vacancy = vacancies.get(vacancyId);
      if (!vacancy) throw new Error(`no vacancy ${vacancyId}`);
      return createResponse(user, vacancy, user.resumes[0]!, opts.letter ?? '').topic;
    },
    clearRecords() {
      requests = [];
      csrfFailures.length = 0;
    },
    close: () => {
      for (const res of hanging) res.socket?.destroy();
      return closeNow(server);
    },
  };
}

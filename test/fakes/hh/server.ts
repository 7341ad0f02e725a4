/**
 * A fake hh.ru for tests: two real HTTP servers on 127.0.0.1 (random ports).
 *
 * - `fake.apiUrl` (for HH_API_BASE_URL) plays api.hh.ru: POST /token, DELETE /oauth/token, /me,
 *   resumes, vacancy search and details, similar vacancies, applying, negotiations and messages,
 *   resume publishing, blacklists, /dictionaries, /areas. Every request is recorded and checked
 *   against hh.ru's OpenAPI spec; a request the spec does not allow is answered 400
 *   `{errors: [{type: 'fake_spec_violation', value: problems}]}` and lands in `fake.violations`
 *   (so every test can end with `expect(fake.violations).toEqual([])`).
 * - `fake.oauthUrl` (for HH_OAUTH_BASE_URL) plays the hh.ru website: GET /oauth/authorize with login,
 *   choose-account and consent pages whose forms POST back and end in a 302 to
 *   `{redirect_uri}?code=..&state=..` (or `?error=access_denied&state=..`), and the captcha page.
 *
 * The rules are those of docs/hh/API-NOTES.md; each handler below says which it models and where
 * it had to choose. Time is the fake's own clock (`fake.setClock`, `fake.advanceClock`), frozen unless
 * a test moves it. Nothing here talks to the real hh.ru.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { closeNow, listenHttp, readBody } from '../../support/net';
import { field, parseBody, type ParsedBody } from '../../support/openapi/body';
import { loadHhSpec, type HhSpec } from '../../support/openapi/spec';
import { checkRequest, checkUserAgent, findRoute, headerValue } from '../../support/openapi/validator';
import {
  COUNTRY,
  GENERATED_ID_BASE,
  applicantMeJson,
  applicationMeJson,
  areasJson,
  defaultResumes,
  generateVacancy,
  messageJson,
  mineResumeJson,
  negotiationJson,
  parseHhDate,
  plainText,
  resumeJson,
  sharedExample,
  vacancyJson,
  vacancyListItemJson,
  type FakeMessage,
  type FakeNegotiation,
  type FakeResume,
  type FakeUser,
  type FakeVacancy,
  type JsonContext,
  type NegotiationState,
  type Relation,
} from './data';
import { hhErrors, type FakeFailure, type FakeReply, type HhErrors } from './errors';
import {
  AUTHORIZE_PARAM_NAMES,
  captchaDonePage,
  captchaPage,
  chooseAccountPage,
  consentPage,
  errorPage,
  loginPage,
  readPage,
  redirectUriAllowed,
  type AuthorizeParams,
} from './oauth-pages';

export { hhErrors, type FakeFailure, type FakeReply } from './errors';
export type { FakeMessage, FakeNegotiation, FakeResume, FakeUser, FakeVacancy } from './data';

/** The API routes the fake implements (spec path templates; POST /token is hh.ru's current token address). */
export const API_ROUTES = [
  'POST /token',
  'DELETE /oauth/token',
  'GET /me',
  'GET /resumes/mine',
  'GET /resumes/{resume_id}',
  'GET /resumes/{resume_id}/similar_vacancies',
  'POST /resumes/{resume_id}/publish',
  'GET /vacancies',
  'GET /vacancies/{vacancy_id}',
  'POST /negotiations',
  'GET /negotiations',
  'GET /negotiations/{nid}/messages',
  'POST /negotiations/{nid}/messages',
  'PUT /vacancies/blacklisted/{vacancy_id}',
  'PUT /employers/blacklisted/{employer_id}',
  'GET /dictionaries',
  'GET /areas',
] as const;

/** The website routes (on `oauthUrl`); POST /oauth/token is the deprecated token address. */
export const WEBSITE_ROUTES = [
  'GET /oauth/authorize',
  'POST /oauth/authorize',
  'GET /account/captcha',
  'POST /account/captcha',
  'POST /oauth/token',
] as const;

export type ApiRoute = (typeof API_ROUTES)[number];
export type WebsiteRoute = (typeof WEBSITE_ROUTES)[number];
export type HhRoute = ApiRoute | WebsiteRoute;

export interface FakeHhClient {
  clientId: string;
  clientSecret: string;
  /** The redirect URI registered for the application (see redirectUriAllowed for what may differ). */
  redirectUri: string;
  name: string;
}

export const DEFAULT_CLIENT: FakeHhClient = {
  clientId: 'FAKECLIENTID0000000000000000000000000000000000000000000000000000',
  clientSecret: 'FAKECLIENTSECRET00000000000000000000000000000000000000000000000',
  redirectUri: 'http://localhost:8080/hh/callback',
  name: 'AI Auto Applier (test)',
};

/** 2026-03-02 09:00 Moscow time: the fake clock's default start. */
export const DEFAULT_NOW = Date.parse('2026-03-02T09:00:00+03:00');

export interface FakeHhOptions {
  /** Check every API request against the spec (default true). */
  validate?: boolean;
  /** The fake clock's start, ms since the epoch (default DEFAULT_NOW). */
  now?: number;
  /** Registered applications (default [DEFAULT_CLIENT]); the first is `fake.client`. */
  clients?: FakeHhClient[];
  /** Generated vacancies: how many exist (`found` with no filters; default 120) and over how many days before `now` they were published (default 30). */
  search?: { found?: number; spanDays?: number };
  /** A user access token's lifetime (default 1209600 s, 14 days). */
  accessTokenTtlSec?: number;
  /** An authorization code's lifetime (default 10 minutes). */
  codeTtlMs?: number;
  /** client_credentials within this long of the last app token: 403 "app token refresh too early" (default 5 minutes). */
  appTokenMinIntervalMs?: number;
  /** Applications per resume in a rolling 24 hours (default 200), then 400 limit_exceeded. */
  applyLimitPerDay?: number;
  /** Applicant messages in a row without an employer answer (the letter counts), then 403 in_a_row_limit (default 5). */
  messagesInARowLimit?: number;
  /** Anonymous GET /vacancies answered before 403 captcha_required (default 1: "asks for a captcha after the first request"). */
  anonymousSearchesBeforeCaptcha?: number;
  /** After raising a resume, the next raise is allowed this much later (default 4 hours). */
  resumeTouchIntervalMs?: number;
}

export interface RecordedRequest {
  seq: number;
  server: 'api' | 'website';
  method: string;
  /** The full URL, e.g. http://127.0.0.1:41234/vacancies?text=go */
  url: string;
  path: string;
  /** `METHOD /template` (see HhRoute), or null when nothing matched. */
  route: string | null;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** Fake clock time. */
  at: number;
  /** Wall-clock time it arrived (Date.now()), for lower bounds on the app's pacing. */
  receivedAt: number;
  /** What the spec validator found (empty when allowed or not validated). */
  problems: string[];
}

export interface SpecViolation {
  method: string;
  url: string;
  route: string | null;
  problems: string[];
}

export interface FakeTokenInfo {
  kind: 'user' | 'application';
  accessToken: string;
  refreshToken: string | null;
  userId: string | null;
  clientId: string;
  issuedAt: number;
  expiresAt: number | null;
  /** active; refreshed (its refresh token was used); revoked (DELETE /oauth/token, or a newer app token); deactivated (password change). */
  status: 'active' | 'refreshed' | 'revoked' | 'deactivated';
  expired: boolean;
  refreshedAt: number | null;
}

export interface TokenPair {
  access_token: string;
  token_type: 'bearer';
  expires_in: number;
  refresh_token: string;
}

export interface SignInPreset {
  userId?: string;
  /** "First Last". */
  name?: string;
  email?: string;
  /** Set to make the login form check it (any password is accepted otherwise). */
  password?: string;
}

export interface AuthorizationOutcome {
  /** The Location of the final 302. */
  location: string;
  code?: string;
  state?: string;
  error?: string;
  /** The pages shown on the way, e.g. ['login', 'consent']. */
  pages: string[];
}

/** An answer `fake.holdNext()` keeps back. */
export interface HeldAnswer {
  /** Resolves when a request is caught: it has taken effect, and its answer waits. */
  arrived: Promise<RecordedRequest>;
  /**
   * Sends the answer (dropped if the client has gone) and resolves once it is written; before a
   * request is caught, withdraws the hold instead.
   */
  release(): Promise<void>;
}

export interface FakeHh {
  readonly apiUrl: string;
  readonly oauthUrl: string;
  /** The first registered application. */
  readonly client: FakeHhClient;
  readonly spec: HhSpec;
  /** Every request to either server, in order. */
  readonly requests: readonly RecordedRequest[];
  /** API requests the spec does not allow. */
  readonly violations: readonly SpecViolation[];
  /** Requests per route (`METHOD /template`); unmatched ones under `METHOD /path`. */
  readonly counts: Readonly<Record<string, number>>;
  /** Every token issued, newest last. */
  readonly tokens: readonly FakeTokenInfo[];
  /** The current application token (client_credentials), if one was issued. */
  readonly applicationToken: string | undefined;
  /** hhErrors, with captcha_url pointing at this fake's captcha page. */
  readonly errors: HhErrors;

  now(): number;
  setClock(ms: number): void;
  advanceClock(ms: number): void;

  /**
   * The next `times` (default 1) requests matching get `failure` instead of the real answer (after
   * recording and the spec check). `afterHandling`: the request takes effect first and then its
   * answer is replaced (a reply lost or garbled on the way back).
   */
  failNext(
    match: HhRoute | ((req: RecordedRequest) => boolean),
    failure: FakeFailure,
    times?: number,
    options?: { afterHandling?: boolean },
  ): void;
  clearFailures(): void;
  /** Applicant methods (resumes, negotiations, messages, similar vacancies, publishing, blacklists) answer `reply` (default hhErrors.applicantApiClosed()) to user tokens. */
  closeApplicantApi(reply?: FakeReply): void;
  openApplicantApi(): void;

  /** Lets a user's access token (default: every active user token) expire now. */
  expireAccessToken(accessToken?: string): void;
  /** A password change: the user's tokens stop working; refreshing says "token deactivated". */
  deactivateTokens(userId: string): void;
  /** A user token pair without the OAuth dance. */
  issueUserToken(userId?: string, clientId?: string): TokenPair;
  /** A new application token (revoking the previous one), ignoring the 5-minute rule. */
  issueApplicationToken(clientId?: string): string;

  /** Creates or updates a user and signs the website in as them (the authorize page skips its login form unless force_login=true). */
  signIn(preset?: SignInPreset, options?: { consented?: boolean }): FakeUser;
  /** Signs the website out (cookies set by the login form stop counting too). */
  signOutWebsite(): void;
  user(userId: string): FakeUser | undefined;
  updateResume(resumeId: string, patch: Partial<Omit<FakeResume, 'id'>>): FakeResume;

  /** Walks the authorize pages over HTTP as a browser would (login if asked, then allow or deny). */
  completeAuthorization(
    authorizeUrl: string,
    options?: { decision?: 'allow' | 'deny'; login?: { email: string; password?: string }; switchAccount?: boolean },
  ): Promise<AuthorizationOutcome>;

  setSearch(search: { found?: number; spanDays?: number }): void;
  /** Adds a vacancy (published now unless given); it shows in search unless archived. */
  addVacancy(partial?: Partial<FakeVacancy>): FakeVacancy;
  updateVacancy(id: string, patch: Partial<Omit<FakeVacancy, 'id'>>): FakeVacancy;
  vacancy(id: string): FakeVacancy | undefined;

  negotiations(userId?: string): FakeNegotiation[];
  /** The employer's move: a state change (invitation, discard...) and/or a message; marks has_updates. */
  employerReply(negotiationId: string, reply: { state?: NegotiationState; text?: string; disableMessaging?: boolean }): FakeNegotiation;
  /** Marks the anonymous captcha as solved (as the captcha page does). */
  solveCaptcha(): void;
  /** Forgets recorded requests, violations and counts (state stays). */
  clearRecords(): void;
  /**
   * Holds the answer to the next API request `match` accepts (a function is called once for each
   * request until one is caught): the request takes effect as usual and its answer waits until
   * `release()`, as an answer on its way back when the client dies.
   */
  holdNext(match: HhRoute | ((req: RecordedRequest) => boolean)): HeldAnswer;
  /**
   * Resolves once no client is connected to the API server and no request is being handled. After a
   * client process died, whatever it had sent has taken effect by then, or never will.
   */
  quiet(): Promise<void>;
  close(): Promise<void>;
}

interface TokenRecord {
  kind: 'user' | 'application';
  accessToken: string;
  refreshToken: string | null;
  userId: string | null;
  clientId: string;
  issuedAt: number;
  expiresAt: number | null;
  status: FakeTokenInfo['status'];
  refreshedAt: number | null;
}

interface CodeRecord {
  code: string;
  clientId: string;
  userId: string;
  redirectUri: string | undefined;
  expiresAt: number;
  used: boolean;
}

interface Injection {
  match: HhRoute | ((req: RecordedRequest) => boolean);
  failure: FakeFailure;
  remaining: number;
  afterHandling: boolean;
}

type Auth =
  | { kind: 'none' }
  | { kind: 'user'; token: TokenRecord; user: FakeUser }
  | { kind: 'application'; token: TokenRecord }
  | { kind: 'error'; reply: FakeReply };

interface Ctx {
  rec: RecordedRequest;
  url: URL;
  query: URLSearchParams;
  params: Record<string, string>;
  body: ParsedBody;
  auth: Auth;
}

/** Who may call a route: token endpoint; public (token optional); any token; a user token; a user token on the applicant API. */
const POLICY: Record<ApiRoute, 'token' | 'public' | 'any' | 'user' | 'applicant'> = {
  'POST /token': 'token',
  'DELETE /oauth/token': 'user',
  'GET /me': 'any',
  'GET /resumes/mine': 'applicant',
  'GET /resumes/{resume_id}': 'applicant',
  'GET /resumes/{resume_id}/similar_vacancies': 'applicant',
  'POST /resumes/{resume_id}/publish': 'applicant',
  'GET /vacancies': 'public',
  'GET /vacancies/{vacancy_id}': 'public',
  'POST /negotiations': 'applicant',
  'GET /negotiations': 'applicant',
  'GET /negotiations/{nid}/messages': 'applicant',
  'POST /negotiations/{nid}/messages': 'applicant',
  'PUT /vacancies/blacklisted/{vacancy_id}': 'applicant',
  'PUT /employers/blacklisted/{employer_id}': 'applicant',
  'GET /dictionaries': 'public',
  'GET /areas': 'public',
};

const MAX_DEPTH = 2000;
const MAX_LETTER = 10_000;
const DAY = 86_400_000;

const randomToken = () => randomBytes(32).toString('hex').toUpperCase();
const requestId = () => randomBytes(16).toString('hex');
const json = (status: number, body: unknown): FakeReply => ({ status, body });
const oauthError = (status: number, error: string, description: string): FakeReply =>
  json(status, { error, error_description: description });
const isApiRoute = (route: string | null): route is ApiRoute => (API_ROUTES as readonly string[]).includes(route ?? '');

export async function startFakeHh(options: FakeHhOptions = {}): Promise<FakeHh> {
  const spec = loadHhSpec();
  const validate = options.validate ?? true;
  const clients = new Map((options.clients ?? [DEFAULT_CLIENT]).map((c) => [c.clientId, c]));
  const defaultClient = [...clients.values()][0]!;
  const accessTtlMs = (options.accessTokenTtlSec ?? 1_209_600) * 1000;
  const codeTtlMs = options.codeTtlMs ?? 10 * 60_000;
  const appTokenMinIntervalMs = options.appTokenMinIntervalMs ?? 5 * 60_000;
  const applyLimitPerDay = options.applyLimitPerDay ?? 200;
  const messagesInARowLimit = options.messagesInARowLimit ?? 5;
  const anonymousSearchesBeforeCaptcha = options.anonymousSearchesBeforeCaptcha ?? 1;
  const resumeTouchIntervalMs = options.resumeTouchIntervalMs ?? 4 * 3_600_000;

  let now = options.now ?? DEFAULT_NOW;
  let apiUrl = '';
  let oauthUrl = '';
  const jsonCtx = (): JsonContext => ({ spec, apiUrl });

  // Records.
  let requests: RecordedRequest[] = [];
  let violations: SpecViolation[] = [];
  let counts: Record<string, number> = {};
  let seq = 0;
  const injections: Injection[] = [];
  const holds: {
    match: HhRoute | ((req: RecordedRequest) => boolean);
    caught(rec: RecordedRequest, res: ServerResponse, reply: FakeReply): void;
  }[] = [];
  // What quiet() waits for: the API server's open connections and the requests being handled.
  const apiSockets = new Set<Socket>();
  let handling = 0;
  const quietWaiters = new Set<() => void>();
  const checkQuiet = () => {
    if (apiSockets.size > 0 || handling > 0) return;
    for (const waiter of quietWaiters) waiter();
    quietWaiters.clear();
  };
  let applicantApiClosed: FakeReply | undefined;

  // Tokens and the website session.
  const tokens: TokenRecord[] = [];
  const byAccess = new Map<string, TokenRecord>();
  const byRefresh = new Map<string, TokenRecord>();
  const codes = new Map<string, CodeRecord>();
  const sessions = new Map<string, string>(); // cookie value -> user id
  let presetUserId: string | undefined;
  const consents = new Set<string>(); // `${userId} ${clientId}`
  let anonymousSearches = 0;

  // Users and their data.
  const users = new Map<string, FakeUser>();
  let nextUserNumber = 1;
  const negotiations = new Map<string, FakeNegotiation>();
  let nextNegotiationId = 5_000_001;
  let nextMessageId = 9_000_001;
  const applications: { resumeId: string; at: number }[] = [];
  const blacklistedVacancies = new Map<string, Set<string>>();
  const blacklistedEmployers = new Map<string, Set<string>>();

  // Vacancies.
  let searchFound = options.search?.found ?? 120;
  let searchSpanMs = (options.search?.spanDays ?? 30) * DAY;
  let searchAnchor = now;
  let generated: FakeVacancy[] | undefined;
  const added = new Map<string, FakeVacancy>();
  const overrides = new Map<string, Partial<FakeVacancy>>();
  let nextAddedId = 130_000_001;
  let sortedCache: FakeVacancy[] | undefined;

  const generatedList = () => {
    generated ??= Array.from({ length: searchFound }, (_, i) => generateVacancy(i, searchFound, searchAnchor, searchSpanMs));
    return generated;
  };
  const findVacancy = (id: string): FakeVacancy | undefined => {
    const own = added.get(id);
    if (own) return own;
    const index = /^\d+$/.test(id) ? Number(id) - GENERATED_ID_BASE - 1 : -1;
    const base = index >= 0 && index < searchFound ? generatedList()[index] : undefined;
    return base ? { ...base, ...overrides.get(id) } : undefined;
  };
  const allVacancies = (): FakeVacancy[] => {
    sortedCache ??= [...generatedList().map((v) => ({ ...v, ...overrides.get(v.id) })), ...added.values()].sort(
      (a, b) => b.publishedAt - a.publishedAt || a.id.localeCompare(b.id),
    );
    return sortedCache;
  };

  // ---------- users ----------

  const splitName = (name: string | undefined, email: string) => {
    const parts = (name ?? '').trim().split(/\s+/).filter(Boolean);
    if (parts.length >= 2) return { firstName: parts[0]!, lastName: parts.slice(1).join(' ') };
    const local = email.split('@')[0] ?? 'user';
    return { firstName: parts[0] ?? local, lastName: parts.length ? '' : 'Тестов' };
  };

  const upsertUser = (preset: SignInPreset): FakeUser => {
    const existing =
      (preset.userId && users.get(preset.userId)) || [...users.values()].find((u) => preset.email && u.email === preset.email);
    const id = existing?.id ?? preset.userId ?? String(10_000_000 + nextUserNumber++);
    const email = preset.email ?? existing?.email ?? `user${id}@example.com`;
    const names = preset.name || !existing ? splitName(preset.name, email) : { firstName: existing.firstName, lastName: existing.lastName };
    const user: FakeUser = {
      id,
      email,
      ...names,
      password: preset.password ?? existing?.password,
      resumes: existing?.resumes ?? defaultResumes(id, now),
    };
    users.set(id, user);
    return user;
  };

  const findResume = (id: string): { user: FakeUser; resume: FakeResume } | undefined => {
    for (const user of users.values()) {
      const resume = user.resumes.find((r) => r.id === id);
      if (resume) return { user, resume };
    }
    return undefined;
  };

  // ---------- tokens ----------

  const issueUser = (userId: string, clientId: string): TokenRecord => {
    const record: TokenRecord = {
      kind: 'user',
      accessToken: randomToken(),
      refreshToken: randomToken(),
      userId,
      clientId,
      issuedAt: now,
      expiresAt: now + accessTtlMs,
      status: 'active',
      refreshedAt: null,
    };
    tokens.push(record);
    byAccess.set(record.accessToken, record);
    byRefresh.set(record.refreshToken!, record);
    return record;
  };

  const pairOf = (record: TokenRecord): TokenPair => ({
    access_token: record.accessToken,
    token_type: 'bearer',
    expires_in: Math.round(((record.expiresAt ?? now) - now) / 1000),
    refresh_token: record.refreshToken!,
  });

  const currentAppToken = (clientId: string) =>
    [...tokens].reverse().find((t) => t.kind === 'application' && t.clientId === clientId && t.status === 'active');

  const issueApp = (clientId: string): TokenRecord => {
    const previous = currentAppToken(clientId);
    if (previous) previous.status = 'revoked'; // "ранее выданный токен отзывается"
    const record: TokenRecord = {
      kind: 'application',
      accessToken: randomToken(),
      refreshToken: null,
      userId: null,
      clientId,
      issuedAt: now,
      expiresAt: null,
      status: 'active',
      refreshedAt: null,
    };
    tokens.push(record);
    byAccess.set(record.accessToken, record);
    return record;
  };

  const isExpired = (t: TokenRecord) => t.expiresAt !== null && t.expiresAt <= now;

  const authenticate = (headers: IncomingHttpHeaders): Auth => {
    const header = headerValue(headers, 'authorization');
    if (header === undefined) return { kind: 'none' };
    const token = /^Bearer\s+(\S+)$/i.exec(header.trim())?.[1];
    const record = token ? byAccess.get(token) : undefined;
    if (!record) return { kind: 'error', reply: hhErrors.oauth('bad_authorization') };
    if (record.status === 'revoked' || record.status === 'deactivated') return { kind: 'error', reply: hhErrors.oauth('token_revoked') };
    if (isExpired(record)) return { kind: 'error', reply: hhErrors.oauth('token_expired') };
    if (record.status === 'refreshed') return { kind: 'error', reply: hhErrors.oauth('token_revoked') };
    if (record.kind === 'application') return { kind: 'application', token: record };
    const user = users.get(record.userId!);
    if (!user) return { kind: 'error', reply: hhErrors.oauth('bad_authorization') };
    return { kind: 'user', token: record, user };
  };

  // ---------- POST /token ----------

  const clientFrom = (body: ParsedBody): FakeHhClient | undefined => {
    const client = clients.get(field(body, 'client_id') ?? '');
    return client && client.clientSecret === field(body, 'client_secret') ? client : undefined;
  };

  const tokenEndpoint = (body: ParsedBody): FakeReply => {
    const grantType = field(body, 'grant_type');
    switch (grantType) {
      case 'authorization_code': {
        const client = clientFrom(body);
        if (!client) return oauthError(400, 'invalid_client', 'client_id or client_secret not found');
        const code = codes.get(field(body, 'code') ?? '');
        if (!code || code.clientId !== client.clientId) return oauthError(400, 'invalid_request', 'code not found');
        if (code.used) return oauthError(400, 'invalid_grant', 'code has already been used');
        if (code.expiresAt <= now) return oauthError(400, 'invalid_grant', 'code expired');
        const redirectUri = field(body, 'redirect_uri');
        // The token request must name the redirect_uri the authorize request used (or, without one, an allowed one).
        if (
          redirectUri !== undefined &&
          (code.redirectUri ? redirectUri !== code.redirectUri : !redirectUriAllowed(client.redirectUri, redirectUri))
        ) {
          return oauthError(400, 'invalid_request', 'bad redirect url');
        }
        code.used = true;
        return json(200, pairOf(issueUser(code.userId, client.clientId)));
      }
      case 'refresh_token': {
        const refresh = field(body, 'refresh_token');
        if (!refresh) return oauthError(400, 'invalid_request', 'token is empty');
        const record = byRefresh.get(refresh);
        if (!record) return oauthError(400, 'invalid_request', 'token not found');
        if (record.status === 'refreshed') return oauthError(400, 'invalid_grant', 'token has already been refreshed');
        if (record.status === 'revoked') return oauthError(400, 'invalid_grant', 'token was revoked');
        if (record.status === 'deactivated') return oauthError(400, 'invalid_grant', 'token deactivated');
        // "A refresh token works once, and only AFTER the access token has expired."
        if (!isExpired(record)) return oauthError(400, 'invalid_grant', 'token not expired');
        record.status = 'refreshed';
        record.refreshedAt = now;
        return json(200, pairOf(issueUser(record.userId!, record.clientId)));
      }
      case 'client_credentials': {
        const client = clientFrom(body);
        if (!client) return oauthError(400, 'invalid_client', 'client_id or client_secret not found');
        const last = [...tokens].reverse().find((t) => t.kind === 'application' && t.clientId === client.clientId);
        // The spec lists this description under invalid_client with error "forbidden"; API-NOTES: a 403.
        if (last && now - last.issuedAt < appTokenMinIntervalMs) return oauthError(403, 'forbidden', 'app token refresh too early');
        return json(200, { access_token: issueApp(client.clientId).accessToken, token_type: 'bearer' });
      }
      default:
        return oauthError(400, 'unsupported_grant_type', 'unsupported grant_type');
    }
  };

  // ---------- vacancies ----------

  const relationsFor = (auth: Auth, vacancy: FakeVacancy): Relation[] => {
    if (auth.kind !== 'user') return [];
    const relations: Relation[] = [];
    const mine = [...negotiations.values()].filter((n) => n.userId === auth.user.id && n.vacancyId === vacancy.id);
    if (mine.length) relations.push('got_response');
    if (mine.some((n) => n.state === 'invitation')) relations.push('got_invitation');
    if (mine.some((n) => n.state === 'discard')) relations.push('got_rejection');
    if (blacklistedVacancies.get(auth.user.id)?.has(vacancy.id)) relations.push('blacklisted');
    return relations;
  };

  const searchVacancies = (ctx: Ctx, extra: { excludedEmployers?: string[] } = {}): FakeReply => {
    const q = ctx.query;
    const perPage = q.has('per_page') ? Number(q.get('per_page')) : 10;
    const page = q.has('page') ? Number(q.get('page')) : 0;
    if (!Number.isInteger(perPage) || perPage < 1 || perPage > 100)
      return hhErrors.badArgument('per_page', 'per_page must be from 1 to 100');
    if (!Number.isInteger(page) || page < 0) return hhErrors.badArgument('page');
    // API-NOTES: results stop at 2000; page * per_page past that is an error.
    if (page * perPage >= MAX_DEPTH)
      return hhErrors.badArgument('page', `only the first ${MAX_DEPTH} results can be paged: page * per_page must be below ${MAX_DEPTH}`);
    if (q.has('period') && (q.has('date_from') || q.has('date_to')))
      return hhErrors.badArgument('period', 'period cannot be combined with date_from or date_to');
    const dateFrom = q.has('date_from') ? parseHhDate(q.get('date_from')!) : undefined;
    const dateTo = q.has('date_to') ? parseHhDate(q.get('date_to')!) : undefined;
    if (Number.isNaN(dateFrom)) return hhErrors.badArgument('date_from');
    if (Number.isNaN(dateTo)) return hhErrors.badArgument('date_to');
    const period = q.has('period') ? Number(q.get('period')) : undefined;

    const areas = new Set(q.getAll('area'));
    const employers = new Set(q.getAll('employer_id'));
    const excluded = new Set([...(extra.excludedEmployers ?? []), ...q.getAll('excluded_employer_id')]);
    const words = (q.get('text') ?? '')
      .toLowerCase()
      .split(/[\s"()!*]+/)
      .filter((w) => w && !['and', 'or', 'not'].includes(w));
    const excludedWords = (q.get('excluded_text') ?? '')
      .toLowerCase()
      .split(/[\s,]+/)
      .filter(Boolean);
    const fields = new Set(q.getAll('search_field'));
    const onlyWithSalary = q.get('only_with_salary') === 'true';
    const salary = q.has('salary') ? Number(q.get('salary')) : undefined;
    const userId = ctx.auth.kind === 'user' ? ctx.auth.user.id : undefined;
    const hiddenVacancies = userId ? blacklistedVacancies.get(userId) : undefined;
    const hiddenEmployers = userId ? blacklistedEmployers.get(userId) : undefined;

    const haystack = (v: FakeVacancy) => {
      const parts: string[] = [];
      if (!fields.size || fields.has('name')) parts.push(v.name);
      if (!fields.size || fields.has('company_name')) parts.push(v.employer.name);
      if (!fields.size || fields.has('description')) parts.push(plainText(v.descriptionHtml), ...v.keySkills);
      return parts.join(' ').toLowerCase();
    };

    const matches = allVacancies().filter((v) => {
      if (v.archived) return false;
      if (areas.size && !areas.has(v.area.id) && !areas.has(COUNTRY.id)) return false;
      if (employers.size && !employers.has(v.employer.id)) return false;
      if (excluded.has(v.employer.id) || hiddenEmployers?.has(v.employer.id) || hiddenVacancies?.has(v.id)) return false;
      if (dateFrom !== undefined && v.publishedAt < dateFrom) return false;
      if (dateTo !== undefined && v.publishedAt > dateTo) return false;
      if (period !== undefined && v.publishedAt < now - period * DAY) return false;
      if ((onlyWithSalary || salary !== undefined) && !v.salary) return false;
      if (salary !== undefined && v.salary && !((v.salary.from ?? 0) <= salary && (v.salary.to ?? Number.POSITIVE_INFINITY) >= salary))
        return false;
      if (words.length || excludedWords.length) {
        const text = haystack(v);
        if (!words.every((w) => text.includes(w))) return false;
        if (excludedWords.some((w) => text.includes(w))) return false;
      }
      return true;
    });

    const reachable = Math.min(matches.length, MAX_DEPTH);
    const items = matches
      .slice(page * perPage, Math.min((page + 1) * perPage, reachable))
      .map((v) => vacancyListItemJson(jsonCtx(), v, relationsFor(ctx.auth, v)));
    return json(200, {
      ...sharedExample<Record<string, unknown>>(spec, 'VacanciesVacancies'),
      arguments: null,
      clusters: null,
      fixes: null,
      suggests: null,
      found: matches.length,
      pages: Math.ceil(reachable / perPage),
      page,
      per_page: perPage,
      items,
      alternate_url: `https://hh.ru/search/vacancy?${q.toString()}`,
    });
  };

  // ---------- negotiations ----------

  const addMessage = (negotiation: FakeNegotiation, author: FakeMessage['author'], text: string | null, state: FakeMessage['state']) => {
    const message: FakeMessage = {
      id: String(nextMessageId++),
      author,
      text,
      state,
      createdAt: now,
      viewedByMe: author === 'applicant',
      viewedByOpponent: false,
    };
    negotiation.messages.push(message);
    negotiation.updatedAt = now;
    return message;
  };

  const apply = (ctx: Ctx, user: FakeUser): FakeReply => {
    const vacancyId = field(ctx.body, 'vacancy_id') ?? '';
    const resumeIdValue = field(ctx.body, 'resume_id') ?? '';
    const message = field(ctx.body, 'message');
    const vacancy = findVacancy(vacancyId);
    if (!vacancy) return hhErrors.vacancyNotFound();
    if (vacancy.archived) return hhErrors.vacancyArchived();
    // A direct vacancy: applying happens on the employer's site.
    if (vacancy.type === 'direct')
      return {
        status: 303,
        headers: { location: vacancy.responseUrl ?? `https://hh.ru/vacancy/${vacancy.id}`, 'content-type': 'text/html' },
        body: '',
      };
    const resume = user.resumes.find((r) => r.id === resumeIdValue);
    if (!resume) return hhErrors.resumeNotFound();
    // Per resume (GET /vacancies/{id}/suitable_resumes marks `already_applied` on each): another resume may still apply.
    if ([...negotiations.values()].some((n) => n.userId === user.id && n.vacancyId === vacancy.id && n.resumeId === resume.id))
      return hhErrors.alreadyApplied();
    if (vacancy.applicationDenied) return hhErrors.applicationDenied();
    if (vacancy.hasTest && vacancy.testRequired) return hhErrors.testRequired();
    // API-NOTES: "a missing required letter is also a 400"; an all-blank one is empty_message.
    if (vacancy.letterRequired && message === undefined)
      return hhErrors.badArgument('message', 'a cover letter is required for this vacancy');
    if (vacancy.letterRequired && !message?.trim()) return hhErrors.negotiations(403, 'empty_message');
    if (message !== undefined && message.length > MAX_LETTER) return hhErrors.tooLongMessage();
    const recent = applications.filter((a) => a.resumeId === resume.id && a.at > now - DAY);
    if (recent.length >= applyLimitPerDay) return hhErrors.limitExceeded();

    applications.push({ resumeId: resume.id, at: now });
    const negotiation: FakeNegotiation = {
      id: String(nextNegotiationId++),
      userId: user.id,
      vacancyId: vacancy.id,
      resumeId: resume.id,
      state: 'response',
      createdAt: now,
      updatedAt: now,
      hasUpdates: false,
      viewedByOpponent: false,
      messagingDisabled: false,
      messages: [],
    };
    addMessage(negotiation, 'applicant', message?.trim() ? message : null, 'response');
    negotiations.set(negotiation.id, negotiation);
    // "201 with Location: /negotiations/{nid}; the body may be empty with no Content-Length."
    return { status: 201, headers: { location: `/negotiations/${negotiation.id}`, 'content-type': 'text/html' }, omitContentLength: true };
  };

  const negotiationsList = (ctx: Ctx, user: FakeUser): FakeReply => {
    const q = ctx.query;
    const perPage = q.has('per_page') ? Number(q.get('per_page')) : 20;
    const page = q.has('page') ? Number(q.get('page')) : 0;
    if (!Number.isInteger(perPage) || perPage < 1 || perPage > 100) return hhErrors.badArgument('per_page');
    if (!Number.isInteger(page) || page < 0) return hhErrors.badArgument('page');
    const status = q.get('status') ?? 'all';
    const statusFilter: Record<string, (n: FakeNegotiation) => boolean> = {
      all: () => true,
      non_archived: () => true,
      active: (n) => n.state === 'response' || n.state === 'invitation',
      invitations: (n) => n.state === 'invitation',
      response: (n) => n.state === 'response',
      discard: (n) => n.state === 'discard',
      archived: () => false,
      deleted: () => false,
    };
    const byStatus = statusFilter[status];
    if (!byStatus) return hhErrors.badArgument('status');
    const list = [...negotiations.values()]
      .filter((n) => n.userId === user.id)
      .filter(byStatus)
      .filter((n) => !q.has('vacancy_id') || n.vacancyId === q.get('vacancy_id'))
      .filter((n) => q.get('has_updates') !== 'true' || n.hasUpdates)
      .sort((a, b) => (q.get('order') === 'asc' ? a.updatedAt - b.updatedAt : b.updatedAt - a.updatedAt) || Number(b.id) - Number(a.id));
    const items = list.slice(page * perPage, (page + 1) * perPage).map((n) => {
      const vacancy = findVacancy(n.vacancyId);
      return negotiationJson(
        jsonCtx(),
        n,
        vacancy ? vacancyListItemJson(jsonCtx(), vacancy, relationsFor(ctx.auth, vacancy)) : null,
        user.resumes.find((r) => r.id === n.resumeId),
      );
    });
    return json(200, { found: list.length, pages: Math.ceil(list.length / perPage), page, per_page: perPage, items });
  };

  const ownNegotiation = (ctx: Ctx, user: FakeUser) => {
    const negotiation = negotiations.get(ctx.params.nid ?? '');
    return negotiation && negotiation.userId === user.id ? negotiation : undefined;
  };

  const getMessages = (ctx: Ctx, user: FakeUser): FakeReply => {
    const negotiation = ownNegotiation(ctx, user);
    if (!negotiation) return hhErrors.notFound();
    const textOnly = ctx.query.get('with_text_only') === 'true';
    const items = negotiation.messages.filter((m) => !textOnly || m.text).map(messageJson);
    for (const m of negotiation.messages) m.viewedByMe = true;
    negotiation.hasUpdates = false;
    return json(200, { found: items.length, pages: 1, page: 0, per_page: Math.max(items.length, 20), items });
  };

  const postMessage = (ctx: Ctx, user: FakeUser): FakeReply => {
    const negotiation = ownNegotiation(ctx, user);
    if (!negotiation) return hhErrors.notFound();
    const text = field(ctx.body, 'message') ?? '';
    if (findVacancy(negotiation.vacancyId)?.archived) return hhErrors.negotiationArchived();
    if (negotiation.messagingDisabled) return hhErrors.disabledByEmployer();
    if (!text.trim()) return hhErrors.negotiations(403, 'empty_message');
    if (text.length > MAX_LETTER) return hhErrors.tooLongMessage();
    let inARow = 0;
    for (let i = negotiation.messages.length - 1; i >= 0 && negotiation.messages[i]!.author === 'applicant'; i -= 1) inARow += 1;
    if (inARow >= messagesInARowLimit) return hhErrors.inARowLimit();
    return json(201, messageJson(addMessage(negotiation, 'applicant', text, 'text')));
  };

  // ---------- resumes ----------

  const ownResume = (ctx: Ctx, user: FakeUser) => user.resumes.find((r) => r.id === ctx.params.resume_id);

  const publish = (ctx: Ctx, user: FakeUser): FakeReply => {
    const resume = ownResume(ctx, user);
    if (!resume) return hhErrors.notFound();
    if (resume.status === 'blocked') return json(400, { errors: [{ type: 'bad_request' }], description: 'resume is blocked' });
    if (resume.nextPublishAt > now) return hhErrors.touchLimitExceeded();
    resume.status = 'published';
    resume.updatedAt = now;
    resume.nextPublishAt = now + resumeTouchIntervalMs;
    return { status: 204 };
  };

  // ---------- the API ----------

  const handlers: Record<ApiRoute, (ctx: Ctx) => FakeReply> = {
    'POST /token': (ctx) => tokenEndpoint(ctx.body),
    'DELETE /oauth/token': (ctx) => {
      if (ctx.auth.kind !== 'user') return hhErrors.oauth('user_auth_expected');
      ctx.auth.token.status = 'revoked';
      return { status: 204 };
    },
    'GET /me': (ctx) => {
      if (ctx.auth.kind === 'application') return json(200, applicationMeJson());
      if (ctx.auth.kind !== 'user') return hhErrors.oauth('bad_authorization');
      const user = ctx.auth.user;
      const unread = [...negotiations.values()].filter((n) => n.userId === user.id && n.hasUpdates).length;
      return json(200, applicantMeJson(jsonCtx(), user, unread));
    },
    'GET /resumes/mine': (ctx) => {
      const user = userOf(ctx);
      const items = user.resumes.map((r) => mineResumeJson(jsonCtx(), user, r, now));
      return json(200, { found: items.length, pages: 1, page: 0, per_page: Math.max(items.length, 1), items });
    },
    'GET /resumes/{resume_id}': (ctx) => {
      const user = userOf(ctx);
      const resume = ownResume(ctx, user);
      return resume ? json(200, resumeJson(jsonCtx(), user, resume, now)) : hhErrors.notFound();
    },
    'GET /resumes/{resume_id}/similar_vacancies': (ctx) => {
      const user = userOf(ctx);
      return ownResume(ctx, user) ? searchVacancies(ctx) : hhErrors.notFound();
    },
    'POST /resumes/{resume_id}/publish': (ctx) => publish(ctx, userOf(ctx)),
    'GET /vacancies': (ctx) => {
      if (ctx.auth.kind === 'none') {
        // API-NOTES: "Unauthenticated GET /vacancies asks for a captcha after the first request."
        anonymousSearches += 1;
        if (anonymousSearches > anonymousSearchesBeforeCaptcha) return captchaReply();
      }
      return searchVacancies(ctx);
    },
    'GET /vacancies/{vacancy_id}': (ctx) => {
      const vacancy = findVacancy(ctx.params.vacancy_id ?? '');
      return vacancy ? json(200, vacancyJson(jsonCtx(), vacancy, relationsFor(ctx.auth, vacancy))) : hhErrors.notFound();
    },
    'POST /negotiations': (ctx) => apply(ctx, userOf(ctx)),
    'GET /negotiations': (ctx) => negotiationsList(ctx, userOf(ctx)),
    'GET /negotiations/{nid}/messages': (ctx) => getMessages(ctx, userOf(ctx)),
    'POST /negotiations/{nid}/messages': (ctx) => postMessage(ctx, userOf(ctx)),
    'PUT /vacancies/blacklisted/{vacancy_id}': (ctx) => {
      const id = ctx.params.vacancy_id ?? '';
      if (!findVacancy(id)) return hhErrors.notFound();
      const user = userOf(ctx);
      blacklistedVacancies.set(user.id, (blacklistedVacancies.get(user.id) ?? new Set()).add(id));
      return { status: 204 };
    },
    'PUT /employers/blacklisted/{employer_id}': (ctx) => {
      const id = ctx.params.employer_id ?? '';
      if (!allVacancies().some((v) => v.employer.id === id)) return hhErrors.notFound();
      const user = userOf(ctx);
      blacklistedEmployers.set(user.id, (blacklistedEmployers.get(user.id) ?? new Set()).add(id));
      return { status: 204 };
    },
    'GET /dictionaries': () => json(200, sharedExample(spec, 'DictionariesDictionaries')),
    'GET /areas': () => json(200, areasJson(spec)),
  };

  function userOf(ctx: Ctx): FakeUser {
    if (ctx.auth.kind !== 'user') throw new Error('fake hh: a user route ran without a user token');
    return ctx.auth.user;
  }

  const captchaReply = () => hhErrors.captchaRequired(`${oauthUrl}/account/captcha?state=${randomBytes(8).toString('hex')}`);

  /** The policy check: null lets the handler run. */
  const authorize = (route: ApiRoute, auth: Auth): FakeReply | null => {
    const policy = POLICY[route];
    if (policy === 'token') return null;
    if (auth.kind === 'error') return auth.reply;
    if (policy === 'public') return null;
    if (auth.kind === 'none') return hhErrors.oauth('bad_authorization');
    if (policy === 'any') return null;
    if (auth.kind === 'application') return hhErrors.oauth('user_auth_expected');
    if (policy === 'applicant' && applicantApiClosed) return applicantApiClosed;
    return null;
  };

  // ---------- the website ----------

  const cookieSession = (headers: IncomingHttpHeaders): FakeUser | undefined => {
    const cookie = headerValue(headers, 'cookie') ?? '';
    const value = /(?:^|;\s*)hhtoken=([^;]+)/.exec(cookie)?.[1];
    const userId = value ? sessions.get(value) : undefined;
    return userId ? users.get(userId) : undefined;
  };

  const websiteUser = (headers: IncomingHttpHeaders): FakeUser | undefined =>
    cookieSession(headers) ?? (presetUserId ? users.get(presetUserId) : undefined);

  const startSession = (user: FakeUser): string => {
    const value = randomBytes(16).toString('hex');
    sessions.set(value, user.id);
    return `hhtoken=${value}; Path=/; HttpOnly; SameSite=Lax`;
  };

  const redirectWith = (target: string, params: Record<string, string | undefined>, headers: Record<string, string> = {}): FakeReply => {
    const url = new URL(target);
    for (const [name, value] of Object.entries(params)) if (value !== undefined) url.searchParams.append(name, value);
    return { status: 302, headers: { ...headers, location: url.toString() }, body: '' };
  };

  const issueCode = (user: FakeUser, client: FakeHhClient, params: AuthorizeParams, headers: Record<string, string> = {}): FakeReply => {
    const code = randomToken();
    codes.set(code, {
      code,
      clientId: client.clientId,
      userId: user.id,
      redirectUri: params.redirect_uri,
      expiresAt: now + codeTtlMs,
      used: false,
    });
    return redirectWith(params.redirect_uri ?? client.redirectUri, { code, state: params.state }, headers);
  };

  const html = (status: number, body: string, headers: Record<string, string> = {}): FakeReply => ({
    status,
    body,
    headers: { 'content-type': 'text/html; charset=utf-8', ...headers },
  });

  const authorizeParams = (source: (name: string) => string | undefined): AuthorizeParams => {
    const params: Record<string, string> = {};
    for (const name of AUTHORIZE_PARAM_NAMES) {
      const value = source(name);
      if (value !== undefined) params[name] = value;
    }
    return params as unknown as AuthorizeParams;
  };

  /** Shared checks of GET and POST /oauth/authorize: the client and its redirect_uri. */
  const checkAuthorize = (params: AuthorizeParams): { client: FakeHhClient } | { reply: FakeReply } => {
    const client = clients.get(params.client_id ?? '');
    if (!client) return { reply: html(400, errorPage('Неизвестное приложение (client_id).')) };
    if (params.redirect_uri !== undefined && !redirectUriAllowed(client.redirectUri, params.redirect_uri)) {
      return { reply: html(400, errorPage('redirect_uri не совпадает с адресом, указанным в настройках приложения.')) };
    }
    if (params.response_type !== 'code') {
      return {
        reply: redirectWith(params.redirect_uri ?? client.redirectUri, { error: 'unsupported_response_type', state: params.state }),
      };
    }
    return { client };
  };

  const website: Record<WebsiteRoute, (req: { headers: IncomingHttpHeaders; url: URL; body: ParsedBody }) => FakeReply> = {
    'GET /oauth/authorize': ({ headers, url }) => {
      const params = authorizeParams((name) => url.searchParams.get(name) ?? undefined);
      const checked = checkAuthorize(params);
      if ('reply' in checked) return checked.reply;
      const { client } = checked;
      const user = websiteUser(headers);
      if (!user || params.force_login === 'true') return html(200, loginPage(params, { appName: client.name }));
      if (!consents.has(`${user.id} ${client.clientId}`))
        return html(200, consentPage(params, { appName: client.name, userName: fullName(user) }));
      if (params.skip_choose_account === 'true') return issueCode(user, client, params);
      return html(200, chooseAccountPage(params, { appName: client.name, userName: fullName(user), email: user.email }));
    },
    'POST /oauth/authorize': ({ headers, body }) => {
      const params = authorizeParams((name) => field(body, name));
      const checked = checkAuthorize(params);
      if ('reply' in checked) return checked.reply;
      const { client } = checked;
      const action = field(body, 'action');
      if (action === 'deny')
        return redirectWith(params.redirect_uri ?? client.redirectUri, { error: 'access_denied', state: params.state });
      if (action === 'switch') return html(200, loginPage(params, { appName: client.name }));
      if (action === 'login') {
        const email = (field(body, 'username') ?? '').trim();
        if (!email) return html(200, loginPage(params, { appName: client.name, error: 'Введите эл. почту.' }));
        const known = [...users.values()].find((u) => u.email.toLowerCase() === email.toLowerCase());
        if (known?.password !== undefined && known.password !== field(body, 'password')) {
          return html(200, loginPage(params, { appName: client.name, email, error: 'Неверная эл. почта или пароль.' }));
        }
        const user = known ?? upsertUser({ email });
        const cookie = { 'set-cookie': startSession(user) };
        presetUserId = user.id;
        if (consents.has(`${user.id} ${client.clientId}`)) return issueCode(user, client, params, cookie);
        return html(200, consentPage(params, { appName: client.name, userName: fullName(user) }), cookie);
      }
      const user = websiteUser(headers);
      if (!user) return html(200, loginPage(params, { appName: client.name, error: 'Сессия истекла, войдите снова.' }));
      if (action === 'allow') {
        consents.add(`${user.id} ${client.clientId}`);
        return issueCode(user, client, params);
      }
      if (action === 'continue' && consents.has(`${user.id} ${client.clientId}`)) return issueCode(user, client, params);
      return html(400, errorPage('Неизвестное действие.'));
    },
    'GET /account/captcha': ({ url }) =>
      html(200, captchaPage(url.searchParams.get('state') ?? '', url.searchParams.get('backurl') ?? undefined)),
    'POST /account/captcha': ({ body }) => {
      anonymousSearches = 0;
      const back = field(body, 'backurl');
      return back ? { status: 302, headers: { location: back }, body: '' } : html(200, captchaDonePage());
    },
    // The deprecated address still works on hh.ru; the spec check reports it as deprecated.
    'POST /oauth/token': ({ body }) => tokenEndpoint(body),
  };

  const fullName = (user: FakeUser) => `${user.firstName} ${user.lastName}`.trim();

  // ---------- HTTP plumbing ----------

  const send = (res: ServerResponse, reply: FakeReply) => {
    const headers: Record<string, string> = { 'x-request-id': requestId() };
    for (const [name, value] of Object.entries(reply.headers ?? {})) headers[name.toLowerCase()] = value;
    let payload: Buffer | undefined;
    if (reply.body === undefined || reply.body === null) payload = undefined;
    else if (Buffer.isBuffer(reply.body)) payload = reply.body;
    else if (typeof reply.body === 'string') {
      payload = Buffer.from(reply.body, 'utf8');
      headers['content-type'] ??= 'text/html; charset=utf-8';
    } else {
      let body = reply.body as Record<string, unknown>;
      if (body && typeof body === 'object' && !Array.isArray(body) && Array.isArray(body.errors) && body.request_id === undefined) {
        body = { ...body, request_id: headers['x-request-id'] };
      }
      payload = Buffer.from(JSON.stringify(body), 'utf8');
      headers['content-type'] ??= 'application/json; charset=UTF-8';
    }
    res.writeHead(reply.status, headers);
    if (reply.omitContentLength && !payload) {
      res.flushHeaders(); // headers go out without Content-Length: the body is chunked (and empty)
      res.end();
      return;
    }
    res.end(payload);
  };

  const takeInjection = (rec: RecordedRequest): Injection | undefined => {
    const index = injections.findIndex((i) => (typeof i.match === 'function' ? i.match(rec) : i.match === rec.route));
    if (index < 0) return undefined;
    const injection = injections[index]!;
    injection.remaining -= 1;
    if (injection.remaining <= 0) injections.splice(index, 1);
    return injection;
  };

  const deliver = (res: ServerResponse, reply: FakeReply) => {
    if (reply.delayMs && reply.delayMs > 0) {
      const timer = setTimeout(() => {
        if (!res.destroyed) send(res, reply);
      }, reply.delayMs);
      res.on('close', () => clearTimeout(timer));
    } else send(res, reply);
  };

  const handle = async (server: 'api' | 'website', req: IncomingMessage, res: ServerResponse) => {
    const body = await readBody(req);
    const base = server === 'api' ? apiUrl : oauthUrl;
    const url = new URL(req.url ?? '/', base);
    const method = (req.method ?? 'GET').toUpperCase();
    let route: string | null;
    let parsed: ParsedBody;
    let problems: string[] = [];
    let params: Record<string, string> = {};

    if (server === 'api') {
      if (validate) {
        const check = checkRequest(spec, { method, url: url.toString(), headers: req.headers, body });
        route = check.route;
        parsed = check.body;
        problems = check.problems;
        params = check.match?.pathParams ?? {};
      } else {
        const found = findRoute(spec, method, url.pathname);
        route = found.route;
        params = found.route ? found.match.pathParams : {};
        parsed = parseBody(headerValue(req.headers, 'content-type'), body);
      }
    } else {
      const key = `${method} ${url.pathname}`;
      route = (WEBSITE_ROUTES as readonly string[]).includes(key) ? key : null;
      parsed = parseBody(headerValue(req.headers, 'content-type'), body);
      // The website is a browser's business, except for the deprecated token address, which is API.
      if (validate && route === 'POST /oauth/token')
        problems = checkRequest(spec, { method, url: url.toString(), headers: req.headers, body }).problems;
    }

    const rec: RecordedRequest = {
      seq: ++seq,
      server,
      method,
      url: url.toString(),
      path: url.pathname,
      route,
      headers: { ...req.headers },
      body,
      at: now,
      receivedAt: Date.now(),
      problems,
    };
    requests.push(rec);
    const countKey = route ?? `${method} ${url.pathname}`;
    counts[countKey] = (counts[countKey] ?? 0) + 1;

    const apiLike = server === 'api' || route === 'POST /oauth/token';
    if (problems.length) violations.push({ method, url: rec.url, route, problems });
    // hh.ru's own answer to a missing user agent comes first; any other violation gets the fake's 400.
    if (apiLike && checkUserAgent(req.headers)[0]?.startsWith('header: neither')) return send(res, hhErrors.badUserAgent('unset'));
    if (problems.length)
      return send(
        res,
        json(400, {
          errors: [{ type: 'fake_spec_violation', value: problems }],
          description: `the hh.ru spec does not allow ${method} ${url.pathname}`,
        }),
      );

    const injection = takeInjection(rec);
    const failure = injection?.failure;
    if (injection?.afterHandling && server === 'api' && route && isApiRoute(route)) {
      const auth = authenticate(req.headers);
      if (!authorize(route, auth)) handlers[route]({ rec, url, query: url.searchParams, params, body: parsed, auth });
    }
    if (failure === 'hang') return; // never answered; close() ends the connection
    if (failure === 'reset') {
      req.socket.destroy();
      return;
    }
    if (failure) return deliver(res, failure);

    if (server === 'website') {
      if (!route) return send(res, html(404, errorPage('Страница не найдена.')));
      return send(res, website[route as WebsiteRoute]({ headers: req.headers, url, body: parsed }));
    }
    if (!route) return send(res, hhErrors.notFound());
    if (!isApiRoute(route))
      return send(
        res,
        json(501, { errors: [{ type: 'fake_not_implemented', value: route }], description: `the fake hh.ru does not implement ${route}` }),
      );
    const auth = authenticate(req.headers);
    const refused = authorize(route, auth);
    if (refused) return send(res, refused);
    const reply = handlers[route]({ rec, url, query: url.searchParams, params, body: parsed, auth });
    const hold = takeHold(rec);
    if (hold) return hold.caught(rec, res, reply);
    send(res, reply);
  };

  const takeHold = (rec: RecordedRequest) => {
    const index = holds.findIndex((h) => (typeof h.match === 'function' ? h.match(rec) : h.match === rec.route));
    return index < 0 ? undefined : holds.splice(index, 1)[0];
  };

  const makeServer = (kind: 'api' | 'website') =>
    createServer((req, res) => {
      if (kind === 'api') handling += 1;
      handle(kind, req, res)
        .catch((error: unknown) => {
          // A client that went away before its request was read in full: nothing to answer, no failure of the fake.
          if (req.socket.destroyed) return;
          console.error('[fake hh] handler failed', error);
          if (!res.headersSent) send(res, json(500, { errors: [{ type: 'fake_internal_error', value: String(error) }] }));
          else res.destroy();
        })
        .finally(() => {
          if (kind !== 'api') return;
          handling -= 1;
          checkQuiet();
        });
    });

  const apiServer = makeServer('api');
  apiServer.on('connection', (socket: Socket) => {
    apiSockets.add(socket);
    socket.on('close', () => {
      apiSockets.delete(socket);
      checkQuiet();
    });
  });
  const websiteServer = makeServer('website');
  apiUrl = await listenHttp(apiServer);
  oauthUrl = await listenHttp(websiteServer);

  const errors: HhErrors = {
    ...hhErrors,
    captchaRequired: (captchaUrl?: string) => hhErrors.captchaRequired(captchaUrl ?? `${oauthUrl}/account/captcha?state=fake`),
  };

  const info = (t: TokenRecord): FakeTokenInfo => ({ ...t, expired: isExpired(t) });

  const fake: FakeHh = {
    apiUrl,
    oauthUrl,
    client: defaultClient,
    spec,
    get requests() {
      return requests;
    },
    get violations() {
      return violations;
    },
    get counts() {
      return { ...counts };
    },
    get tokens() {
      return tokens.map(info);
    },
    get applicationToken() {
      return currentAppToken(defaultClient.clientId)?.accessToken;
    },
    errors,
    now: () => now,
    setClock(ms) {
      now = ms;
    },
    advanceClock(ms) {
      now += ms;
    },
    failNext(match, failure, times = 1, options = {}) {
      injections.push({ match, failure, remaining: times, afterHandling: options.afterHandling ?? false });
    },
    clearFailures() {
      injections.length = 0;
    },
    closeApplicantApi(reply = hhErrors.applicantApiClosed()) {
      applicantApiClosed = reply;
    },
    openApplicantApi() {
      applicantApiClosed = undefined;
    },
    expireAccessToken(accessToken) {
      for (const t of tokens) {
        if (t.kind !== 'user' || t.status !== 'active') continue;
        if (accessToken === undefined || t.accessToken === accessToken) t.expiresAt = Math.min(t.expiresAt ?? now, now);
      }
    },
    deactivateTokens(userId) {
      for (const t of tokens) if (t.userId === userId && t.status === 'active') t.status = 'deactivated';
    },
    issueUserToken(userId, clientId = defaultClient.clientId) {
      const user = userId ? (users.get(userId) ?? upsertUser({ userId })) : (presetUserId && users.get(presetUserId)) || upsertUser({});
      return pairOf(issueUser(user.id, clientId));
    },
    issueApplicationToken(clientId = defaultClient.clientId) {
      return issueApp(clientId).accessToken;
    },
    signIn(preset = {}, signInOptions = {}) {
      const user = upsertUser({ userId: '12345678', name: 'Иван Петров', email: 'ivan.petrov@example.com', ...preset });
      presetUserId = user.id;
      if (signInOptions.consented) for (const client of clients.values()) consents.add(`${user.id} ${client.clientId}`);
      return user;
    },
    signOutWebsite() {
      presetUserId = undefined;
      sessions.clear();
    },
    user: (userId) => users.get(userId),
    updateResume(id, patch) {
      const found = findResume(id);
      if (!found) throw new Error(`fake hh: no resume ${id}`);
      Object.assign(found.resume, patch);
      return found.resume;
    },
    async completeAuthorization(authorizeUrl, walk = {}) {
      const pages: string[] = [];
      let cookie = '';
      let response = await fetch(authorizeUrl, { redirect: 'manual' });
      for (let step = 0; step < 6; step += 1) {
        const setCookie = response.headers.get('set-cookie');
        if (setCookie) cookie = setCookie.split(';')[0]!;
        if (response.status === 302) {
          const location = response.headers.get('location') ?? '';
          const target = new URL(location);
          return {
            location,
            code: target.searchParams.get('code') ?? undefined,
            state: target.searchParams.get('state') ?? undefined,
            error: target.searchParams.get('error') ?? undefined,
            pages,
          };
        }
        const text = await response.text();
        const { page, hidden } = readPage(text);
        pages.push(page);
        const form = new URLSearchParams(hidden);
        if (page === 'login') {
          form.set('action', 'login');
          form.set('username', walk.login?.email ?? (presetUserId ? users.get(presetUserId)?.email : undefined) ?? 'applicant@example.com');
          form.set('password', walk.login?.password ?? 'password');
        } else if (page === 'consent') form.set('action', walk.decision === 'deny' ? 'deny' : 'allow');
        else if (page === 'choose-account')
          form.set('action', walk.switchAccount ? 'switch' : walk.decision === 'deny' ? 'deny' : 'continue');
        else throw new Error(`fake hh: the authorize flow stopped on the ${page} page (HTTP ${response.status})`);
        response = await fetch(new URL('/oauth/authorize', oauthUrl), {
          method: 'POST',
          redirect: 'manual',
          headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
          body: form.toString(),
        });
      }
      throw new Error(`fake hh: the authorize flow did not finish (pages: ${pages.join(', ')})`);
    },
    setSearch(search) {
      searchFound = search.found ?? searchFound;
      searchSpanMs = (search.spanDays ?? searchSpanMs / DAY) * DAY;
      searchAnchor = now;
      generated = undefined;
      sortedCache = undefined;
    },
    addVacancy(partial = {}) {
      const id = partial.id ?? String(nextAddedId++);
      const base = generateVacancy(added.size, added.size + 1, now, 0);
      const vacancy: FakeVacancy = { ...base, publishedAt: now, ...partial, id };
      added.set(id, vacancy);
      sortedCache = undefined;
      return vacancy;
    },
    updateVacancy(id, patch) {
      const own = added.get(id);
      if (own) Object.assign(own, patch);
      else if (findVacancy(id)) overrides.set(id, { ...overrides.get(id), ...patch });
      else throw new Error(`fake hh: no vacancy ${id}`);
      sortedCache = undefined;
      return findVacancy(id)!;
    },
    vacancy: (id) => findVacancy(id),
    negotiations: (userId) => [...negotiations.values()].filter((n) => !userId || n.userId === userId),
    employerReply(negotiationId, reply) {
      const negotiation = negotiations.get(negotiationId);
      if (!negotiation) throw new Error(`fake hh: no negotiation ${negotiationId}`);
      if (reply.state) negotiation.state = reply.state;
      if (reply.text !== undefined || reply.state) addMessage(negotiation, 'employer', reply.text ?? null, reply.state ?? 'text');
      if (reply.disableMessaging !== undefined) negotiation.messagingDisabled = reply.disableMessaging;
      negotiation.viewedByOpponent = true;
      for (const m of negotiation.messages) if (m.author === 'applicant') m.viewedByOpponent = true;
      negotiation.hasUpdates = true;
      negotiation.updatedAt = now;
      return negotiation;
    },
    solveCaptcha() {
      anonymousSearches = 0;
    },
    clearRecords() {
      requests = [];
      violations = [];
      counts = {};
    },
    holdNext(match) {
      let onArrived!: (rec: RecordedRequest) => void;
      const arrived = new Promise<RecordedRequest>((resolve) => (onArrived = resolve));
      let answer: (() => Promise<void>) | undefined;
      const hold = {
        match,
        caught(rec: RecordedRequest, res: ServerResponse, reply: FakeReply) {
          answer = () =>
            new Promise<void>((resolve) => {
              if (res.socket?.destroyed ?? true) return resolve();
              res.once('finish', () => resolve());
              res.once('close', () => resolve());
              send(res, reply);
            });
          onArrived(rec);
        },
      };
      holds.push(hold);
      return {
        arrived,
        release: async () => {
          const index = holds.indexOf(hold);
          if (index >= 0) holds.splice(index, 1);
          const held = answer;
          answer = undefined; // answered once
          await held?.();
        },
      };
    },
    quiet: () =>
      new Promise<void>((resolve) => {
        quietWaiters.add(resolve);
        checkQuiet();
      }),
    async close() {
      await Promise.all([apiServer, websiteServer].map(closeNow));
    },
  };
  return fake;
}

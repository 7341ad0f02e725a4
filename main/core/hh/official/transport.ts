import { DEFAULT_SITE_URL, sitePages } from '../website/site';
import { UNAVAILABLE } from '../unavailable';
import type { HhOperation, VacancyFacts } from '../../../../shared/domain';
import { applyOnce } from '../apply-once';
import { HhError } from '../errors';
import type { HhHttp, HhRequest } from '../http/hh-http';
import type { HhTokenService } from '../oauth/tokens';
import type { ApplyInput, ApplyOutcome, HhTransport, SearchPage, SearchQuery, SendMessageInput } from '../transport';
import { searchParams, toAccount, toMessage, toNegotiation, toResume, toVacancyFacts, type ApiVacancy } from './mappers';

/** What hh.ru closed to third-party applications in December 2025. */
const APPLICANT: HhOperation[] = [
  'resumes',
  'resume',
  'similarVacancies',
  'apply',
  'negotiations',
  'messages',
  'sendMessage',
  'raiseResume',
  'hideVacancy',
  'hideEmployer',
];
const REFUSED = UNAVAILABLE.refused_for_apps;

/** Operations hh.ru serves with an application token too (no user needed). */
const PUBLIC: ReadonlySet<HhOperation> = new Set(['searchVacancies', 'vacancy', 'dictionaries', 'areas']);
const CACHE_MS = 24 * 60 * 60 * 1000;

interface Page<T> {
  found?: number;
  pages?: number;
  page?: number;
  per_page?: number;
  items: T[];
}

/**
 * api.hh.ru with the user's OAuth token (or the application token for search). Since December 2025
 * hh.ru refuses applicant methods to third-party applications; the gateway notices the refusal and
 * routes those operations elsewhere.
 */
export class OfficialApiTransport implements HhTransport {
  readonly id = 'official' as const;
  #dictionaries?: { value: Record<string, unknown>; at: number };
  #areas?: { value: unknown[]; at: number };

  constructor(
    private readonly http: HhHttp,
    private readonly tokens: HhTokenService,
    private readonly now: () => number = Date.now,
    /** hh.ru's site (HH_SITE_URL): the pages a captcha sends the user back to are the site module's (website/site.ts). */
    private readonly site: string = DEFAULT_SITE_URL,
  ) {}

  async unavailableReason(operation: HhOperation): Promise<string | null> {
    // hh.ru's area tree is public: no token of any kind is needed, on any path.
    if (operation === 'areas') return null;
    if (await this.tokens.isSignedIn()) return null;
    if (PUBLIC.has(operation) && (await this.tokens.applicationToken().catch(() => undefined))) return null;
    return PUBLIC.has(operation) ? UNAVAILABLE.own_app_or_credentials_needed : UNAVAILABLE.own_app_needed;
  }

  /** One applicant request tells whether hh.ru still serves applicant methods to this application. */
  async probe(signal?: AbortSignal): Promise<Partial<Record<HhOperation, string>>> {
    if (!(await this.tokens.isSignedIn())) return {};
    try {
      await this.#asUser({ method: 'GET', path: '/resumes/mine', signal });
      return {};
    } catch (err) {
      if (err instanceof HhError && err.code === 'hh_forbidden_for_app') return Object.fromEntries(APPLICANT.map((op) => [op, REFUSED]));
      throw err;
    }
  }

  /** With the user's token; one refresh and one retry when hh.ru says it expired. */
  async #asUser<T>(request: HhRequest) {
    const token = await this.tokens.accessToken();
    try {
      return await this.http.request<T>({ ...request, bearer: token });
    } catch (err) {
      if (!(err instanceof HhError) || err.code !== 'hh_signed_out') throw err;
      if (err.details?.reason === 'token_expired') {
        const fresh = await this.tokens.tokenExpired(token);
        return this.http.request<T>({ ...request, bearer: fresh });
      }
      return this.tokens.forget(err.details?.reason ?? 'refused');
    }
  }

  /** Public reads: the user's token when signed in, else the application token. */
  async #asAnyone<T>(request: HhRequest) {
    if (await this.tokens.isSignedIn()) return this.#asUser<T>(request);
    const appToken = await this.tokens.applicationToken();
    try {
      return await this.http.request<T>({ ...request, ...(appToken && { bearer: appToken }) });
    } catch (err) {
      if (err instanceof HhError && err.code === 'hh_signed_out') await this.tokens.applicationTokenRejected();
      throw err;
    }
  }

  async me(signal?: AbortSignal) {
    const { data } = await this.#asUser<Parameters<typeof toAccount>[0]>({ method: 'GET', path: '/me', signal });
    return toAccount(data);
  }

  async resumes(signal?: AbortSignal) {
    const { data } = await this.#asUser<Page<Parameters<typeof toResume>[0]>>({ method: 'GET', path: '/resumes/mine', signal });
    return data.items.map(toResume);
  }

  async resume(id: string, signal?: AbortSignal) {
    return (await this.#asUser({ method: 'GET', path: `/resumes/${encodeURIComponent(id)}`, signal })).data;
  }

  async searchVacancies(query: SearchQuery, signal?: AbortSignal): Promise<SearchPage> {
    const { data } = await this.#asAnyone<Page<ApiVacancy>>({
      method: 'GET',
      path: '/vacancies',
      query: searchParams(query),
      signal,
      backurl: sitePages.search(this.site),
    });
    return toSearchPage(data, query);
  }

  async vacancy(id: string, signal?: AbortSignal): Promise<VacancyFacts> {
    const path = `/vacancies/${encodeURIComponent(id)}`;
    const { data } = await this.#asAnyone<ApiVacancy>({
      method: 'GET',
      path,
      signal,
      backurl: sitePages.vacancy(this.site, id),
    });
    return toVacancyFacts(data);
  }

  async similarVacancies(resumeId: string, query: SearchQuery, signal?: AbortSignal): Promise<SearchPage> {
    const { data } = await this.#asUser<Page<ApiVacancy>>({
      method: 'GET',
      path: `/resumes/${encodeURIComponent(resumeId)}/similar_vacancies`,
      query: searchParams(query),
      signal,
    });
    return toSearchPage(data, query);
  }

  /** Sent once: after a lost, late, 5xx or unreadable answer hh.ru's responses say whether it arrived. */
  async apply(input: ApplyInput, signal?: AbortSignal): Promise<ApplyOutcome> {
    return applyOnce(
      () => this.#postApplication(input, signal),
      () => this.#existingNegotiation(input.vacancyId, signal),
      (negotiationId): ApplyOutcome => ({ kind: 'applied', negotiationId }),
    );
  }

  async #postApplication(input: ApplyInput, signal?: AbortSignal): Promise<ApplyOutcome> {
    const response = await this.#asUser({
      method: 'POST',
      path: '/negotiations',
      body: { kind: 'multipart', fields: { vacancy_id: input.vacancyId, resume_id: input.resumeId, message: input.message } },
      signal,
      backurl: sitePages.vacancy(this.site, input.vacancyId),
      resend: 'once',
    });
    // 303: a "direct" vacancy; applying happens on the employer's own site.
    if (response.status === 303 && response.location) return { kind: 'external', url: response.location };
    const negotiationId = response.location?.match(/\/negotiations\/([^/?#]+)/)?.[1] ?? null;
    return { kind: 'applied', negotiationId };
  }

  /** The user's response to a vacancy, if hh.ru has one (one filtered request, whatever the number of responses). */
  async #existingNegotiation(vacancyId: string, signal?: AbortSignal): Promise<string | null> {
    const { data } = await this.#asUser<Page<{ id: string }>>({
      method: 'GET',
      path: '/negotiations',
      query: { vacancy_id: vacancyId, page: 0, per_page: 20 },
      signal,
    });
    return data.items[0]?.id ?? null;
  }

  async negotiations(page: number, signal?: AbortSignal) {
    const { data } = await this.#asUser<Page<Parameters<typeof toNegotiation>[0]>>({
      method: 'GET',
      path: '/negotiations',
      // Newest change first, said outright: the chat sync stops at the first page with nothing new.
      query: { page, per_page: 100, order_by: 'updated_at', order: 'desc' },
      signal,
    });
    return { items: data.items.map(toNegotiation), pages: data.pages ?? 1 };
  }

  async messages(negotiationId: string, signal?: AbortSignal) {
    const { data } = await this.#asUser<Page<Parameters<typeof toMessage>[0]>>({
      method: 'GET',
      path: `/negotiations/${encodeURIComponent(negotiationId)}/messages`,
      signal,
    });
    return data.items.map(toMessage);
  }

  async sendMessage(input: SendMessageInput, signal?: AbortSignal) {
    await this.#asUser({
      method: 'POST',
      path: `/negotiations/${encodeURIComponent(input.negotiationId)}/messages`,
      body: { kind: 'form', fields: { message: input.text } },
      signal,
    });
  }

  async raiseResume(id: string, signal?: AbortSignal) {
    await this.#asUser({ method: 'POST', path: `/resumes/${encodeURIComponent(id)}/publish`, signal });
  }

  async hideVacancy(id: string, signal?: AbortSignal) {
    await this.#asUser({ method: 'PUT', path: `/vacancies/blacklisted/${encodeURIComponent(id)}`, signal });
  }

  async hideEmployer(id: string, signal?: AbortSignal) {
    await this.#asUser({ method: 'PUT', path: `/employers/blacklisted/${encodeURIComponent(id)}`, signal });
  }

  /** Cached for a day: they change rarely, and every request counts against hh.ru's limits. */
  async dictionaries(signal?: AbortSignal, refresh = false) {
    if (!refresh && this.#dictionaries && this.now() - this.#dictionaries.at < CACHE_MS) return this.#dictionaries.value;
    const { data } = await this.#asAnyone<Record<string, unknown>>({ method: 'GET', path: '/dictionaries', signal });
    this.#dictionaries = { value: data, at: this.now() };
    return data;
  }

  async areas(signal?: AbortSignal, refresh = false) {
    if (!refresh && this.#areas && this.now() - this.#areas.at < CACHE_MS) return this.#areas.value;
    // Public: asked without a token, so it works for users without an API application of their own.
    const { data } = await this.http.request<unknown[]>({ method: 'GET', path: '/areas', signal });
    this.#areas = { value: data, at: this.now() };
    return data;
  }
}

const toSearchPage = (data: Page<ApiVacancy>, query: SearchQuery): SearchPage => ({
  found: data.found ?? data.items.length,
  pages: data.pages ?? 1,
  page: data.page ?? query.page,
  perPage: data.per_page ?? query.perPage,
  items: data.items.map(toVacancyFacts),
});

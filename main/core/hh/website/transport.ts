import { UNAVAILABLE } from '../unavailable';
import type { HhAccount, HhOperation, HhResume, Negotiation, NegotiationMessage, VacancyFacts } from '../../../../shared/domain';
import { HhError } from '../errors';
import type { ApplyInput, ApplyOutcome, HhTransport, SearchPage, SearchQuery, SendMessageInput } from '../transport';
import { applyOnce } from '../apply-once';
import { readApplyAnswer } from './apply';
import { loginRequired, noDictionaries, pageChanged, resumeUnreadable, sendRefused } from './errors';
import { extractNamedStates, extractPageState, RESUME_PROFILE_STATE } from './page-state';
import { checkPages, type PageCheck } from './page-check';
import { readProfileAccount, readResumeList, type ListReads } from './resume-list';
import { parseResumePage, type WebsiteResumeJson } from './resume-page';
import {
  pagesOf,
  toAccount,
  toChat,
  toChatMessage,
  toNegotiation,
  toNegotiationMessage,
  toResume,
  toSearchPage,
  userIdOf,
  withChatStates,
  vacancyFromView,
  type WebsiteChat,
  type WebsiteChatMessage,
} from './mappers';
import type { PageState } from './page-state';
import {
  errorWord,
  parseChatData,
  parseChatList,
  parseNegotiationsPage,
  parseSearchPage,
  parseVacancyPage,
  type ApplicantPage,
} from './parsers';
import { siteRequests, type SiteRequest } from './requests';
import { SiteClient, isSameSite, type SiteClientOptions } from './site-client';
import { say } from '../../errors';

/** The site client's options (session, pacing, timeouts, retries; never for applying: see ../apply-once.ts), plus: */
export interface WebsiteTransportOptions extends SiteClientOptions {
  now?: () => number;
  /** How long "signed in" is believed without asking hh.ru again (default 5 minutes). */
  signedInTtlMs?: number;
  /** How the user signs in with this shell (the app's window, or a cookies file headless). */
  signInAdvice?: string;
}

export interface WebsiteChatPage {
  items: WebsiteChat[];
  page: number;
  pages: number;
}

export interface WebsiteChatThread {
  chatId: string;
  messages: WebsiteChatMessage[];
  hasMore: boolean;
  /** hh.ru's chatStates.writeMessageState.allowed: false when the employer closed the chat. */
  canWrite: boolean;
}

export const SIGN_IN_REASON = UNAVAILABLE.sign_in_in_window;
export const HEADLESS_SIGN_IN_REASON = UNAVAILABLE.sign_in_with_cookies;
const NO_DICTIONARIES = UNAVAILABLE.no_dictionaries;
/** Public pages: a signed-out session reads them too. */
const PUBLIC: ReadonlySet<HhOperation> = new Set(['searchVacancies', 'vacancy']);
const IDENTITY_FRESH_MS = 30_000;
/** How far the responses list is searched for a response's chat. */
const TOPIC_SEARCH_PAGES = 5;

/**
 * hh.ru through the user's own website session (since December 2025 the applicant API is closed to
 * third-party apps). Reads the pages' state and the site's own XHR endpoints; every request goes
 * through one SiteClient (paced, timed out, typed errors). The website addresses resumes by hash
 * and chats by chat id, so the transport keeps the maps from the app's ids to those.
 */
export class WebsiteTransport implements HhTransport {
  readonly id = 'website' as const;
  readonly client: SiteClient;
  readonly #now: () => number;
  #applicant?: { page: ApplicantPage; url: string; at: number };
  #loadingApplicant?: Promise<{ page: ApplicantPage; url: string }>;
  #signedIn?: { value: boolean; at: number };
  readonly #chatOfTopic = new Map<string, string>();

  constructor(private readonly options: WebsiteTransportOptions) {
    this.client = new SiteClient(options);
    this.#now = options.now ?? Date.now;
  }

  get #site() {
    return this.client.site;
  }

  async unavailableReason(operation: HhOperation): Promise<string | null> {
    if (operation === 'dictionaries' || operation === 'areas') return NO_DICTIONARIES;
    if (PUBLIC.has(operation)) return null;
    return (await this.isSignedIn()) ? null : (this.options.signInAdvice ?? SIGN_IN_REASON);
  }

  /** Forgets what the transport learned of the account (after signing out or in as someone else). */
  reset(): void {
    this.#applicant = undefined;
    this.#signedIn = undefined;
    this.#chatOfTopic.clear();
  }

  /**
   * Who is signed in: the resume list's owner id, and the names from the list's page or (2026, where
   * the list carries none) from the profile page.
   */
  async me(signal?: AbortSignal): Promise<HhAccount> {
    const { page, url } = await this.#applicantPage(signal, IDENTITY_FRESH_MS);
    const userId = userIdOf(page);
    if (!userId) throw pageChanged(url, 'resume list: no user id (_attributes.user, userNotifications[].userId or account.userId)');
    const account = page.account ?? (await this.#profileAccount(signal));
    if (!account) this.options.log.warn('hh.ru showed no name or email for the account', {});
    return toAccount(account ?? { firstName: '', lastName: '', email: null }, userId);
  }

  async resumes(signal?: AbortSignal): Promise<HhResume[]> {
    const { page } = await this.#applicantPage(signal, IDENTITY_FRESH_MS);
    return page.resumes.map((item) => toResume(item, this.#site));
  }

  /**
   * The resume in full (experience, education, skills, about), in the official API's shape. A page
   * that is missing or not understood is hh_resume_unreadable: letters must say they were written
   * without it, never quietly use the title alone.
   */
  async resume(id: string, signal?: AbortSignal): Promise<WebsiteResumeJson> {
    const hash = await this.#hashOf(id, signal);
    const request = siteRequests.resume(this.#site, hash);
    try {
      const { state, html, url } = await this.#page(request, signal, { applicantOnly: true });
      return parseResumePage(state, extractNamedStates(html, url, RESUME_PROFILE_STATE), request.url);
    } catch (err) {
      if (err instanceof HhError && (err.code === 'not_found' || err.code === 'hh_page_changed')) throw resumeUnreadable(request.url, err);
      throw err;
    }
  }

  async searchVacancies(query: SearchQuery, signal?: AbortSignal): Promise<SearchPage> {
    return this.#search(siteRequests.search(this.#site, query), query, signal);
  }

  /** hh.ru's recommendations for a resume: the search page with `resume=<hash>`. */
  async similarVacancies(resumeId: string, query: SearchQuery, signal?: AbortSignal): Promise<SearchPage> {
    const hash = await this.#hashOf(resumeId, signal);
    return this.#search(siteRequests.search(this.#site, query, hash), query, signal);
  }

  async vacancy(id: string, signal?: AbortSignal): Promise<VacancyFacts> {
    const request = siteRequests.vacancy(this.#site, id);
    let state: PageState;
    try {
      ({ state } = await this.#page(request, signal));
    } catch (err) {
      if (err instanceof HhError && err.code === 'not_found') {
        throw new HhError('hh_vacancy_gone', 'This vacancy is closed or no longer on hh.ru.', err.hh, {
          details: { reason: 'not_found', url: request.url },
        });
      }
      throw err;
    }
    const { view, raw } = parseVacancyPage(state, request.url);
    return vacancyFromView(view, raw, id, this.#site);
  }

  /**
   * Sent once (see ../apply-once.ts). A vacancy applied to on the employer's own site is refused
   * with a bare word ("unknown"); the vacancy page then says where to apply instead.
   */
  async apply(input: ApplyInput, signal?: AbortSignal): Promise<ApplyOutcome> {
    return this.#guard(async () => {
      const resumeHash = input.resumeHash || (await this.#hashOf(input.resumeId, signal));
      this.#refuseUnfinished(resumeHash);
      const fields = { vacancyId: input.vacancyId, resumeHash, letter: input.message };
      const vacancyUrl = `${this.#site}/vacancy/${encodeURIComponent(input.vacancyId)}`;
      let result: { outcome: ApplyOutcome; chatId: string | null };
      try {
        result = await this.client.withXsrf(
          (xsrf) => siteRequests.apply(this.#site, fields, xsrf),
          (request) =>
            applyOnce(
              async () => {
                const { status, body } = await this.client.json(request, signal);
                return readApplyAnswer(status, body, { url: request.url, vacancyUrl });
              },
              () => this.#existingResponse(input.vacancyId, signal),
              (topic) => ({ outcome: { kind: 'applied', negotiationId: topic }, chatId: null }),
            ),
          signal,
        );
      } catch (err) {
        if (!isRefusal(err)) throw err;
        // A bare refusal: the vacancy page says whether it is gone or applied to on the employer's site.
        const vacancy = await this.vacancy(input.vacancyId, signal).catch((failure: unknown) => {
          if (failure instanceof HhError && failure.code === 'hh_vacancy_gone') throw failure;
          return null;
        });
        if (vacancy?.externalUrl) return { kind: 'external', url: vacancy.externalUrl };
        // 2026: "unknown" with the vacancy still there means hh.ru did not take this resume.
        if ((err as HhError).hh.value === 'unknown') {
          throw new HhError(
            'hh_resume_problem',
            'hh.ru did not accept this resume for this vacancy (it may be deleted or unfinished). Pick another resume.',
            (err as HhError).hh,
            {
              next: { kind: 'open_settings', section: 'profile' },
              details: { reason: 'unknown' },
            },
          );
        }
        throw err;
      }
      if (result.outcome.kind === 'applied' && result.outcome.negotiationId && result.chatId)
        this.#chatOfTopic.set(result.outcome.negotiationId, result.chatId);
      return result.outcome;
    });
  }

  /** The responses list, with the rejections only the chat list still shows (2026). */
  async negotiations(page: number, signal?: AbortSignal): Promise<{ items: Negotiation[]; pages: number }> {
    const listed = await this.#responses(page, signal);
    const chats = await this.#chatsBeside(page, signal);
    return { items: withChatStates(listed.items, chats?.items ?? []), pages: Math.max(listed.pages, chats?.pages ?? 0) };
  }

  /** One page of hh.ru's responses list as it is. */
  async #responses(page: number, signal?: AbortSignal): Promise<{ items: Negotiation[]; pages: number }> {
    const request = siteRequests.negotiations(this.#site, page);
    const { state } = await this.#page(request, signal, { applicantOnly: true });
    const list = parseNegotiationsPage(state, request.url);
    for (const topic of list.topicList) if (topic.chatId) this.#chatOfTopic.set(topic.id, topic.chatId);
    return {
      items: list.topicList.map(toNegotiation),
      pages: Math.max(page + (list.topicList.length ? 1 : 0), pagesOf(list.paging, 0, 1, list.topicList.length)),
    };
  }

  /**
   * The chat list's page of the same number, read beside the responses list for the rejections
   * hh.ru moves out of it (2026). A chat server that fails leaves the responses list as it is; a
   * captcha or an ended session stops the read like any other.
   */
  async #chatsBeside(page: number, signal?: AbortSignal): Promise<WebsiteChatPage | null> {
    try {
      return await this.chats(page, signal);
    } catch (err) {
      if (err instanceof HhError && (err.code === 'hh_login_required' || err.code === 'hh_captcha' || err.code === 'hh_csrf')) throw err;
      if (signal?.aborted) throw err;
      this.options.log.warn('the chat list could not be read beside the responses list', {
        code: err instanceof HhError ? err.code : 'internal',
      });
      return null;
    }
  }

  /** The negotiation id is hh.ru's response (topic) id; the chat behind it is found through the responses list. */
  async messages(negotiationId: string, signal?: AbortSignal): Promise<NegotiationMessage[]> {
    const chatId = await this.#chatOf(negotiationId, signal);
    return (await this.chat(chatId, signal)).messages.map(toNegotiationMessage);
  }

  /**
   * Sends a chat message. A resend after a network error or a 5xx carries the same idempotency key,
   * so hh.ru shows the message once. When the employer's last message offers buttons, the text must
   * be exactly one button's text: the caller checks that (chat() shows the buttons).
   */
  async sendMessage(input: SendMessageInput, signal?: AbortSignal): Promise<void> {
    return this.#guard(async () => {
      const chatId = await this.#chatOf(input.negotiationId, signal);
      const { chatik } = await this.#identity(signal);
      const { status, body } = await this.client.withXsrf(
        (xsrf) => siteRequests.sendChatMessage(chatik, { chatId, text: input.text, idempotencyKey: input.idempotencyKey }, xsrf),
        (request) => this.client.json(request, signal),
        signal,
      );
      const word = errorWord(body);
      if (word === undefined && status < 300) return;
      throw sendRefused(status, word ?? String(status));
    });
  }

  /**
   * Raises a resume the way hh.ru's profile page does in 2026 (the resume front end), and the older
   * way where that address is not there. Too soon (409, or the older endpoint's words) says when it
   * may be raised next, as the resume list tells.
   */
  async raiseResume(id: string, signal?: AbortSignal): Promise<void> {
    return this.#guard(async () => {
      const hash = await this.#hashOf(id, signal);
      let response = await this.client.withXsrf(
        (xsrf) => siteRequests.touchResumeProfile(this.#site, hash, xsrf),
        (request) => this.client.send(request, signal),
        signal,
      );
      if (response.status === 404 || response.status === 405) {
        response = await this.client.withXsrf(
          (xsrf) => siteRequests.touchResume(this.#site, hash, xsrf),
          (request) => this.client.send(request, signal),
          signal,
        );
      }
      if (response.status >= 200 && response.status < 300) return;
      const word = errorWord(safeJson(response.text)) ?? String(response.status);
      if (response.status === 429 || response.status === 409 || /limit|early|touch|too/i.test(word)) {
        const next = await this.#nextRaiseAt(hash, signal);
        throw new HhError(
          'hh_rate_limited',
          next ? say('hh.raiseTooSoon', { at: next }) : 'hh.ru lets you raise a resume about every 4 hours. The app will try later.',
          { status: response.status, type: 'website', value: word },
          {
            next: {
              kind: 'retry_later',
              ...(next && { retryAfterSeconds: Math.max(0, Math.ceil((Date.parse(next) - this.#now()) / 1000)) }),
            },
            retryable: true,
            details: { reason: 'touch_limit_exceeded', ...(next && { nextAt: next }) },
          },
        );
      }
      throw new HhError(
        'hh_bad_request',
        say('hh.refusedRaise', { reason: word }),
        { status: response.status, type: 'website', value: word },
        { details: { reason: word } },
      );
    });
  }

  /**
   * hh.ru silently swaps an unfinished resume (`not_finished`) for another one when it is used to
   * apply: the application is refused here instead, by the list this transport last read (the
   * letters check the kept list before they get here, so no request is spent on it).
   */
  #refuseUnfinished(hash: string): void {
    const item = this.#applicant?.page.resumes.find((r) => r._attributes.hash === hash);
    if (item?._attributes.status === 'not_finished') {
      throw new HhError(
        'hh_resume_problem',
        'This resume is not finished on hh.ru, and hh.ru would send another one in its place. Finish it on hh.ru or pick another resume.',
        { status: 0, type: 'website', value: 'not_finished' },
        {
          next: { kind: 'open_settings', section: 'profile' },
          details: { reason: 'not_finished' },
        },
      );
    }
  }

  /** When hh.ru lets this resume be raised again, from a fresh resume list (null when it does not say). */
  async #nextRaiseAt(hash: string, signal?: AbortSignal): Promise<string | null> {
    try {
      const { page } = await this.#applicantPage(signal, 0);
      const item = page.resumes.find((r) => r._attributes.hash === hash);
      return item ? toResume(item, this.#site).nextPublishAt : null;
    } catch {
      return null;
    }
  }

  async hideVacancy(id: string, signal?: AbortSignal): Promise<void> {
    await this.#write((xsrf) => siteRequests.hideVacancy(this.#site, id, xsrf), signal);
  }

  async hideEmployer(id: string, signal?: AbortSignal): Promise<void> {
    await this.#write((xsrf) => siteRequests.hideEmployer(this.#site, id, xsrf), signal);
  }

  async dictionaries(): Promise<Record<string, unknown>> {
    throw noDictionaries();
  }

  async areas(): Promise<unknown[]> {
    throw noDictionaries();
  }

  /** The chat list (chatik), newest first: each chat's last message with its quick-answer buttons. */
  async chats(page: number, signal?: AbortSignal): Promise<WebsiteChatPage> {
    const { chatik, userId } = await this.#identity(signal);
    const xsrf = await this.client.xsrf(signal);
    const request = siteRequests.chats(chatik, page, xsrf);
    const body = await this.#chatik(request, signal);
    const list = parseChatList(body, request.url);
    const items = list.items.map((item) => toChat(item, userId, list.resources));
    for (const chat of items) if (chat.negotiationId) this.#chatOfTopic.set(chat.negotiationId, chat.chatId);
    const more = list.hasNextPage === true ? page + 2 : page + (items.length ? 1 : 0);
    return { items, page: list.page ?? page, pages: list.pages ?? more };
  }

  /** One chat's messages (oldest first, as hh.ru sends them), with buttons and whether the user may write. */
  async chat(chatId: string, signal?: AbortSignal): Promise<WebsiteChatThread> {
    const { chatik, userId } = await this.#identity(signal);
    const xsrf = await this.client.xsrf(signal);
    const request = siteRequests.chatData(chatik, chatId, userId, xsrf);
    const data = parseChatData(await this.#chatik(request, signal), request.url);
    const me = data.chat.currentParticipantId ?? userId;
    return {
      chatId: data.chat.id,
      messages: data.chat.messages.items.map((m) => toChatMessage(m, me)),
      hasMore: data.chat.messages.hasMore,
      canWrite: data.chatStates?.writeMessageState?.allowed ?? true,
    };
  }

  /**
   * Reads every page the app depends on and checks it understands each (./page-check.ts), through
   * the same reads and parsers the work uses.
   */
  checkPages(signal?: AbortSignal): Promise<PageCheck[]> {
    return checkPages({
      resumeList: async () => (await this.#applicantPage(signal, 0)).page,
      resume: (hash) => this.resume(hash, signal),
      search: async (query) => {
        const request = siteRequests.search(this.#site, query);
        const { result, raw, shape } = parseSearchPage((await this.#page(request, signal)).state, request.url);
        return { shape, items: toSearchPage(result, raw, query, this.#site).items };
      },
      vacancy: async (id) => {
        const request = siteRequests.vacancy(this.#site, id);
        return parseVacancyPage((await this.#page(request, signal)).state, request.url).shape;
      },
      responses: () => this.#responses(0, signal),
      chats: () => this.chats(0, signal),
      raw: {
        resumeList: () => this.#rawState(siteRequests.myResumes(this.#site), signal),
        resume: (hash) => this.#rawState(siteRequests.resume(this.#site, hash), signal),
        search: (query) => this.#rawState(siteRequests.search(this.#site, query), signal),
        vacancy: (id) => this.#rawState(siteRequests.vacancy(this.#site, id), signal),
        responses: () => this.#rawState(siteRequests.negotiations(this.#site, 0), signal),
        chats: async () => {
          const { chatik } = await this.#identity(signal);
          return (
            await this.client.withXsrf(
              (xsrf) => siteRequests.chats(chatik, 0, xsrf),
              (request) => this.client.json(request, signal),
              signal,
            )
          ).body;
        },
      },
    });
  }

  /** A page's state as it came (no parser), for its keys when the parser did not understand it. */
  async #rawState(request: SiteRequest, signal?: AbortSignal): Promise<unknown> {
    const response = await this.client.send(request, signal);
    try {
      return extractPageState(response.text, request.url);
    } catch {
      return { html: 'no HH-Lux-InitialState' };
    }
  }

  // ---------- internals ----------

  /** A login redirect anywhere means the session ended: the next capability check says so without asking. */
  async #guard<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (err) {
      if (err instanceof HhError && err.code === 'hh_login_required') {
        this.#signedIn = { value: false, at: this.#now() };
        this.#applicant = undefined;
      }
      throw err;
    }
  }

  async #page(
    request: SiteRequest,
    signal?: AbortSignal,
    options: { applicantOnly?: boolean } = {},
  ): Promise<{ state: PageState; url: string; html: string }> {
    return this.#guard(async () => {
      const result = await this.client.page(request, signal);
      // Pages that need a signed-in applicant say who is looking; anyone else is not the user's session.
      const userType = result.state.userType;
      if (options.applicantOnly && typeof userType === 'string' && userType !== 'applicant') throw loginRequired(request.url, 200);
      return result;
    });
  }

  async #search(request: SiteRequest, query: SearchQuery, signal?: AbortSignal): Promise<SearchPage> {
    const { state } = await this.#page(request, signal);
    const { result, raw } = parseSearchPage(state, request.url);
    return toSearchPage(result, raw, query, this.#site);
  }

  /** The resumes page: identity, resumes, chat ids. Concurrent callers share one request. */
  async #applicantPage(signal?: AbortSignal, maxAgeMs = 0): Promise<{ page: ApplicantPage; url: string }> {
    if (this.#applicant && this.#now() - this.#applicant.at <= maxAgeMs) return this.#applicant;
    this.#loadingApplicant ??= (async () => {
      try {
        const { page, url } = await this.#readResumeList(signal);
        this.#applicant = { page, url, at: this.#now() };
        this.#signedIn = { value: true, at: this.#now() };
        return this.#applicant;
      } finally {
        this.#loadingApplicant = undefined;
      }
    })();
    return this.#loadingApplicant;
  }

  /** The resume list where this account has it (./resume-list.ts). */
  #readResumeList(signal?: AbortSignal): Promise<{ page: ApplicantPage; url: string }> {
    return readResumeList(this.#listReads(signal));
  }

  /** The account's names from the profile page (2026), or null when it shows none. */
  #profileAccount(signal?: AbortSignal): Promise<ApplicantPage['account']> {
    return readProfileAccount(this.#listReads(signal));
  }

  #listReads(signal?: AbortSignal): ListReads {
    return { site: this.#site, log: this.options.log, page: (request) => this.#page(request, signal, { applicantOnly: true }) };
  }

  /**
   * Asks hh.ru at most every signedInTtlMs. Only a login redirect means "not signed in": a captcha or
   * a network error is reported by the operation itself, with its own next step.
   */
  async isSignedIn(options: { fresh?: boolean } = {}): Promise<boolean> {
    const ttl = this.options.signedInTtlMs ?? 5 * 60_000;
    if (!options.fresh && this.#signedIn && this.#now() - this.#signedIn.at < ttl) return this.#signedIn.value;
    try {
      await this.#applicantPage(undefined, 0);
      return true;
    } catch (err) {
      if (!(err instanceof HhError) || err.code !== 'hh_login_required') return true;
      this.#signedIn = { value: false, at: this.#now() };
      return false;
    }
  }

  /** The user's chat participant id and the chat server: learned once from the resumes page. */
  async #identity(signal?: AbortSignal): Promise<{ userId: string; chatik: string }> {
    const { page, url } = this.#applicant ?? (await this.#applicantPage(signal));
    const userId = userIdOf(page);
    if (!userId) throw pageChanged(url, 'resume list: no user id (_attributes.user, userNotifications[].userId or account.userId)');
    return { userId, chatik: this.#chatikOrigin(page.chatikOrigin) };
  }

  /**
   * The chat server's origin from the page, but only on hh.ru itself: the session's token is sent
   * there. Without one: chatik.hh.ru for hh.ru, the site itself for anything else (a proxy, a fake).
   */
  #chatikOrigin(fromPage: string | null | undefined): string {
    if (fromPage) {
      try {
        const origin = new URL(fromPage).origin;
        if (isSameSite(origin, this.#site)) return origin;
      } catch {
        // falls through to the default
      }
      this.options.log.warn('ignored a chat server outside hh.ru', { origin: fromPage });
    }
    const host = new URL(this.#site).hostname;
    return host === 'hh.ru' || host.endsWith('.hh.ru') ? 'https://chatik.hh.ru' : this.#site;
  }

  /** The website's hash for an app resume id (or the hash itself). */
  async #hashOf(id: string, signal?: AbortSignal): Promise<string> {
    const find = (page: ApplicantPage) => page.resumes.find((r) => r._attributes.id === id || r._attributes.hash === id)?._attributes.hash;
    const known = this.#applicant && find(this.#applicant.page);
    if (known) return known;
    const fresh = find((await this.#applicantPage(signal, 0)).page);
    if (fresh) return fresh;
    throw new HhError(
      'hh_resume_problem',
      'hh.ru does not list this resume among yours any more. Pick another resume.',
      { status: 0, type: 'website', value: 'resume_not_found' },
      {
        details: { reason: 'resume_not_found' },
      },
    );
  }

  /** The chat of a response: known from earlier lists, else looked up in the responses list. */
  async #chatOf(negotiationId: string, signal?: AbortSignal): Promise<string> {
    for (let page = 0; !this.#chatOfTopic.has(negotiationId) && page < TOPIC_SEARCH_PAGES; page += 1) {
      const { pages } = await this.negotiations(page, signal);
      if (page + 1 >= pages) break;
    }
    const chatId = this.#chatOfTopic.get(negotiationId);
    if (chatId) return chatId;
    throw new HhError(
      'not_found',
      'hh.ru has no chat for this response (it may have been deleted).',
      { status: 0, type: 'website', value: 'chat_not_found' },
      {
        details: { reason: 'chat_not_found' },
      },
    );
  }

  /** The response hh.ru already has for a vacancy (newest responses come first), or null. */
  async #existingResponse(vacancyId: string, signal?: AbortSignal): Promise<string | null> {
    const { items } = await this.#responses(0, signal);
    return items.find((n) => n.vacancyId === vacancyId)?.id ?? null;
  }

  async #chatik(request: SiteRequest, signal?: AbortSignal): Promise<unknown> {
    return this.#guard(async () => {
      const { status, body } = await this.client.json(request, signal);
      if (status >= 200 && status < 300) return body;
      const word = errorWord(body) ?? String(status);
      throw new HhError(
        status === 404 ? 'not_found' : 'hh_bad_request',
        say('hh.refusedChat', { reason: word }),
        { status, type: 'website', value: word },
        { details: { reason: word, url: request.url } },
      );
    });
  }

  async #write(build: (xsrf: string) => SiteRequest, signal?: AbortSignal): Promise<void> {
    return this.#guard(async () => {
      const response = await this.client.withXsrf(build, (request) => this.client.send(request, signal), signal);
      if (response.status >= 200 && response.status < 300) return;
      const word = errorWord(safeJson(response.text)) ?? String(response.status);
      throw new HhError(
        'hh_bad_request',
        say('hh.refused', { reason: word }),
        { status: response.status, type: 'website', value: word },
        { details: { reason: word } },
      );
    });
  }
}

/** hh.ru refused the application with a word the app has no meaning for. */
const isRefusal = (err: unknown) => err instanceof HhError && err.code === 'hh_bad_request' && err.hh.type === 'website';

const safeJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

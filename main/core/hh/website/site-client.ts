import type { Logger } from '../../ports';
import { HhError, hhNetworkError } from '../errors';
import { createPacer, type Pacer } from '../http/pacer';
import { defaultRetryPolicy, withRetry, type RetryPolicy } from '../http/retry';
import { abortableSleep, defaultSlowDown, retryAfterMs, slowDownWait, type SlowDownPolicy } from '../http/slow-down';
import { csrfRefused, captchaRequired, loginRequired, noXsrfCookie, pageChanged } from './errors';
import { blockedByContent, blockedByRedirect, extractPageState, readPageState, type PageState } from './page-state';
import { siteRequests, type SiteRequest } from './requests';
import { siteBase } from './site';
import type { WebResponse, WebSession } from './web-session';
import { say } from '../../errors';

export interface SiteClientOptions {
  session: WebSession;
  /** hh.ru's site (a test fake may stand in). */
  siteUrl: string;
  log: Logger;
  /** At least this long between any two requests (default 1000 ms, as tools that kept accounts healthy). */
  minIntervalMs?: number;
  jitterMs?: number;
  /** Share one pacer with other users of the same session; replaces minIntervalMs. */
  pacer?: Pacer;
  /** Per request (default 20 s). */
  timeoutMs?: number;
  /** For requests safe to resend: network errors and 5xx only. */
  retry?: RetryPolicy;
  sleep?: (ms: number) => Promise<void>;
  /** hh.ru's 429 on a request safe to resend: how long and how often to wait (see ../http/slow-down.ts). */
  slowDown?: SlowDownPolicy;
  /** Told when the app starts waiting because hh.ru asked it to slow down (epoch ms it waits until), and `null` when the wait ends. */
  onSlowDown?: (untilMs: number | null) => void;
  now?: () => number;
}

const TRANSIENT = new Set(['hh_network', 'hh_timeout', 'hh_unavailable']);
const isTransient = (err: unknown) => err instanceof HhError && TRANSIENT.has(err.code);
/** hh.ru's 429 (not its 4-hour rule for raising, which answers 409 and waits for the next run). */
const isSlowDown = (err: unknown): err is HhError => err instanceof HhError && err.code === 'hh_rate_limited' && err.hh.status === 429;
const MAX_REDIRECTS = 3;

/** The registrable part of a host name (hh.ru for chatik.hh.ru); an IP address or a single label stands for itself. */
const siteDomain = (host: string) =>
  /^[\d.]+$/.test(host) || host.includes(':') || !host.includes('.') ? host : host.split('.').slice(-2).join('.');

/** hh.ru itself or one of its subdomains (regional sites, chatik): where the session's cookies and token may go. */
export function isSameSite(url: string, siteUrl: string): boolean {
  try {
    const host = new URL(url).hostname.toLowerCase();
    const siteHost = new URL(siteUrl).hostname.toLowerCase();
    const domain = siteDomain(siteHost);
    return host === siteHost || host === domain || host.endsWith(`.${domain}`);
  } catch {
    return false;
  }
}

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

const isObject = (value: unknown): value is Record<string, unknown> => Boolean(value) && typeof value === 'object' && !Array.isArray(value);

/** hh.ru's CSRF refusal carries `errorPage.xsrfError`, as JSON or in an error page's state. */
function isXsrfFailure(response: WebResponse): boolean {
  if (!response.text.includes('xsrfError')) return false;
  let state: unknown = parseJson(response.text);
  if (state === undefined) {
    try {
      state = extractPageState(response.text, response.url);
    } catch {
      return false;
    }
  }
  const errorPage = isObject(state) ? state.errorPage : undefined;
  return isObject(errorPage) && Boolean(errorPage.xsrfError) && errorPage.xsrfError !== 'false';
}

/** api.hh.ru-style `{errors: [{value: 'captcha_required', captcha_url}]}`. */
function captchaInJson(body: unknown): string | undefined | null {
  const first = isObject(body) && Array.isArray(body.errors) ? (body.errors[0] as Record<string, unknown> | undefined) : undefined;
  if (!first || (first.value !== 'captcha_required' && first.type !== 'captcha_required')) return null;
  return typeof first.captcha_url === 'string' ? first.captcha_url : undefined;
}

/**
 * The one way to hh.ru's website: every request paced (>= 1 s apart by default), timed out, resent
 * after network errors and 5xx only when safe, and every answer that means "not signed in",
 * "captcha", "session protection" or "the site is down" turned into a typed error. Cookies never
 * leave the session: nothing here logs or reports a header or a body.
 */
export class SiteClient {
  readonly site: string;
  readonly #pacer: Pacer;
  readonly #timeoutMs: number;
  readonly #retry: RetryPolicy;

  constructor(private readonly options: SiteClientOptions) {
    // The path is kept: an hh.ru served under a prefix (a proxy, a fake) works as well.
    this.site = siteBase(options.siteUrl);
    this.#pacer = options.pacer ?? createPacer({ minIntervalMs: options.minIntervalMs ?? 1000, jitterMs: options.jitterMs });
    this.#timeoutMs = options.timeoutMs ?? 20_000;
    this.#retry = options.retry ?? defaultRetryPolicy;
  }

  /**
   * Sends one request, resending it when it is safe to: after transient failures (the retry policy),
   * and after hh.ru's "slow down" (429), waiting as hh.ru says and saying so meanwhile.
   */
  async send(request: SiteRequest, signal?: AbortSignal): Promise<WebResponse> {
    if (request.resend === 'once') return this.#follow(request, signal);
    const policy = this.options.slowDown ?? defaultSlowDown;
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await withRetry(() => this.#follow(request, signal), {
          policy: this.#retry,
          shouldRetry: isTransient,
          signal,
          sleep: this.options.sleep,
        });
      } catch (err) {
        if (!isSlowDown(err) || attempt >= policy.retries || signal?.aborted) throw err;
        const asked = err.details?.retryAfterMs ? Number(err.details.retryAfterMs) : undefined;
        const wait = slowDownWait(attempt, policy, asked);
        this.options.log.warn('hh.ru asked the app to slow down; waiting before trying again', {
          request: request.name,
          waitMs: wait,
          attempt: attempt + 1,
        });
        this.options.onSlowDown?.((this.options.now ?? Date.now)() + wait);
        try {
          await (this.options.sleep ? this.options.sleep(wait) : abortableSleep(wait, signal));
        } finally {
          this.options.onSlowDown?.(null);
        }
      }
    }
  }

  /**
   * A page's state (and its HTML, for the other states some pages carry); 404 means the thing is
   * gone, any other status is a refusal.
   */
  async page(request: SiteRequest, signal?: AbortSignal): Promise<{ state: PageState; url: string; html: string }> {
    const response = await this.send(request, signal);
    if (response.status === 404) {
      throw new HhError(
        'not_found',
        'hh.ru has no such page any more.',
        { status: 404, type: 'website', value: 'not_found' },
        { details: { reason: 'not_found', url: request.url } },
      );
    }
    if (response.status !== 200) throw this.#refused(request, response);
    try {
      return { state: readPageState(response, request.url), url: response.url || request.url, html: response.text };
    } catch (err) {
      throw err instanceof HhError ? this.#failed(request, err) : err;
    }
  }

  /** A JSON answer of any status (the caller reads hh.ru's error words); an HTML answer is a captcha, the login form, or a changed site. */
  async json(request: SiteRequest, signal?: AbortSignal): Promise<{ status: number; body: unknown }> {
    const response = await this.send(request, signal);
    const body = parseJson(response.text);
    if (body === undefined) {
      if (response.text.trim() === '' && response.status < 300) return { status: response.status, body: {} };
      throw this.#failed(
        request,
        blockedByContent(response, request.url) ?? pageChanged(request.url, `${request.name}: the answer is not JSON`, response.status),
      );
    }
    return { status: response.status, body };
  }

  /**
   * For a write: reads the session's `_xsrf` cookie (never a token from a page: it changes per load)
   * and builds the request with it. hh.ru may renew the cookie with a refusal; then the request is
   * tried once more with the new one (a refused request did nothing, so this cannot act twice).
   */
  async withXsrf<T>(build: (xsrf: string) => SiteRequest, run: (request: SiteRequest) => Promise<T>, signal?: AbortSignal): Promise<T> {
    const xsrf = await this.xsrf(signal);
    try {
      return await run(build(xsrf));
    } catch (err) {
      if (!(err instanceof HhError) || err.code !== 'hh_csrf') throw err;
      const fresh = await this.options.session.cookie('_xsrf');
      if (!fresh || fresh === xsrf) throw err;
      this.options.log.warn('hh.ru renewed its session protection token; trying once more', {});
      return run(build(fresh));
    }
  }

  async xsrf(signal?: AbortSignal): Promise<string> {
    const existing = await this.options.session.cookie('_xsrf');
    if (existing) return existing;
    // Any page sets it: a session exported without it gets one from the home page.
    await this.send(siteRequests.home(this.site), signal);
    const fresh = await this.options.session.cookie('_xsrf');
    if (!fresh) throw noXsrfCookie(this.site);
    return fresh;
  }

  #refused(request: SiteRequest, response: WebResponse): HhError {
    const error =
      response.status === 429
        ? new HhError(
            'hh_rate_limited',
            'hh.ru asks the app to slow down. It will try again shortly.',
            { status: 429, type: 'website' },
            { next: { kind: 'retry_later' }, retryable: true, details: { url: request.url } },
          )
        : new HhError(
            'hh_bad_request',
            say('hh.refused', { reason: `${request.name}, HTTP ${response.status}` }),
            { status: response.status, type: 'website' },
            { details: { reason: String(response.status), url: request.url } },
          );
    this.#warn(request, error);
    return error;
  }

  /** Redirects that are not a login or captcha (a regional host, a trailing slash) are followed for reads, on hh.ru only. */
  async #follow(request: SiteRequest, signal?: AbortSignal): Promise<WebResponse> {
    let current = request;
    for (let hop = 0; ; hop += 1) {
      const response = await this.#once(current, signal);
      const location = response.status >= 300 && response.status < 400 ? response.headers.location : undefined;
      if (!location) return response;
      const target = new URL(location, current.url).toString();
      if (current.method !== 'GET' || hop >= MAX_REDIRECTS || !isSameSite(target, this.site)) {
        throw this.#failed(current, pageChanged(request.url, `${request.name}: unexpected redirect`, response.status));
      }
      current = { ...current, url: target };
    }
  }

  async #once(request: SiteRequest, signal?: AbortSignal): Promise<WebResponse> {
    await this.#pacer.wait(signal);
    const timeout = AbortSignal.timeout(this.#timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    let response: WebResponse;
    try {
      response = await this.options.session.request(request.method, request.url, {
        headers: request.headers,
        form: request.form,
        multipart: request.multipart,
        json: request.json,
        redirect: 'manual',
        signal: combined,
        timeoutMs: this.#timeoutMs,
      });
    } catch (err) {
      if (signal?.aborted) throw signal.reason ?? err;
      const timedOut = timeout.aborted || (err as Error | undefined)?.name === 'TimeoutError';
      throw this.#failed(request, hhNetworkError(timedOut, err));
    }
    const problem = this.#problem(request, response);
    if (problem) throw this.#failed(request, problem);
    return response;
  }

  /** What an answer means beyond its content: a captcha, the login form, a CSRF refusal, a broken server. */
  #problem(request: SiteRequest, response: WebResponse): HhError | undefined {
    const redirect = blockedByRedirect(response, request.url);
    if (redirect) return redirect;
    if (isXsrfFailure(response)) return csrfRefused(request.url, response.status);
    if (response.status < 400) return undefined;
    const captchaUrl = captchaInJson(parseJson(response.text));
    if (captchaUrl !== null) return captchaRequired(captchaUrl ?? request.url, request.url, response.status);
    if (response.status === 403 || response.status === 429 || response.status >= 500) {
      const blocked = blockedByContent(response, request.url);
      if (blocked) return blocked;
    }
    if (response.status === 401) return loginRequired(request.url, 401);
    if (response.status === 429) return this.#slowDown(request, response);
    if (response.status >= 500) {
      return new HhError(
        'hh_unavailable',
        'hh.ru is not answering properly right now. The app will try again.',
        { status: response.status, type: 'website' },
        { retryable: true, details: { url: request.url } },
      );
    }
    return undefined;
  }

  /** hh.ru's "slow down", with the wait it asked for (Retry-After), if it named one. */
  #slowDown(request: SiteRequest, response: WebResponse): HhError {
    const asked = retryAfterMs(response.headers['retry-after'], (this.options.now ?? Date.now)());
    return new HhError(
      'hh_rate_limited',
      'hh.ru asks the app to slow down. It will try again shortly.',
      { status: 429, type: 'website' },
      {
        next: { kind: 'retry_later', ...(asked !== undefined && { retryAfterSeconds: Math.ceil(asked / 1000) }) },
        retryable: true,
        details: { url: request.url, ...(asked !== undefined && { retryAfterMs: String(asked) }) },
      },
    );
  }

  #failed(request: SiteRequest, error: HhError): HhError {
    this.#warn(request, error);
    return error;
  }

  #warn(request: SiteRequest, error: HhError) {
    // The address and the code only: headers and bodies carry the session's cookies and token.
    this.options.log.warn('hh.ru website request failed', {
      request: request.name,
      method: request.method,
      url: request.url,
      status: error.hh.status,
      code: error.code,
    });
  }
}

import axios, { type AxiosError, type AxiosInstance, type AxiosResponse } from 'axios';
import type { Logger } from '../../ports';
import { hhMalformed, hhNetworkError, toHhError, type HhError } from '../errors';
import type { Pacer } from './pacer';
import { defaultRetryPolicy, withRetry, type RetryPolicy } from './retry';

export interface HhHttpConfig {
  baseUrl: string;
  /** `AIAutoApplier/<version> (<contact email>)`: hh.ru refuses requests without one. */
  userAgent: () => string;
  timeoutMs: number;
  pacer: Pacer;
  retry?: RetryPolicy;
  log: Logger;
}

export type HhBody =
  | { kind: 'form'; fields: Record<string, string> }
  | { kind: 'multipart'; fields: Record<string, string> }
  | { kind: 'json'; value: unknown };

export interface HhRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  query?: Record<string, string | number | boolean | (string | number)[] | undefined>;
  body?: HhBody;
  bearer?: string;
  signal?: AbortSignal;
  /** Where the user returns after solving a captcha for this request. */
  backurl?: string;
  /** 'once': never resent after a network error or a 5xx (applying: a second POST could apply twice). */
  resend?: 'once';
}

export interface HhResponse<T = unknown> {
  status: number;
  data: T;
  location?: string;
}

/** 5xx, timeouts and dropped connections are worth another try; a 4xx is hh.ru's considered answer. */
const retryable = (err: unknown) =>
  (err as HhError | undefined)?.retryable === true &&
  (err as HhError).code !== 'hh_limit_exceeded' &&
  (err as HhError).code !== 'hh_rate_limited';

const encodeBody = (body: HhBody | undefined): { data?: unknown; headers: Record<string, string> } => {
  if (!body) return { headers: {} };
  if (body.kind === 'form')
    return { data: new URLSearchParams(body.fields).toString(), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } };
  if (body.kind === 'json') return { data: JSON.stringify(body.value), headers: { 'Content-Type': 'application/json' } };
  const form = new FormData();
  for (const [key, value] of Object.entries(body.fields)) form.append(key, value);
  return { data: form, headers: {} };
};

/**
 * The one HTTP client for api.hh.ru and its OAuth endpoints: user agent, pacing, per-request
 * timeout, retries with backoff on network errors and 5xx (never on 4xx), and every failure turned
 * into a typed HhError. Redirects are not followed: a 303 from apply means "apply on the employer's site".
 */
export class HhHttp {
  readonly #axios: AxiosInstance;

  constructor(private readonly config: HhHttpConfig) {
    this.#axios = axios.create({
      baseURL: config.baseUrl,
      timeout: config.timeoutMs,
      maxRedirects: 0,
      validateStatus: () => true,
      responseType: 'text',
      transformResponse: [(data: unknown) => data],
      paramsSerializer: { indexes: null },
      headers: { Accept: 'application/json' },
    });
  }

  async request<T = unknown>(request: HhRequest): Promise<HhResponse<T>> {
    if (request.resend === 'once') return this.#once<T>(request);
    return withRetry(() => this.#once<T>(request), {
      policy: this.config.retry ?? defaultRetryPolicy,
      shouldRetry: retryable,
      signal: request.signal,
    });
  }

  async #once<T>(request: HhRequest): Promise<HhResponse<T>> {
    await this.config.pacer.wait(request.signal);
    const { data, headers } = encodeBody(request.body);
    let response: AxiosResponse<string>;
    try {
      response = await this.#axios.request<string>({
        method: request.method,
        url: request.path,
        params: request.query,
        data,
        signal: request.signal,
        headers: {
          ...headers,
          'HH-User-Agent': this.config.userAgent(),
          'User-Agent': this.config.userAgent(),
          ...(request.bearer && { Authorization: `Bearer ${request.bearer}` }),
        },
      });
    } catch (err) {
      if (request.signal?.aborted) throw err;
      const code = (err as AxiosError).code;
      throw hhNetworkError(code === 'ECONNABORTED' || code === 'ETIMEDOUT', err);
    }
    const text = response.data ?? '';
    let parsed: unknown = undefined;
    if (text.length > 0) {
      try {
        parsed = JSON.parse(text);
      } catch {
        if (response.status < 300 || response.status >= 500) {
          if (response.status >= 500) throw toHhError(response.status, undefined);
          throw hhMalformed(response.status);
        }
      }
    }
    const location = typeof response.headers.location === 'string' ? response.headers.location : undefined;
    if (response.status >= 400) {
      const error = toHhError(response.status, parsed, { backurl: request.backurl });
      this.config.log.warn('hh.ru answered with an error', {
        method: request.method,
        path: request.path,
        status: response.status,
        code: error.code,
        hh: error.hh,
      });
      throw error;
    }
    return { status: response.status, data: parsed as T, ...(location && { location }) };
  }
}

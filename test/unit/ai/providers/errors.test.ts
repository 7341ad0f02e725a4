import { describe, expect, it } from 'vitest';
import {
  AiError,
  errorCodes,
  fromGigaChatOAuth,
  fromStatus,
  fromTransport,
  parseRetryAfter,
  serverReason,
  type Service,
} from '../../../../main/core/ai/providers/errors';
import { defaultAiRetryPolicy, retryDelay } from '../../../../main/core/ai/providers/retry';
import { withDeadline } from '../../../../main/core/ai/providers/deadline';

const openai: Service = { provider: 'openai', name: 'The AI service at api.example.com', host: 'api.example.com' };
const gigachat: Service = { provider: 'gigachat', name: 'GigaChat', host: 'gigachat.devices.sberbank.ru' };
const headers =
  (values: Record<string, string> = {}) =>
  (name: string) =>
    values[name];

describe('Retry-After', () => {
  it('reads seconds, HTTP dates and retry-after-ms', () => {
    const now = Date.parse('2026-03-01T10:00:00Z');
    expect(parseRetryAfter(headers({ 'retry-after': '7' }), now)).toBe(7_000);
    expect(parseRetryAfter(headers({ 'retry-after': '1.5' }), now)).toBe(1_500);
    expect(parseRetryAfter(headers({ 'retry-after': 'Sun, 01 Mar 2026 10:00:20 GMT' }), now)).toBe(20_000);
    expect(parseRetryAfter(headers({ 'retry-after': 'Sun, 01 Mar 2026 09:00:00 GMT' }), now)).toBe(0);
    expect(parseRetryAfter(headers({ 'retry-after-ms': '250', 'retry-after': '9' }), now)).toBe(250);
    expect(parseRetryAfter(headers({ 'retry-after': 'soon' }), now)).toBeUndefined();
    expect(parseRetryAfter(headers(), now)).toBeUndefined();
  });
});

describe('status mapping', () => {
  const map = (status: number, body: unknown = {}, h = headers(), service = openai) =>
    fromStatus(service, status, body, h, { endpoint: 'chat', model: 'm1' });

  it.each([
    [401, 'ai_bad_key', 'open_settings'],
    [403, 'ai_bad_key', 'open_settings'],
    [402, 'ai_quota_exhausted', 'open_settings'],
    [404, 'ai_model_unavailable', 'open_settings'],
    [408, 'ai_timeout', 'retry_later'],
    [400, 'ai_bad_request', 'open_settings'],
    [422, 'ai_bad_request', 'open_settings'],
    [413, 'ai_bad_request', 'fix_input'],
    [429, 'ai_rate_limited', 'retry_later'],
    [500, 'ai_unavailable', 'retry_later'],
    [504, 'ai_unavailable', 'retry_later'],
  ])('%i is %s (next: %s)', (status, code, next) => {
    const err = map(status);
    expect(err).toBeInstanceOf(AiError);
    expect(err.code).toBe(code);
    expect(err.next?.kind).toBe(next);
    expect(err.message).toMatch(/^[A-Z].*\.$/);
  });

  it('an unknown model reported as a 400 is still ai_model_unavailable (Ollama, LM Studio)', () => {
    expect(map(400, { error: "model 'llama9' not found, try pulling it first" }).code).toBe('ai_model_unavailable');
    expect(map(400, { error: { message: 'x', code: 'model_not_found' } }).code).toBe('ai_model_unavailable');
  });

  it('a 401 without any stored key asks for one', () => {
    expect(fromStatus(openai, 401, {}, headers(), { endpoint: 'chat', hasKey: false }).code).toBe('ai_not_configured');
  });

  it('never quotes the reason a 401 came with (it may hold part of the key)', () => {
    const err = map(401, { error: { message: 'Incorrect API key provided: abc' } });
    expect(err.details).toEqual({ status: '401' });
  });

  it('GigaChat OAuth codes: 4/6 bad key, 5/7 scope', () => {
    expect(fromGigaChatOAuth(gigachat, 400, { code: 4, message: "Can't decode 'Authorization' header" }, headers()).code).toBe(
      'ai_bad_key',
    );
    expect(fromGigaChatOAuth(gigachat, 401, { code: 6, message: "credentials doesn't match db data" }, headers()).code).toBe('ai_bad_key');
    expect(fromGigaChatOAuth(gigachat, 400, { code: 5, message: 'scope is empty' }, headers()).code).toBe('ai_bad_request');
    expect(fromGigaChatOAuth(gigachat, 400, { code: 7, message: 'scope from db not fully includes consumed scope' }, headers()).code).toBe(
      'ai_bad_request',
    );
    expect(fromGigaChatOAuth(gigachat, 503, {}, headers()).code).toBe('ai_unavailable');
  });
});

describe('server reasons', () => {
  it('finds the message in GigaChat, OpenAI, Ollama and FastAPI shapes, short and on one line', () => {
    expect(serverReason({ status: 400, message: 'Bad\n  request' })).toBe('Bad request');
    expect(serverReason({ error: { message: 'nope', type: 'x' } })).toBe('nope');
    expect(serverReason({ error: 'model not found' })).toBe('model not found');
    expect(serverReason({ detail: 'Field required' })).toBe('Field required');
    expect(serverReason('x'.repeat(500))!.length).toBe(200);
    expect(serverReason({})).toBeUndefined();
  });

  it('cuts out known secrets and anything that looks like a key or token', () => {
    const service = { secrets: () => ['my-secret-value', undefined] };
    expect(serverReason({ message: 'got my-secret-value twice: my-secret-value' }, service)).toBe('got [hidden] twice: [hidden]');
    expect(serverReason({ message: 'Authorization: Bearer eyJhbGciOi.abc.def' })).toBe('Authorization: Bearer [hidden]');
    expect(serverReason({ message: 'Incorrect API key provided: sk-proj-ab***yz.' })).toBe('Incorrect API key provided: [hidden].');
    expect(serverReason({ message: `token ${'a1'.repeat(30)} rejected` })).toBe('token [hidden] rejected');
    expect(serverReason({ message: 'max_tokens must be at most 4096' })).toBe('max_tokens must be at most 4096');
  });
});

describe('transport mapping', () => {
  const fetchFailed = (code: string) => Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('x'), { code }) });

  it('finds codes along the cause chain, including AggregateError', () => {
    const aggregate = Object.assign(new AggregateError([Object.assign(new Error('a'), { code: 'ECONNREFUSED' })], 'x'), {
      code: 'ECONNREFUSED',
    });
    expect(errorCodes(new TypeError('fetch failed', { cause: aggregate }))).toEqual(['ECONNREFUSED', 'ECONNREFUSED']);
  });

  it.each([
    ['SELF_SIGNED_CERT_IN_CHAIN', 'ai_tls', /signed by an authority this app does not trust/],
    ['CERT_HAS_EXPIRED', 'ai_tls', /expired/],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'ai_tls', /issued for another address/],
    ['ECONNREFUSED', 'ai_network', /Nothing answers at api\.example\.com/],
    ['ENOTFOUND', 'ai_network', /could not be found/],
    ['ECONNRESET', 'ai_network', /cut off/],
    ['UND_ERR_SOCKET', 'ai_network', /cut off/],
    ['EWHATEVER', 'ai_network', /could not be reached/],
  ])('%s is %s', (code, expected, message) => {
    const err = fromTransport(openai, fetchFailed(code), 'chat');
    expect(err.code).toBe(expected);
    expect(err.message).toMatch(message);
    expect(err.next).toBeDefined();
  });

  it('GigaChat TLS failures point at the CA file setting', () => {
    expect(fromTransport(gigachat, fetchFailed('SELF_SIGNED_CERT_IN_CHAIN'), 'oauth').message).toMatch(
      /Russian Trusted Root CA.*CA certificate file in Settings → AI/,
    );
  });
});

describe('retry policy', () => {
  const err = (code: ConstructorParameters<typeof AiError>[0], retryAfterMs?: number) =>
    new AiError(code, 'x', { provider: 'openai', retryAfterMs });
  const half = () => 0.5;

  it('retries rate limits, 5xx and network errors with exponential backoff and jitter, twice at most', () => {
    expect(retryDelay(err('ai_unavailable'), 0, defaultAiRetryPolicy, half)).toBe(375);
    expect(retryDelay(err('ai_network'), 1, defaultAiRetryPolicy, half)).toBe(750);
    expect(retryDelay(err('ai_rate_limited'), 1, defaultAiRetryPolicy, () => 0)).toBe(500);
    expect(retryDelay(err('ai_unavailable'), 2, defaultAiRetryPolicy, half)).toBeUndefined();
  });

  it('honours Retry-After up to the 30 s cap, and gives up beyond it', () => {
    expect(retryDelay(err('ai_rate_limited', 12_000), 0, defaultAiRetryPolicy)).toBe(12_000);
    expect(retryDelay(err('ai_rate_limited', 30_000), 0, defaultAiRetryPolicy)).toBe(30_000);
    expect(retryDelay(err('ai_rate_limited', 30_001), 0, defaultAiRetryPolicy)).toBeUndefined();
  });

  it.each([
    'ai_bad_key',
    'ai_quota_exhausted',
    'ai_bad_request',
    'ai_refused',
    'ai_timeout',
    'ai_tls',
    'ai_model_unavailable',
    'ai_not_configured',
  ] as const)('never retries %s', (code) => {
    expect(retryDelay(err(code), 0, defaultAiRetryPolicy)).toBeUndefined();
  });

  it('never retries what is not an AiError (a bug, or the caller aborting)', () => {
    expect(retryDelay(new Error('x'), 0, defaultAiRetryPolicy)).toBeUndefined();
  });
});

describe('withDeadline', () => {
  const never = () => new Promise<never>(() => {});

  it('tells the caller abort (its own reason) from the deadline (onTimeout)', async () => {
    await expect(withDeadline(20, undefined, never, () => new Error('late'))).rejects.toThrow('late');
    const controller = new AbortController();
    const pending = withDeadline(5_000, controller.signal, never, () => new Error('late'));
    controller.abort(new Error('mine'));
    await expect(pending).rejects.toThrow('mine');
  });

  it('aborts the signal it hands to the work', async () => {
    let seen: AbortSignal | undefined;
    await withDeadline(
      20,
      undefined,
      (signal) => ((seen = signal), never()),
      () => new Error('late'),
    ).catch(() => {});
    expect(seen?.aborted).toBe(true);
  });

  it('passes results and other failures through', async () => {
    expect(
      await withDeadline(
        1_000,
        undefined,
        async () => 42,
        () => new Error('late'),
      ),
    ).toBe(42);
    await expect(
      withDeadline(
        1_000,
        undefined,
        async () => Promise.reject(new Error('own')),
        () => new Error('late'),
      ),
    ).rejects.toThrow('own');
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TextProvider } from '../../../../main/core/ai/provider';
import { createGigaChatProvider, createOpenAiProvider, type ProviderDeps } from '../../../../main/core/ai/providers';
import { AiError } from '../../../../main/core/ai/providers/errors';
import { startFakeGigaChat, startFakeOpenAi, testDeps, type Behaviour, type CapturedLog } from '../../../fakes/ai';
import { freePort } from '../../../support/net';
import { patience } from '../../../support/wait';

const KEY = Buffer.from('client-id-e77:client-secret-e88').toString('base64');
const OPENAI_KEY = 'sk-test-errors-0123456789';
const user = [{ role: 'user' as const, content: 'Backend developer' }];

interface Harness {
  name: 'gigachat' | 'openai';
  provider: TextProvider;
  deps: ProviderDeps & { log: CapturedLog };
  enqueue(...behaviours: Behaviour[]): void;
  chatCount(): number;
  chatInFlight(): number;
  chatArrived(): Promise<void>;
  /** The provider's own error body shape. */
  errorBody(status: number, message: string, code?: string): unknown;
  make(overrides: { baseUrl?: string; timeoutMs?: number; model?: string }): TextProvider;
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function gigachatHarness(): Promise<Harness> {
  const fake = await startFakeGigaChat({ credentials: KEY });
  closers.push(fake.close);
  const deps = await testDeps();
  await deps.vault.put('gigachat.credentials', KEY);
  const make: Harness['make'] = (o) =>
    createGigaChatProvider(
      {
        scope: 'GIGACHAT_API_PERS',
        authUrl: fake.authUrl,
        baseUrl: o.baseUrl ?? fake.baseUrl,
        caFile: fake.caFile,
        timeoutMs: o.timeoutMs ?? 5_000,
        model: o.model,
      },
      deps,
    );
  return {
    name: 'gigachat',
    provider: make({}),
    deps,
    enqueue: (...b) => fake.enqueue('chat', ...b),
    chatCount: () => fake.counts.chat,
    chatInFlight: () => fake.script.inFlight.chat,
    chatArrived: () => fake.script.arrived('chat'),
    errorBody: (status, message) => ({ status, message }),
    make,
  };
}

async function openaiHarness(): Promise<Harness> {
  const fake = await startFakeOpenAi({ apiKey: OPENAI_KEY });
  closers.push(fake.close);
  const deps = await testDeps();
  await deps.vault.put('openai.api_key', OPENAI_KEY);
  const make: Harness['make'] = (o) =>
    createOpenAiProvider({ baseUrl: o.baseUrl ?? fake.baseUrl, model: o.model ?? 'gpt-4o-mini', timeoutMs: o.timeoutMs ?? 5_000 }, deps);
  return {
    name: 'openai',
    provider: make({}),
    deps,
    enqueue: (...b) => fake.enqueue('chat', ...b),
    chatCount: () => fake.counts.chat,
    chatInFlight: () => fake.script.inFlight.chat,
    chatArrived: () => fake.script.arrived('chat'),
    errorBody: (_status, message, code) => ({ error: { message, type: 'invalid_request_error', code: code ?? null } }),
    make,
  };
}

const fail = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (err: unknown) => err as AiError,
  );

describe.each([
  ['GigaChat', gigachatHarness],
  ['OpenAI-compatible', openaiHarness],
])('%s: errors are typed, with a next step', (_name, harness) => {
  it('402: the package is used up (ai_quota_exhausted), not retried', async () => {
    const h = await harness();
    h.enqueue({ status: 402, body: h.errorBody(402, 'Payment Required') });
    const err = await fail(h.provider.complete(user));
    expect(err).toBeInstanceOf(AiError);
    expect(err).toMatchObject({ code: 'ai_quota_exhausted', next: { kind: 'open_settings', section: 'ai' } });
    expect(h.chatCount()).toBe(1);
  });

  it('429 with Retry-After: waits that long, then succeeds', async () => {
    const h = await harness();
    h.enqueue({ status: 429, body: h.errorBody(429, 'Too Many Requests'), headers: { 'Retry-After': '1' } });
    // The wait runs on a clock the test moves; the requests themselves are real.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const answer = h.provider.complete(user);
    expect(await h.deps.log.logged(/trying again/)).toMatch(/"code":"ai_rate_limited".*"delayMs":1000/);
    await vi.advanceTimersByTimeAsync(999);
    expect(h.chatCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect((await answer).text).toBe('Letter for: Backend developer');
    expect(h.chatCount()).toBe(2);
  });

  it('429 with a Retry-After beyond the 30 s cap: gives up at once and says when to come back', async () => {
    const h = await harness();
    h.enqueue({ status: 429, body: h.errorBody(429, 'Too Many Requests'), headers: { 'Retry-After': '120' } });
    const err = await fail(h.provider.complete(user));
    expect(err).toMatchObject({ code: 'ai_rate_limited', retryable: true, next: { kind: 'retry_later', retryAfterSeconds: 120 } });
    expect(err.message).toMatch(/120 s/);
    expect(h.chatCount()).toBe(1);
  });

  it('429 without Retry-After: backs off and tries twice more', async () => {
    const h = await harness();
    const busy = { status: 429, body: h.errorBody(429, 'Too Many Requests') };
    h.enqueue(busy, busy, busy);
    expect(await fail(h.provider.complete(user))).toMatchObject({ code: 'ai_rate_limited', next: { kind: 'retry_later' } });
    expect(h.chatCount()).toBe(3);
  });

  it.each([500, 502, 503])('%i: ai_unavailable after two more tries', async (status) => {
    const h = await harness();
    const down = { status, body: h.errorBody(status, 'Internal error') };
    h.enqueue(down, down, down);
    expect(await fail(h.provider.complete(user))).toMatchObject({
      code: 'ai_unavailable',
      retryable: true,
      details: { status: String(status) },
    });
    expect(h.chatCount()).toBe(3);
  });

  it('a 5xx once, then success', async () => {
    const h = await harness();
    h.enqueue({ status: 503, body: h.errorBody(503, 'Service Unavailable') });
    expect((await h.provider.complete(user)).text).toBe('Letter for: Backend developer');
    expect(h.chatCount()).toBe(2);
  });

  it.each([400, 422])('%i: ai_bad_request with the server reason, not retried', async (status) => {
    const h = await harness();
    h.enqueue({ status, body: h.errorBody(status, 'max_tokens must be positive') });
    const err = await fail(h.provider.complete(user));
    expect(err).toMatchObject({ code: 'ai_bad_request', details: { status: String(status), reason: 'max_tokens must be positive' } });
    expect(err.message).toMatch(/max_tokens must be positive/);
    expect(h.chatCount()).toBe(1);
  });

  it('413: the request is too long (ai_bad_request, fix_input)', async () => {
    const h = await harness();
    h.enqueue({ status: 413, body: h.errorBody(413, 'Payload Too Large') });
    expect(await fail(h.provider.complete(user))).toMatchObject({ code: 'ai_bad_request', next: { kind: 'fix_input' } });
  });

  it('an unknown model: ai_model_unavailable naming it', async () => {
    const h = await harness();
    const err = await fail(h.make({ model: 'No-Such-Model' }).complete(user));
    expect(err).toMatchObject({ code: 'ai_model_unavailable', next: { kind: 'open_settings' } });
    expect(err.message).toContain('"No-Such-Model"');
    expect(h.chatCount()).toBe(1);
  });

  it('a slow answer past the timeout: ai_timeout, not retried', async () => {
    const h = await harness();
    // The answer's timer starts after the client's and runs longer, so the client's always fires first.
    h.enqueue({ delayMs: 2_000 });
    const err = await fail(h.make({ timeoutMs: 300 }).complete(user));
    expect(err).toMatchObject({ code: 'ai_timeout', retryable: true, next: { kind: 'retry_later' } });
    expect(err.message).toMatch(/did not answer within 1 s/);
    expect(h.chatCount()).toBe(1);
  });

  it('a server that never answers: ai_timeout', async () => {
    const h = await harness();
    h.enqueue('hang');
    expect(await fail(h.make({ timeoutMs: 200 }).complete(user))).toMatchObject({ code: 'ai_timeout' });
  });

  it('a slow answer inside the timeout is fine', async () => {
    const h = await harness();
    h.enqueue({ delayMs: 200 });
    // Far above the delay: the answer still has to travel back on a machine that may be busy.
    expect((await h.make({ timeoutMs: 15_000 }).complete(user)).text).toBe('Letter for: Backend developer');
  });

  it('a per-call timeoutMs overrides the configured one', async () => {
    const h = await harness();
    h.enqueue({ delayMs: 1_000 });
    expect(await fail(h.provider.complete(user, { timeoutMs: 150 }))).toMatchObject({ code: 'ai_timeout' });
  });

  it('connections cut three times: ai_network after two more tries; cut once: success', async () => {
    const h = await harness();
    h.enqueue('reset', 'reset', 'reset');
    expect(await fail(h.provider.complete(user))).toMatchObject({ code: 'ai_network', retryable: true, next: { kind: 'retry_later' } });
    expect(h.chatCount()).toBe(3);
    h.enqueue('reset');
    expect((await h.provider.complete(user)).text).toBe('Letter for: Backend developer');
  });

  it('nothing listening: ai_network (ECONNREFUSED) saying nothing answers there', async () => {
    const h = await harness();
    const port = await freePort();
    const baseUrl = h.name === 'gigachat' ? `https://127.0.0.1:${port}/api/v1` : `http://127.0.0.1:${port}/v1`;
    const err = await fail(h.make({ baseUrl }).complete(user));
    expect(err).toMatchObject({ code: 'ai_network', details: { reason: 'ECONNREFUSED' } });
    expect(err.message).toContain(`Nothing answers at 127.0.0.1:${port}`);
  });

  it('an address that does not resolve: ai_network (DNS)', async () => {
    const h = await harness();
    const err = await fail(h.make({ baseUrl: 'https://no-such-host.invalid/v1' }).complete(user));
    expect(err).toMatchObject({ code: 'ai_network' });
    expect(['ENOTFOUND', 'EAI_AGAIN']).toContain(err.details?.reason);
  });

  it('an answer that is not JSON: ai_unavailable', async () => {
    const h = await harness();
    const garbage = { status: 200, body: '<html>proxy error</html>' };
    h.enqueue(garbage, garbage, garbage);
    expect(await fail(h.provider.complete(user))).toMatchObject({ code: 'ai_unavailable' });
  });

  it('abort while waiting for the answer: rejects at once with the abort reason, the connection is closed', async () => {
    const h = await harness();
    h.enqueue('hang');
    const controller = new AbortController();
    const pending = h.provider.complete(user, { signal: controller.signal }).catch((e: unknown) => e);
    await h.chatArrived();
    controller.abort();
    // The server never answers and the deadline is 5 s: only the abort can have ended it.
    expect(await pending).toMatchObject({ name: 'AbortError' });
    await expect.poll(() => h.chatInFlight(), patience).toBe(0);
  });

  it('abort during the backoff between retries: stops waiting', async () => {
    const h = await harness();
    h.deps.retryPolicy = { baseDelayMs: 5_000, maxDelayMs: 5_000 };
    const provider = h.make({});
    h.enqueue({ status: 503, body: h.errorBody(503, 'busy') });
    const controller = new AbortController();
    const pending = provider.complete(user, { signal: controller.signal }).catch((e: unknown) => e);
    await h.deps.log.logged(/trying again/);
    controller.abort(new Error('user pressed Stop'));
    // Had the backoff run out, the retry would have got a normal answer.
    expect(await pending).toMatchObject({ message: 'user pressed Stop' });
    expect(h.chatCount()).toBe(1);
  });

  it('an already aborted signal sends nothing', async () => {
    const h = await harness();
    const err = await h.provider.complete(user, { signal: AbortSignal.abort() }).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'AbortError' });
    expect(h.chatCount()).toBe(0);
  });

  it('an empty prompt is ai_bad_request before any request', async () => {
    const h = await harness();
    expect(await fail(h.provider.complete([]))).toMatchObject({ code: 'ai_bad_request', next: { kind: 'fix_input' } });
    expect(h.chatCount()).toBe(0);
  });

  it('check(): proves key and model, or says which model is missing', async () => {
    const h = await harness();
    const ok = await h.provider.check();
    expect(ok.models.length).toBeGreaterThan(1);
    expect(ok.models.map((m) => m.id)).toContain(ok.model);
    const err = await fail(h.make({ model: 'Missing-Model' }).check());
    expect(err).toMatchObject({ code: 'ai_model_unavailable', next: { kind: 'open_settings' } });
    expect(err.message).toContain('"Missing-Model"');
  });
});

describe('GigaChat finish_reason', () => {
  const answer = (finish_reason: string) => ({
    status: 200,
    body: {
      choices: [{ message: { role: 'assistant', content: 'Извините, я не могу об этом говорить.' }, index: 0, finish_reason }],
      model: 'GigaChat-2',
      usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
    },
  });

  it('blacklist is ai_refused (never a letter), not retried', async () => {
    const h = await gigachatHarness();
    h.enqueue(answer('blacklist'));
    const err = await fail(h.provider.complete(user));
    expect(err).toMatchObject({ code: 'ai_refused', next: { kind: 'fix_input' }, details: { finishReason: 'blacklist' } });
    expect(err.message).not.toContain('Извините');
    expect(h.chatCount()).toBe(1);
  });

  it('error is a failed generation, tried again', async () => {
    const h = await gigachatHarness();
    h.enqueue(answer('error'));
    expect((await h.provider.complete(user)).text).toBe('Letter for: Backend developer');
    expect(h.chatCount()).toBe(2);
  });

  it('length is a completion cut at maxTokens', async () => {
    const h = await gigachatHarness();
    h.enqueue(answer('length'));
    expect(await h.provider.complete(user)).toMatchObject({ finishReason: 'length' });
  });
});

describe('OpenAI-compatible specifics', () => {
  it('content_filter is ai_refused', async () => {
    const h = await openaiHarness();
    h.enqueue({
      status: 200,
      body: {
        id: 'x',
        object: 'chat.completion',
        created: 0,
        model: 'gpt-4o-mini',
        choices: [{ index: 0, message: { role: 'assistant', content: '' }, finish_reason: 'content_filter' }],
      },
    });
    expect(await fail(h.provider.complete(user))).toMatchObject({ code: 'ai_refused' });
  });

  it('429 insufficient_quota is the account out of credit, not a rate limit', async () => {
    const h = await openaiHarness();
    h.enqueue({ status: 429, body: h.errorBody(429, 'You exceeded your current quota', 'insufficient_quota') });
    expect(await fail(h.provider.complete(user))).toMatchObject({ code: 'ai_quota_exhausted' });
    expect(h.chatCount()).toBe(1);
  });

  it('a wrong key is ai_bad_key; no key at all for a service that wants one is ai_not_configured', async () => {
    const h = await openaiHarness();
    await h.deps.vault.put('openai.api_key', 'sk-wrong-key-000000000');
    expect(await fail(h.provider.complete(user))).toMatchObject({ code: 'ai_bad_key', next: { kind: 'open_settings', section: 'ai' } });
    await h.deps.vault.delete('openai.api_key');
    expect(await fail(h.provider.complete(user))).toMatchObject({ code: 'ai_not_configured' });
    expect(h.chatCount()).toBe(2);
  });
});

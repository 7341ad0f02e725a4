import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../../main/core/errors';
import { createGigaChatProvider, createOpenAiProvider } from '../../../../main/core/ai/providers';
import { startFakeGigaChat, startFakeOpenAi, testDeps, testTls, type FakeGigaChat, type FakeOpenAi } from '../../../fakes/ai';

const CLIENT_SECRET = 'gc-client-secret-7Qx9Lm2Vb4';
const KEY = Buffer.from(`gc-client-id-3f8e:${CLIENT_SECRET}`).toString('base64');
const OPENAI_KEY = 'sk-test-Zr8Kp3Wd6Yh1Nc5Tq0';
const user = [{ role: 'user' as const, content: 'Data engineer' }];

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

/** Every way an error could be shown: its message, its contract value, and a deep inspect with stack and causes. */
const everythingIn = (err: unknown): string => {
  const parts = [inspect(err, { depth: 10, showHidden: true }), String(err), (err as Error)?.stack ?? ''];
  if (err instanceof AppError) parts.push(err.message, JSON.stringify(err.toValue()));
  return parts.join('\n');
};

const expectNoSecrets = (text: string, secrets: string[]) => {
  for (const secret of secrets) expect(text, `leaked ${secret.slice(0, 6)}…`).not.toContain(secret);
};

describe('access tokens and keys never appear in errors or logs', () => {
  it('GigaChat: through renewals, 401s, echoed secrets, retries and timeouts', async () => {
    const fake: FakeGigaChat = await startFakeGigaChat({ credentials: KEY });
    closers.push(fake.close);
    const deps = await testDeps();
    await deps.vault.put('gigachat.credentials', KEY);
    // Ends the one answer that never comes; every other answer must beat it, on a busy machine too.
    const provider = createGigaChatProvider(
      { scope: 'GIGACHAT_API_PERS', authUrl: fake.authUrl, baseUrl: fake.baseUrl, caFile: fake.caFile, timeoutMs: 1_000 },
      deps,
    );
    const errors: unknown[] = [];
    const attempt = async (run: () => Promise<unknown>) => {
      await run().catch((err: unknown) => errors.push(err));
    };

    await provider.complete(user);
    const token = fake.issued[0]!;
    // Services that quote what they were sent back in their errors.
    fake.enqueue('chat', { status: 400, body: { status: 400, message: `bad token ${token} in Authorization: Bearer ${token}` } });
    await attempt(() => provider.complete(user));
    fake.enqueue('chat', { status: 422, body: { status: 422, message: `key ${KEY} and token ${token}` } });
    await attempt(() => provider.complete(user));
    const echo500 = { status: 500, body: { status: 500, message: `internal: ${token}` } };
    fake.enqueue('chat', echo500, echo500, echo500);
    await attempt(() => provider.complete(user));
    const busy = { status: 429, body: { status: 429, message: token }, headers: { 'Retry-After': '0' } };
    fake.enqueue('chat', busy, busy, busy);
    await attempt(() => provider.complete(user));
    fake.enqueue('chat', 'hang');
    await attempt(() => provider.complete(user));
    fake.enqueue('chat', 'reset', 'reset', 'reset');
    await attempt(() => provider.complete(user));
    // 401 twice: the token is renewed once, then the call fails.
    const unauthorized = { status: 401, body: { status: 401, message: `token ${token} expired` } };
    fake.enqueue('chat', unauthorized, unauthorized);
    await attempt(() => provider.complete(user));
    fake.enqueue('oauth', { status: 400, body: { code: 4, message: `Can't decode 'Authorization' header: Basic ${KEY}` } });
    fake.revokeAll();
    await attempt(() => provider.complete(user));
    await deps.vault.put('gigachat.credentials', Buffer.from('wrong:key-0000000').toString('base64'));
    fake.revokeAll();
    await attempt(() => provider.complete(user));

    // A TLS failure and an unreachable host, too.
    const tlsFake = await startFakeGigaChat({ credentials: KEY, tls: await testTls() });
    closers.push(tlsFake.close);
    await deps.vault.put('gigachat.credentials', KEY);
    await attempt(() =>
      createGigaChatProvider({ scope: 'GIGACHAT_API_PERS', authUrl: tlsFake.authUrl, baseUrl: tlsFake.baseUrl }, deps).complete(user),
    );

    expect(errors.map((err) => (err as AppError).code)).toEqual([
      'ai_bad_request',
      'ai_bad_request',
      'ai_unavailable',
      'ai_rate_limited',
      'ai_timeout',
      'ai_network',
      'ai_bad_key',
      'ai_bad_key',
      'ai_bad_key',
      'ai_tls',
    ]);
    const secrets = [KEY, CLIENT_SECRET, ...fake.issued];
    expect(fake.issued).toHaveLength(2);
    for (const err of errors) expectNoSecrets(everythingIn(err), secrets);
    expect(deps.log.lines.length).toBeGreaterThan(5);
    expectNoSecrets(deps.log.text(), secrets);
    // The quoted reasons survive, minus the secrets.
    expect((errors[0] as AppError).details?.reason).toMatch(/^bad token \[hidden\] in Authorization: Bearer \[hidden\]$/);
  });

  it('OpenAI-compatible: a key quoted back by the service is cut out', async () => {
    const fake: FakeOpenAi = await startFakeOpenAi({ apiKey: OPENAI_KEY });
    closers.push(fake.close);
    const deps = await testDeps();
    await deps.vault.put('openai.api_key', OPENAI_KEY);
    // Ends the one answer that never comes; every other answer must beat it, on a busy machine too.
    const provider = createOpenAiProvider({ baseUrl: fake.baseUrl, model: 'gpt-4o-mini', timeoutMs: 1_000 }, deps);
    const errors: unknown[] = [];
    const attempt = async (run: () => Promise<unknown>) => {
      await run().catch((err: unknown) => errors.push(err));
    };
    const masked = `${OPENAI_KEY.slice(0, 7)}************${OPENAI_KEY.slice(-4)}`;
    fake.enqueue('chat', {
      status: 401,
      body: { error: { message: `Incorrect API key provided: ${OPENAI_KEY}.`, code: 'invalid_api_key' } },
    });
    await attempt(() => provider.complete(user));
    fake.enqueue('chat', {
      status: 400,
      body: { error: { message: `Key ${OPENAI_KEY} cannot use this model; also ${masked}`, code: null } },
    });
    await attempt(() => provider.complete(user));
    const echo = { status: 503, body: { error: { message: `upstream saw Bearer ${OPENAI_KEY}` } } };
    fake.enqueue('chat', echo, echo, echo);
    await attempt(() => provider.complete(user));
    fake.enqueue('chat', 'hang');
    await attempt(() => provider.complete(user));
    await deps.vault.put('openai.api_key', 'sk-test-wrong-key-4242');
    await attempt(() => provider.complete(user));

    expect(errors.map((err) => (err as AppError).code)).toEqual([
      'ai_bad_key',
      'ai_bad_request',
      'ai_unavailable',
      'ai_timeout',
      'ai_bad_key',
    ]);
    for (const err of errors) expectNoSecrets(everythingIn(err), [OPENAI_KEY, masked, 'sk-test-wrong-key-4242']);
    expectNoSecrets(deps.log.text(), [OPENAI_KEY, 'sk-test-wrong-key-4242']);
    expect((errors[1] as AppError).details?.reason).toBe('Key [hidden] cannot use this model; also [hidden]');
  });
});

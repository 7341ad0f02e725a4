import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGigaChatProvider, type GigaChatConfig, type ProviderDeps } from '../../../../main/core/ai/providers';
import { AiError } from '../../../../main/core/ai/providers/errors';
import { createRedactor } from '../../../../main/core/secrets';
import { startFakeGigaChat, testDeps, type CapturedLog, type FakeGigaChat } from '../../../fakes/ai';
import { gate } from '../../../support/wait';

const KEY = Buffer.from('client-id-5f1c:client-secret-9a7e3d').toString('base64');
const user = (content: string) => [{ role: 'user' as const, content }];

let fake: FakeGigaChat;
let deps: ProviderDeps & { log: CapturedLog };

beforeEach(async () => {
  fake = await startFakeGigaChat({ credentials: KEY });
  deps = await testDeps();
  await deps.vault.put('gigachat.credentials', KEY);
});
afterEach(async () => {
  await fake.close();
});

const gigachat = (extra: Partial<GigaChatConfig> = {}) =>
  createGigaChatProvider(
    { scope: 'GIGACHAT_API_PERS', authUrl: fake.authUrl, baseUrl: fake.baseUrl, caFile: fake.caFile, timeoutMs: 5_000, ...extra },
    deps,
  );

const storedToken = async () =>
  JSON.parse((await deps.vault.get('gigachat.access_token')) ?? 'null') as { token: string; expiresAt: number } | null;

describe('GigaChat OAuth', () => {
  it('asks for a token with the Basic key, a uuid4 RqUID and the scope, then completes', async () => {
    const result = await gigachat().complete(user('Python developer'), { temperature: 0.7, maxTokens: 500 });
    expect(result).toMatchObject({ text: 'Letter for: Python developer', finishReason: 'stop', model: 'GigaChat-2:2.0.28.2' });
    expect(result.usage.totalTokens).toBeGreaterThan(0);

    const [oauth, chat] = fake.requests;
    expect(oauth!.headers.authorization).toBe(`Basic ${KEY}`);
    expect(oauth!.headers.rquid).toMatch(/^[0-9a-f-]{36}$/);
    expect(oauth!.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    expect(oauth!.body).toBe('scope=GIGACHAT_API_PERS');
    expect(chat!.headers.authorization).toBe(`Bearer ${fake.issued[0]}`);
    expect(JSON.parse(chat!.body)).toEqual({
      model: 'GigaChat-2',
      messages: user('Python developer'),
      stream: false,
      temperature: 0.7,
      max_tokens: 500,
    });
  });

  it('keeps the token in the vault as JSON {token, expiresAt} (ms) and reuses it, also after a restart', async () => {
    const first = gigachat();
    await first.complete(user('a'));
    await first.complete(user('b'));
    const saved = await storedToken();
    expect(saved?.token).toBe(fake.issued[0]);
    expect(saved!.expiresAt).toBeGreaterThan(Date.now() + 29 * 60_000);
    expect(saved!.expiresAt).toBeLessThan(Date.now() + 31 * 60_000);

    await gigachat().complete(user('c'));
    expect(fake.counts.oauth).toBe(1);
    expect(fake.counts.chat).toBe(3);
  });

  it("tells the app's redactor the bare token (the vault only sees it inside JSON)", async () => {
    const redactor = createRedactor();
    deps.redactor = redactor;
    await gigachat().complete(user('a'));
    expect(redactor.redactText(`oops ${fake.issued[0]} leaked`)).toBe('oops [redacted] leaked');
  });

  it('sends a new RqUID with every token request', async () => {
    await deps.vault.put('gigachat.access_token', JSON.stringify({ token: 'old', expiresAt: Date.now() - 1 }));
    fake.setTokenExpiry((now) => now + 10_000);
    const provider = gigachat();
    await provider.complete(user('a'));
    await provider.complete(user('b'));
    const ids = fake.requests.filter((r) => r.endpoint === 'oauth').map((r) => r.headers.rquid);
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);
  });
});

describe('token renewal', () => {
  it.each([
    ['already expired', -5_000],
    ['expiring within a minute', 30_000],
  ])('a saved token %s is renewed once for 20 concurrent calls', async (_name, offset) => {
    await deps.vault.put('gigachat.access_token', JSON.stringify({ token: 'saved-token-abcdef', expiresAt: Date.now() + offset }));
    const provider = gigachat();
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => provider.complete(user(`vacancy ${i}`))));
    expect(results.map((r) => r.text)).toEqual(Array.from({ length: 20 }, (_, i) => `Letter for: vacancy ${i}`));
    expect(fake.counts.oauth).toBe(1);
    expect(fake.requests.filter((r) => r.endpoint === 'chat').every((r) => r.headers.authorization === `Bearer ${fake.issued[0]}`)).toBe(
      true,
    );
    expect((await storedToken())?.token).toBe(fake.issued[0]);
  });

  it('renews before expiry (not after a 401): a token with < 60 s left is replaced once for 20 concurrent calls', async () => {
    fake.setTokenExpiry((now) => now + 45_000);
    const provider = gigachat();
    await provider.complete(user('first'));
    expect(fake.counts.oauth).toBe(1);
    fake.setTokenExpiry((now) => now + 30 * 60_000);
    await Promise.all(Array.from({ length: 20 }, (_, i) => provider.complete(user(`v${i}`))));
    expect(fake.counts.oauth).toBe(2);
    // No request was refused: the old token was never sent once it was near its end.
    expect(fake.counts.chat).toBe(21);
    await Promise.all(Array.from({ length: 5 }, () => provider.complete(user('later'))));
    expect(fake.counts.oauth).toBe(2);
  });

  it('uses a fresh saved token as is; if GigaChat no longer accepts it, that costs one 401 and one renewal', async () => {
    await deps.vault.put('gigachat.access_token', JSON.stringify({ token: 'saved-but-revoked', expiresAt: Date.now() + 20 * 60_000 }));
    await gigachat().complete(user('x'));
    expect(fake.requests.map((r) => [r.endpoint, r.headers.authorization])).toEqual([
      ['chat', 'Bearer saved-but-revoked'],
      ['oauth', `Basic ${KEY}`],
      ['chat', `Bearer ${fake.issued[0]}`],
    ]);
  });

  it('does not reuse a saved token issued for another key', async () => {
    await gigachat().complete(user('x'));
    const other = Buffer.from('client-id-new:client-secret-new').toString('base64');
    await deps.vault.put('gigachat.credentials', other);
    // The fake knows only KEY, so this fails; what matters is that it asked for a token with the new key.
    await gigachat()
      .complete(user('y'))
      .catch(() => undefined);
    expect(fake.requests.filter((r) => r.endpoint === 'oauth').map((r) => r.headers.authorization)).toEqual([
      `Basic ${KEY}`,
      `Basic ${other}`,
    ]);
  });

  it('one 401 on chat: forgets the token, renews once and tries once more', async () => {
    const provider = gigachat();
    await provider.complete(user('warm up'));
    fake.enqueue('chat', { status: 401, body: { status: 401, message: 'Unauthorized' } });
    const result = await provider.complete(user('again'));
    expect(result.text).toBe('Letter for: again');
    expect(fake.counts.oauth).toBe(2);
    expect(fake.counts.chat).toBe(3);
    expect((await storedToken())?.token).toBe(fake.issued[1]);
  });

  it('a token revoked early is renewed once for 20 concurrent calls that all got 401', async () => {
    const provider = gigachat();
    await provider.complete(user('warm up'));
    fake.revokeAll();
    await Promise.all(Array.from({ length: 20 }, (_, i) => provider.complete(user(`v${i}`))));
    expect(fake.counts.oauth).toBe(2);
    expect(fake.counts.chat).toBe(1 + 20 + 20);
  });

  it('401 twice: stops after the one renewal with ai_bad_key', async () => {
    fake.enqueue(
      'chat',
      { status: 401, body: { status: 401, message: 'Unauthorized' } },
      { status: 401, body: { status: 401, message: 'Unauthorized' } },
    );
    const err = await gigachat()
      .complete(user('x'))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AiError);
    expect(err).toMatchObject({ code: 'ai_bad_key', next: { kind: 'open_settings' } });
    expect(fake.counts.oauth).toBe(2);
    expect(fake.counts.chat).toBe(2);
  });

  it('listModels renews after a 401 too', async () => {
    const provider = gigachat();
    await provider.listModels();
    fake.revokeAll();
    expect((await provider.listModels()).map((m) => m.id)).toEqual(['GigaChat-2', 'GigaChat-2-Pro', 'GigaChat-2-Max']);
    expect(fake.counts.oauth).toBe(2);
  });

  it('a caller that aborts while the shared renewal runs stops waiting; the others still get the token', async () => {
    const renewal = gate();
    fake.enqueue('oauth', { heldUntil: renewal.opened });
    const provider = gigachat();
    const controller = new AbortController();
    const aborted = provider.complete(user('stop me'), { signal: controller.signal }).catch((e: unknown) => e);
    const kept = provider.complete(user('keep me'));
    await fake.script.arrived('oauth');
    controller.abort();
    expect(await aborted).toMatchObject({ name: 'AbortError' });
    renewal.open();
    expect((await kept).text).toBe('Letter for: keep me');
    expect(fake.counts.oauth).toBe(1);
  });
});

describe('OAuth failures', () => {
  it('a wrong key is ai_bad_key with the next step, and is not retried', async () => {
    await deps.vault.put('gigachat.credentials', Buffer.from('who:knows').toString('base64'));
    const err = await gigachat()
      .complete(user('x'))
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'ai_bad_key', next: { kind: 'open_settings', section: 'ai' } });
    expect((err as Error).message).toMatch(/did not accept your authorization key/);
    expect(fake.counts.oauth).toBe(1);
    expect(fake.counts.chat).toBe(0);
  });

  it('a scope the key does not have (OAuth code 7) is ai_bad_request naming the scopes', async () => {
    const fake2 = await startFakeGigaChat({ credentials: KEY, scopes: ['GIGACHAT_API_PERS'] });
    try {
      const err = await createGigaChatProvider(
        { scope: 'GIGACHAT_API_CORP', authUrl: fake2.authUrl, baseUrl: fake2.baseUrl, caFile: fake2.caFile },
        deps,
      )
        .complete(user('x'))
        .catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'ai_bad_request', details: { oauthCode: '7' }, next: { kind: 'open_settings' } });
      expect((err as Error).message).toMatch(/GIGACHAT_API_PERS/);
    } finally {
      await fake2.close();
    }
  });

  it('no key in the vault is ai_not_configured, with no request sent', async () => {
    await deps.vault.delete('gigachat.credentials');
    const err = await gigachat()
      .complete(user('x'))
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'ai_not_configured', next: { kind: 'open_settings' } });
    expect(fake.counts.oauth).toBe(0);
  });

  it('a 5xx from the token endpoint is retried', async () => {
    fake.enqueue('oauth', { status: 503, body: { status: 503, message: 'busy' } });
    expect((await gigachat().complete(user('x'))).text).toBe('Letter for: x');
    expect(fake.counts.oauth).toBe(2);
  });

  it('a hanging token endpoint is ai_timeout', async () => {
    fake.enqueue('oauth', 'hang');
    const err = await gigachat({ timeoutMs: 200 })
      .complete(user('x'))
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'ai_timeout', ai: { endpoint: 'oauth' } });
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { startFakeGigaChat, startFakeOpenAi, type FakeOpenAi } from '../../../fakes/ai';
import { readAppEnv } from '../../../../main/core/secrets';
import { startTestCore, type TestCore } from '../../../support/core';
import { closeAfterEach, ok } from '../../../support/contract';

const KEY = 'sk-bound-key-0123456789abcdef';
const GIGACHAT_KEY = Buffer.from('client-id-keys:client-secret-keys').toString('base64');

let app: TestCore | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});
const keep = closeAfterEach();

/** Every header and body a fake received, as one string to look for the key in. */
const everythingReceived = (fake: FakeOpenAi) => JSON.stringify(fake.requests);

const openai = (baseUrl: string) => ({ kind: 'openai' as const, baseUrl, model: 'gpt-4o-mini' });

describe('an AI key is bound to the address it was entered for', () => {
  it('a changed address without a new key is refused, and the other server receives no key', async () => {
    const first = keep(await startFakeOpenAi({ apiKey: KEY }));
    const other = keep(await startFakeOpenAi());
    app = await startTestCore();
    const { core } = app;
    const saved = ok<{ keyAddresses: { openai?: string } }>(
      await core.invoke('ai.settings.set', { settings: openai(first.baseUrl), openaiKey: KEY }),
    );
    expect(saved.keyAddresses.openai).toBe(first.baseUrl);
    ok(await core.invoke('ai.test', {}));
    expect(everythingReceived(first)).toContain(KEY);

    const refused = await core.invoke('ai.settings.set', { settings: openai(`${other.baseUrl}/`) });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'ai_key_address_changed',
        key: 'ai.keyAddressChanged',
        params: { was: first.baseUrl, now: other.baseUrl },
        next: { kind: 'open_settings', section: 'ai' },
      },
    });
    // Nothing changed: still the first address, still its key.
    expect(ok(await core.invoke('ai.settings.get', {}))).toMatchObject({ settings: { baseUrl: first.baseUrl }, keys: { openai: true } });

    // The user drops the old key: the new address works without one, and never sees the old one.
    const forgotten = ok(await core.invoke('ai.settings.set', { settings: openai(other.baseUrl), forgetStoredKey: true }));
    expect(forgotten).toMatchObject({ keys: { openai: false }, keyAddresses: {} });
    ok(await core.invoke('ai.test', {}));
    expect(other.counts.models).toBe(1);
    expect(everythingReceived(other)).not.toContain(KEY);
    expect(await core.vault.get('openai.api_key')).toBeUndefined();
  });

  it('a new key for the new address is bound to it; the old address no longer gets it', async () => {
    const first = keep(await startFakeOpenAi());
    const other = keep(await startFakeOpenAi({ apiKey: 'sk-second-key-9876543210' }));
    app = await startTestCore();
    const { core } = app;
    ok(await core.invoke('ai.settings.set', { settings: openai(first.baseUrl), openaiKey: KEY }));
    ok(await core.invoke('ai.settings.set', { settings: openai(other.baseUrl), openaiKey: 'sk-second-key-9876543210' }));
    ok(await core.invoke('ai.test', {}));
    expect(await core.invoke('ai.settings.set', { settings: openai(first.baseUrl) })).toMatchObject({
      ok: false,
      error: { code: 'ai_key_address_changed' },
    });
    expect(everythingReceived(first)).not.toContain('sk-second-key');
  });

  it("settings changed behind the contract's back: the provider refuses before any request", async () => {
    const first = keep(await startFakeOpenAi({ apiKey: KEY }));
    const other = keep(await startFakeOpenAi());
    app = await startTestCore();
    const { core } = app;
    ok(await core.invoke('ai.settings.set', { settings: openai(first.baseUrl), openaiKey: KEY }));
    await core.repositories.appSettings.set('ai.settings', openai(other.baseUrl));
    expect(await core.invoke('ai.test', {})).toMatchObject({
      ok: false,
      error: { code: 'ai_key_address_changed', params: { was: first.baseUrl, now: other.baseUrl } },
    });
    expect(other.requests).toEqual([]);
  });

  it("a key from .env goes to .env's address only", async () => {
    const envServer = keep(await startFakeOpenAi({ apiKey: KEY }));
    const other = keep(await startFakeOpenAi());
    app = await startTestCore({
      env: readAppEnv({ OPENAI_API_KEY: KEY, OPENAI_BASE_URL: envServer.baseUrl, OPENAI_MODEL: 'gpt-4o-mini' }),
    });
    const { core } = app;
    ok(await core.invoke('ai.test', {}));
    ok(await core.invoke('ai.settings.set', { settings: openai(other.baseUrl) }));
    expect(await core.invoke('ai.test', {})).toMatchObject({ ok: false, error: { code: 'ai_key_address_changed' } });
    expect(other.requests).toEqual([]);
  });

  it('a key saved before keys were bound belongs to the address saved with it', async () => {
    const first = keep(await startFakeOpenAi({ apiKey: KEY }));
    const other = keep(await startFakeOpenAi());
    app = await startTestCore();
    const { core } = app;
    await core.repositories.appSettings.set('ai.settings', openai(first.baseUrl));
    await core.vault.put('openai.api_key', KEY);
    expect(ok(await core.invoke('ai.settings.get', {}))).toMatchObject({ keys: { openai: true }, keyAddresses: { openai: first.baseUrl } });
    expect(JSON.parse((await core.vault.get('openai.api_key'))!)).toEqual({ key: KEY, for: first.baseUrl });
    ok(await core.invoke('ai.test', {}));
    expect(await core.invoke('ai.settings.set', { settings: openai(other.baseUrl) })).toMatchObject({
      ok: false,
      error: { code: 'ai_key_address_changed' },
    });
  });

  it('GigaChat: its key is bound to both its addresses, and a new address forgets the key and its token', async () => {
    const gigachat = keep(await startFakeGigaChat({ credentials: GIGACHAT_KEY }));
    const other = keep(await startFakeGigaChat({ credentials: GIGACHAT_KEY }));
    app = await startTestCore();
    const { core } = app;
    const settings = {
      kind: 'gigachat' as const,
      scope: 'GIGACHAT_API_PERS' as const,
      authUrl: gigachat.authUrl,
      baseUrl: gigachat.baseUrl,
      caFile: gigachat.caFile,
    };
    ok(await core.invoke('ai.settings.set', { settings, gigachatKey: GIGACHAT_KEY }));
    ok(await core.invoke('ai.test', {}));
    expect(await core.vault.get('gigachat.access_token')).toBeDefined();

    const moved = { ...settings, baseUrl: other.baseUrl };
    expect(await core.invoke('ai.settings.set', { settings: moved })).toMatchObject({
      ok: false,
      error: { code: 'ai_key_address_changed' },
    });
    ok(await core.invoke('ai.settings.set', { settings: moved, forgetStoredKey: true }));
    expect(await core.vault.get('gigachat.credentials')).toBeUndefined();
    expect(await core.vault.get('gigachat.access_token')).toBeUndefined();
    expect(await core.invoke('ai.test', {})).toMatchObject({ ok: false, error: { code: 'ai_not_configured' } });
    expect(other.requests).toEqual([]);
  });
});

describe('GigaChat settings the app refuses', () => {
  it('an http address, with a sentence naming it', async () => {
    app = await startTestCore();
    for (const field of ['authUrl', 'baseUrl'] as const) {
      const answer = await app.core.invoke('ai.settings.set', {
        settings: { kind: 'gigachat', scope: 'GIGACHAT_API_PERS', [field]: 'http://127.0.0.1:9/api' },
        gigachatKey: GIGACHAT_KEY,
      });
      expect(answer).toMatchObject({
        ok: false,
        error: { code: 'ai_not_configured', key: 'ai.gigachatNotHttps', params: { url: 'http://127.0.0.1:9/api' } },
      });
    }
    expect(await app.core.vault.get('gigachat.credentials')).toBeUndefined();
  });

  it('certificate checks off without the explicit confirmation; with it, saved and written to the activity log', async () => {
    app = await startTestCore();
    const settings = { kind: 'gigachat' as const, scope: 'GIGACHAT_API_PERS' as const, insecureSkipVerify: true };
    expect(await app.core.invoke('ai.settings.set', { settings })).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        key: 'ai.insecureNotConfirmed',
        params: { hosts: 'ngw.devices.sberbank.ru:9443, gigachat.devices.sberbank.ru' },
      },
    });
    expect(await app.core.invoke('ai.settings.set', { settings, confirmInsecureSkipVerify: false })).toMatchObject({ ok: false });
    expect(ok(await app.core.invoke('ai.settings.set', { settings, confirmInsecureSkipVerify: true }))).toMatchObject({
      settings: { insecureSkipVerify: true },
    });
    expect((await app.core.repositories.auditLog.list({ limit: 1, offset: 0 })).items[0]).toMatchObject({
      action: 'ai.settings.save',
      details: 'certificate checks OFF',
    });
  });
});

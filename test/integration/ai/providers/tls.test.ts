import { X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { get } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGigaChatProvider, createOpenAiProvider, type GigaChatConfig, type ProviderDeps } from '../../../../main/core/ai/providers';
import { bundledRussianCaPath, createGigaChatTrust } from '../../../../main/core/ai/providers/gigachat';
import { silentLogger } from '../../../../main/core/ports';
import {
  resourcesDir,
  startFakeGigaChat,
  startFakeOpenAi,
  testDeps,
  testTls,
  tlsFixture,
  type CapturedLog,
  type FakeGigaChat,
  type FakeOpenAi,
} from '../../../fakes/ai';

const KEY = Buffer.from('client-id-tls:client-secret-tls').toString('base64');
const user = [{ role: 'user' as const, content: 'QA engineer' }];

let gigachat: FakeGigaChat;
let openai: FakeOpenAi;
let deps: ProviderDeps & { log: CapturedLog };

beforeEach(async () => {
  const tls = await testTls();
  gigachat = await startFakeGigaChat({ credentials: KEY, tls });
  openai = await startFakeOpenAi({ tls });
  deps = await testDeps();
  await deps.vault.put('gigachat.credentials', KEY);
});
afterEach(async () => {
  await gigachat.close();
  await openai.close();
});

const provider = (extra: Partial<GigaChatConfig> = {}) =>
  createGigaChatProvider(
    { scope: 'GIGACHAT_API_PERS', authUrl: gigachat.authUrl, baseUrl: gigachat.baseUrl, timeoutMs: 5_000, ...extra },
    deps,
  );

describe('GigaChat trust', () => {
  it('with caFile = the test CA, GigaChat reaches the TLS server', async () => {
    const result = await provider({ caFile: tlsFixture('test-only-ca.cert.pem') }).complete(user);
    expect(result.text).toBe('Letter for: QA engineer');
    expect(gigachat.counts).toMatchObject({ oauth: 1, chat: 1 });
  });

  it('without it, ai_tls that explains the certificate problem and the next step', async () => {
    const err = await provider()
      .complete(user)
      .catch((e: unknown) => e);
    expect(err).toMatchObject({
      code: 'ai_tls',
      next: { kind: 'open_settings', section: 'ai' },
      details: { reason: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' },
    });
    const message = (err as Error).message;
    expect(message).toContain(`The connection to ${new URL(gigachat.authUrl).host} is not trusted`);
    expect(message).toMatch(/signed by an authority this app does not trust/);
    expect(message).toMatch(/Russian Trusted Root CA/);
    expect(message).toMatch(/choose its CA certificate file in Settings → AI/);
    // A certificate problem does not get better by trying again.
    expect(deps.log.text()).not.toMatch(/trying again/);
  });

  it('the CA file may be DER (as Windows exports it)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'aaa-ca-'));
    const der = join(dir, 'corp-ca.cer');
    await writeFile(der, new X509Certificate(await readFile(tlsFixture('test-only-ca.cert.pem'))).raw);
    expect((await provider({ caFile: der }).complete(user)).text).toBe('Letter for: QA engineer');
  });

  it('a CA file that is missing or not a certificate is ai_tls naming the file', async () => {
    const missing = await provider({ caFile: '/nonexistent/corp-ca.pem' })
      .complete(user)
      .catch((e: unknown) => e);
    expect(missing).toMatchObject({ code: 'ai_tls', next: { kind: 'open_settings' } });
    expect((missing as Error).message).toMatch(/\/nonexistent\/corp-ca\.pem\) is not usable: it cannot be read \(ENOENT\)/);
    const dir = await mkdtemp(join(tmpdir(), 'aaa-ca-'));
    const junk = join(dir, 'notes.txt');
    await writeFile(junk, 'not a certificate');
    const notCert = await provider({ caFile: junk })
      .complete(user)
      .catch((e: unknown) => e);
    expect((notCert as Error).message).toMatch(/it is not a certificate/);
  });

  it('insecureSkipVerify reaches the server without the CA, and warns on every request', async () => {
    const insecure = provider({ insecureSkipVerify: true });
    await insecure.complete(user);
    await insecure.complete(user);
    const warnings = deps.log.lines.filter((line) => line.startsWith('warn Certificate checks are OFF for GigaChat'));
    // One token request and two chats.
    expect(warnings).toHaveLength(3);
  });
});

describe('the GigaChat CA is trusted for GigaChat hosts only', () => {
  it('the OpenAI provider pointed at the same server fails TLS, even right after GigaChat succeeded with the test CA', async () => {
    await provider({ caFile: tlsFixture('test-only-ca.cert.pem') }).complete(user);
    const err = await createOpenAiProvider({ baseUrl: openai.baseUrl, model: 'gpt-4o-mini' }, deps)
      .complete(user)
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'ai_tls', details: { reason: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' } });
    expect((err as Error).message).toMatch(/not trusted: its certificate is signed by an authority this app does not trust/);
    expect(openai.counts.chat).toBe(0);
  });

  it('a plain https request through the default agent is refused too', async () => {
    await provider({ caFile: tlsFixture('test-only-ca.cert.pem') }).complete(user);
    const code = await new Promise<string | undefined>((resolve) => {
      get(`${gigachat.baseUrl}/models`, (res) => resolve(`answered ${res.statusCode}`)).on('error', (err: NodeJS.ErrnoException) =>
        resolve(err.code),
      );
    });
    expect(code).toBe('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
  });

  it('agentFor gives the CA-carrying agent to the configured https origins only', async () => {
    const trust = createGigaChatTrust({
      bundledCaFile: bundledRussianCaPath(resourcesDir),
      caFile: tlsFixture('test-only-ca.cert.pem'),
      insecureSkipVerify: false,
      urls: ['https://ngw.devices.sberbank.ru:9443/api/v2/oauth', 'https://gigachat.devices.sberbank.ru/api/v1'],
      log: silentLogger,
    });
    const agent = await trust.agentFor('https://gigachat.devices.sberbank.ru/api/v1/chat/completions');
    expect(agent).toBeDefined();
    expect(await trust.agentFor('https://ngw.devices.sberbank.ru:9443/api/v2/oauth')).toBe(agent);
    expect(await trust.agentFor('https://ngw.devices.sberbank.ru/api/v2/oauth')).toBeUndefined();
    expect(await trust.agentFor('https://api.openai.com/v1/chat/completions')).toBeUndefined();
    expect(await trust.agentFor('https://api.hh.ru/vacancies')).toBeUndefined();
    expect(await trust.agentFor('https://gigachat.devices.sberbank.ru.evil.example/api/v1')).toBeUndefined();
    const ca = agent!.options.ca as string[];
    const subjects = ca.map((pem) => new X509Certificate(pem).subject);
    expect(subjects).toContain('C=RU\nO=The Ministry of Digital Development and Communications\nCN=Russian Trusted Root CA');
    expect(subjects).toContain('O=AI Auto Applier tests\nCN=AI Auto Applier TEST-ONLY CA');
    // Plus Node's default roots: the Russian CA is added, not substituted.
    expect(ca.length).toBeGreaterThan(100);
    expect(agent!.options.rejectUnauthorized).not.toBe(false);
  });

  it("certificate checks turned off for GigaChat stay off for GigaChat's hosts only", async () => {
    // GigaChat without its CA, checks off: it reaches the server that GigaChat's settings name.
    expect((await provider({ insecureSkipVerify: true }).complete(user)).text).toBe('Letter for: QA engineer');
    // Another host right after (the same test certificate, another port): checked as always, refused.
    const err = await createOpenAiProvider({ baseUrl: openai.baseUrl, model: 'gpt-4o-mini' }, deps)
      .complete(user)
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'ai_tls' });
    expect(openai.counts.chat).toBe(0);
    const trust = createGigaChatTrust({
      bundledCaFile: bundledRussianCaPath(resourcesDir),
      insecureSkipVerify: true,
      urls: [gigachat.authUrl, gigachat.baseUrl],
      log: silentLogger,
    });
    expect((await trust.agentFor(`${gigachat.baseUrl}/chat/completions`))?.options.rejectUnauthorized).toBe(false);
    expect(await trust.agentFor(`${openai.baseUrl}/chat/completions`)).toBeUndefined();
    expect(await trust.agentFor(`${gigachat.baseUrl.replace('https:', 'http:')}/chat/completions`)).toBeUndefined();
  });

  it('an http GigaChat address is refused before anything is sent, with a sentence naming it', async () => {
    // Said when the provider is made from the settings, before any request.
    const err = await Promise.resolve()
      .then(() => provider({ baseUrl: gigachat.baseUrl.replace('https:', 'http:') }).complete(user))
      .catch((e: unknown) => e);
    expect(err).toMatchObject({
      code: 'ai_not_configured',
      said: { key: 'ai.gigachatNotHttps' },
      next: { kind: 'open_settings', section: 'ai' },
    });
    expect(gigachat.requests).toEqual([]);
  });

  it('the shipped Russian Trusted Root CA is the one gosuslugi.ru publishes', async () => {
    const cert = new X509Certificate(await readFile(bundledRussianCaPath(resourcesDir)));
    expect(cert.fingerprint256).toBe('D2:6D:2D:02:31:B7:C3:9F:92:CC:73:85:12:BA:54:10:35:19:E4:40:5D:68:B5:BD:70:3E:97:88:CA:8E:CF:31');
    expect(cert.ca).toBe(true);
  });
});

import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { closeAfterEach, ok } from '../../support/contract';
import { createAesCipher } from '../../../main/core/secrets';
import { startTestCore } from '../../support/core';
import { movableClock } from '../../support/hh';
import { startLocalApi } from '../../support/local-api';

const keep = closeAfterEach();

const DAY = 24 * 3_600_000;

async function world(options: Parameters<typeof startLocalApi>[1] = {}) {
  const clock = movableClock(new Date(2026, 10, 27, 10, 0).getTime());
  const { core } = keep(await startTestCore({ clock }));
  const api = keep(await startLocalApi(core, { clock, ...options }));
  return { core, clock, api };
}

/** Whether something accepts a TCP connection at host:port. */
const accepts = (host: string, port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

describe('Local API: who may call', () => {
  it("401 without a token, with a wrong one, with another app's, an expired or a revoked one, and while the API is off", async () => {
    const { core, clock, api } = await world();
    const answers = [
      await api.call('get', '/automation', { token: null }),
      await api.call('get', '/automation', { token: 'not-a-jwt' }),
      // Signed with another key: the same claims, another app.
      await api.call('get', '/automation', { token: `${api.read.token.slice(0, api.read.token.lastIndexOf('.'))}.${'A'.repeat(43)}` }),
    ];
    expect(answers.map((a) => a.status)).toEqual([401, 401, 401]);
    for (const answer of answers) {
      expect(answer.body).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
      expect(answer.headers.get('www-authenticate')).toBe('Bearer');
      expect(answer.problems).toEqual([]);
    }

    expect((await api.call('get', '/automation', { token: api.read.token })).status).toBe(200);
    await api.bridge('localApi.revoke', { id: api.read.info.id });
    const revoked = await api.call('get', '/automation', { token: api.read.token });
    expect(revoked).toMatchObject({
      status: 401,
      body: { error: { code: 'unauthorized', message: expect.stringContaining('revoked') } },
      problems: [],
    });
    // The others keep working.
    expect((await api.call('get', '/automation')).status).toBe(200);

    clock.advance(31 * DAY);
    const expired = await api.call('get', '/automation');
    expect(expired).toMatchObject({ status: 401, body: { error: { message: expect.stringContaining('expired') } }, problems: [] });

    const fresh = await api.bridge<{ token: string }>('localApi.createToken', { name: 'again', scope: 'read', expiresInDays: 1 });
    expect((await api.call('get', '/automation', { token: fresh.token })).status).toBe(200);
    await api.bridge('localApi.setEnabled', { enabled: false });
    expect(await api.call('get', '/automation', { token: fresh.token })).toMatchObject({
      status: 401,
      body: { error: { message: expect.stringContaining('off') } },
    });
    // The Local API's switch does not close the window's own bridge.
    expect(ok(await core.invoke('localApi.status', {}))).toMatchObject({ enabled: false, listening: true, portFixed: true });
  });

  it("401, never a 5xx, for tokens signed with the app's own key whose id is malformed (a number, an object, a long or odd string)", async () => {
    const { core, clock, api } = await world();
    const key = new Uint8Array(Buffer.from((await core.vault.get('localApi.signing_key'))!, 'base64url'));
    const now = Math.floor(clock.now().getTime() / 1000);
    for (const jti of [12345, { id: 'x' }, ['a'], 'x'.repeat(500), "1' OR '1'='1", '']) {
      const token = await new SignJWT({ scope: 'write', jti } as Record<string, unknown>)
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setIssuer('ai-auto-applier')
        .setAudience('local-api')
        .setIssuedAt(now)
        .setExpirationTime(now + 3600)
        .sign(key);
      const answer = await api.call('get', '/automation', { token });
      expect(answer.status, JSON.stringify(jti)).toBe(401);
      expect(answer.body).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    }
  });

  it('403 for a read token on a route that changes something (written to the activity log), and for a foreign Origin', async () => {
    const { core, api } = await world();
    const refused = await api.call('post', '/automation/stop', { token: api.read.token });
    expect(refused).toMatchObject({ status: 403, body: { ok: false, error: { code: 'forbidden_sender' } }, problems: [] });
    expect(ok<{ paused: boolean }>(await core.invoke('automation.get', {})).paused).toBe(false);

    const foreign = await api.call('post', '/automation/stop', { headers: { Origin: 'https://evil.example' } });
    expect(foreign.status).toBe(403);
    expect(ok<{ paused: boolean }>(await core.invoke('automation.get', {})).paused).toBe(false);

    const stopped = await api.call('post', '/automation/stop');
    expect(stopped).toMatchObject({ status: 200, body: { paused: true }, problems: [] });
    const log = ok<{ items: { action: string; target: string; outcome: string; details: string }[] }>(
      await core.invoke('audit.list', { action: 'local_api.call' }),
    );
    expect(log.items.map((e) => [e.target, e.outcome])).toEqual([
      ['POST /api/v1/automation/stop', 'ok'],
      ['POST /api/v1/automation/stop', 'refused'],
    ]);
    expect(log.items[0]!.details).toContain(`token ${api.write.info.id} (cron)`);
    expect(log.items[1]!.details).toContain(`token ${api.read.info.id} (dashboard)`);
    // Reads are not written down; tokens never are.
    expect((await api.call('get', '/automation')).status).toBe(200);
    const all = JSON.stringify(ok(await core.invoke('audit.list', { limit: 500 })));
    expect(all).not.toContain(api.write.token);
    expect(ok<{ total: number }>(await core.invoke('audit.list', { action: 'local_api.call' })).total).toBe(2);
  });

  it('413 for a body over the limit, and 400 with the zod issues for invalid input', async () => {
    const { api } = await world({ maxBodyBytes: 2_000 });
    const huge = await api.call('put', '/profile', { body: { name: 'x'.repeat(5_000), email: '', phone: '', telegram: '', links: [] } });
    expect(huge).toMatchObject({ status: 413, body: { error: { code: 'invalid_input' } }, problems: [] });

    const invalid = await api.call('get', '/vacancies?limit=0&statuses=found,nonsense', { template: '/vacancies' });
    expect(invalid).toMatchObject({ status: 400, body: { error: { code: 'invalid_input' } }, problems: [] });
    expect(invalid.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(['limit', 'statuses.1']);
    const garbage = await api.call('put', '/profile', { rawBody: '{not json' });
    expect(garbage).toMatchObject({ status: 400, problems: [] });
    const notFound = await api.call('get', '/vacancies/999', { template: '/vacancies/{id}' });
    expect(notFound).toMatchObject({ status: 404, body: { error: { code: 'not_found' } }, problems: [] });
    expect((await api.call('get', '/nowhere')).status).toBe(404);
    expect((await api.call('patch', '/profile')).status).toBe(405);
  });

  it('429 with Retry-After under a burst, per token; the bucket refills with time', async () => {
    const { clock, api } = await world({ rateLimit: { burst: 3, perSecond: 1 } });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await api.call('get', '/info')).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const limited = await api.call('get', '/info');
    expect(limited).toMatchObject({ status: 429, body: { ok: false, error: { code: 'rate_limited' } }, problems: [] });
    expect(limited.headers.get('retry-after')).toBe('1');
    // Another token has its own bucket.
    expect((await api.call('get', '/info', { token: api.read.token })).status).toBe(200);
    clock.advance(1_000);
    expect((await api.call('get', '/info')).status).toBe(200);
  });

  it('listens on 127.0.0.1 only: no other address of this machine answers, and no CORS header is ever sent', async () => {
    const { api } = await world();
    const { port } = api.server;
    expect(new URL(api.server.url).hostname).toBe('127.0.0.1');
    expect(await accepts('127.0.0.1', port)).toBe(true);
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a && !a.internal && a.family === 'IPv4')
      .map((a) => a!.address);
    for (const address of [...others, '::1']) expect(await accepts(address, port), address).toBe(false);

    const preflight = await fetch(`${api.server.url}/api/v1/automation/stop`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect((await api.call('get', '/info')).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('serves its OpenAPI document and the docs page (Swagger UI from the app itself) without a token', async () => {
    const { api } = await world();
    expect(api.doc).toMatchObject({ openapi: '3.1.0', servers: [{ url: api.server.url }] });
    const page = await fetch(`${api.server.url}/docs`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('/docs/swagger-ui-bundle.js');
    expect(html).not.toMatch(/https?:\/\//);
    // The page's own words in Russian first, in English for a browser that asks for English.
    expect(html).toContain('<title>Локальный API AI Auto Applier</title>');
    expect(html).toContain('создайте его в Настройки → Локальный API');
    const english = await (await fetch(`${api.server.url}/docs`, { headers: { 'Accept-Language': 'en-GB,en;q=0.9,ru;q=0.5' } })).text();
    expect(english).toContain('<title>AI Auto Applier Local API</title>');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    for (const asset of ['/docs/swagger-ui-bundle.js', '/docs/swagger-ui.css', '/docs/init.js']) {
      const res = await fetch(`${api.server.url}${asset}`);
      expect(res.status, asset).toBe(200);
      expect((await res.text()).length, asset).toBeGreaterThan(10);
    }
  });
});

describe('Local API: tokens and how secrets are stored', () => {
  it('says tokens end when the app quits while secrets are held in memory only, and not otherwise', async () => {
    const kept = keep(await startTestCore());
    expect(ok(await kept.core.invoke('localApi.status', {}))).toMatchObject({ tokensEndOnQuit: false });
    const inMemory = keep(await startTestCore({ cipher: createAesCipher(undefined) }));
    expect(ok(await inMemory.core.invoke('localApi.status', {}))).toMatchObject({ tokensEndOnQuit: true });
  });
});

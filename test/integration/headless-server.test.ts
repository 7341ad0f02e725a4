import { mkdtemp, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { httpClient } from '../../renderer/src/api/client';
import { httpEventsPath } from '../../shared/contract';
import { startTestServer } from '../support/headless';

let running: Awaited<ReturnType<typeof startTestServer>> | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });

/** fetch() will not send a forged Host header, so this one goes through node:http. */
const rawGet = (port: number, path: string, headers: Record<string, string>) =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });

describe('headless contract server', () => {
  it('listens on 127.0.0.1 only and prints a token-bearing address', async () => {
    running = await startTestServer();
    const { server } = running;
    expect(new URL(server.url).hostname).toBe('127.0.0.1');
    expect(server.token.length).toBeGreaterThanOrEqual(32);
    expect(server.uiUrl).toBe(`${server.url}/#token=${server.token}`);
  });

  it('refuses requests without the right bearer token with 401', async () => {
    running = await startTestServer();
    const { server } = running;
    const none = await post(`${server.url}/api/invoke/app.info`, {});
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const wrong = await post(`${server.url}/api/invoke/app.info`, {}, { Authorization: `Bearer ${server.token.slice(1)}x` });
    expect(wrong.status).toBe(401);
    const events = await fetch(`${server.url}/api/events`);
    expect(events.status).toBe(401);
  });

  it('refuses a foreign Origin even with the token, and an unexpected Host', async () => {
    running = await startTestServer();
    const { server } = running;
    const auth = { Authorization: `Bearer ${server.token}` };
    const foreign = await post(
      `${server.url}/api/invoke/automation.setPaused`,
      { paused: true },
      { ...auth, Origin: 'https://evil.example' },
    );
    expect(foreign.status).toBe(403);
    expect((await running.core.invoke('automation.get', {})) as { value: { paused: boolean } }).toMatchObject({ value: { paused: false } });

    const own = await post(`${server.url}/api/invoke/automation.get`, {}, { ...auth, Origin: server.url });
    expect(own.status).toBe(200);

    const port = Number(new URL(server.url).port);
    expect((await rawGet(port, '/api/invoke/app.info', { ...auth, Host: `evil.example:${port}` })).status).toBe(421);
  });

  it('serves every channel with validation and typed errors', async () => {
    running = await startTestServer();
    const { server } = running;
    const auth = { Authorization: `Bearer ${server.token}` };
    expect(await (await post(`${server.url}/api/invoke/app.info`, {}, auth)).json()).toMatchObject({
      ok: true,
      value: { shell: 'headless' },
    });
    expect(await (await post(`${server.url}/api/invoke/automation.setPaused`, { paused: 1 }, auth)).json()).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await (await post(`${server.url}/api/invoke/nope`, {}, auth)).json()).toMatchObject({
      ok: false,
      error: { code: 'unknown_channel' },
    });
    const garbage = await fetch(`${server.url}/api/invoke/app.info`, { method: 'POST', headers: auth, body: '{not json' });
    expect(garbage.status).toBe(400);
    const huge = await post(`${server.url}/api/invoke/app.ping`, { message: 'x'.repeat(2_000_000) }, auth);
    expect(huge.status).toBe(413);
  });

  it('pushes events to the renderer client over server-sent events', async () => {
    running = await startTestServer();
    // The server counts a client in as it answers the stream's request, so once the answer is here
    // the change below reaches it.
    let onConnected!: () => void;
    const connected = new Promise<void>((resolve) => (onConnected = resolve));
    const client = httpClient(running.server.url, running.server.token, async (input, init) => {
      const response = await fetch(input, init);
      if (String(input).endsWith(httpEventsPath)) onConnected();
      return response;
    });
    const received = new Promise((resolve) => client.on('automation.changed', resolve));
    await connected;
    const result = await client.invoke('automation.setPaused', { paused: true });
    expect(result).toMatchObject({ ok: true, value: { paused: true } });
    await expect(received).resolves.toMatchObject({ paused: true });
  });

  it('serves the UI with a CSP, falls back to index.html, and never outside the UI folder', async () => {
    const ui = await mkdtemp(join(tmpdir(), 'aaa-ui-'));
    await writeFile(join(ui, 'index.html'), '<!doctype html><title>x</title>');
    await writeFile(join(tmpdir(), 'aaa-outside.txt'), 'private');
    running = await startTestServer({ uiDir: ui });
    const { server } = running;
    const index = await fetch(`${server.url}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await (await fetch(`${server.url}/settings`)).text()).toContain('<title>x</title>');
    const port = Number(new URL(server.url).port);
    expect((await rawGet(port, '/../aaa-outside.txt', { Host: `127.0.0.1:${port}` })).body).not.toContain('private');
    expect(await (await fetch(`${server.url}/%2e%2e/aaa-outside.txt`)).text()).not.toContain('private');
  });
});

import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CoreEvents } from '../../../main/core/events';
import type { Logger } from '../../../main/core/ports';
import { startApiServer, type ApiServer, type ApiServerOptions } from '../../../main/core/local-api/server';

let server: ApiServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A core whose token check breaks: the request fails inside the server, not in a handler. */
const brokenCore: ApiServerOptions['core'] = {
  invoke: async () => ({ ok: true, value: {} }),
  events: new CoreEvents(),
  localApi: {
    verify: async () => {
      throw new Error('the database is closed');
    },
    audit: async () => {},
    useListener: () => {},
    resume: async () => ({
      enabled: true,
      port: 47821,
      listening: true,
      portFixed: false,
      url: null,
      problem: null,
      tokensEndOnQuit: false,
    }),
    hhCallback: async () => ({ ok: false, error: { code: 'not_found', message: 'No sign-in.' } }),
  },
};

describe('a Local API request that fails inside the server', () => {
  it('answers 500 naming where the log is, and that log has the details', async () => {
    const lines: { message: string; details?: Record<string, unknown> }[] = [];
    const log: Logger = { info: () => {}, warn: () => {}, error: (message, details) => lines.push({ message, details }) };
    server = await startApiServer({ core: brokenCore, log });

    const response = await fetch(`${server.url}/api/v1/info`, { headers: { Authorization: 'Bearer some-local-api-token' } });
    expect(response.status).toBe(500);
    const body = (await response.json()) as { ok: false; error: { code: string; message: string } };
    expect(body.error.code).toBe('internal');
    expect(body.error.message).toContain(join('logs', 'app.log'));
    expect(body.error.message).toContain('Settings → About → Open the logs folder');

    expect(lines).toHaveLength(1);
    expect(lines[0]!.message).toBe('the Local API failed to answer');
    expect(lines[0]!.details).toMatchObject({ method: 'GET', path: '/api/v1/info' });
    expect(String(lines[0]!.details!.error)).toContain('the database is closed');
  });
});

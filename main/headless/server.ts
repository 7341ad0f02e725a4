import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { httpEventsPath, type Result } from '../../shared/contract';
import type { Core } from '../core';
import { AppError } from '../core/errors';
import { PAGE_HEADERS, resolveStaticFile } from '../core/ui/static-files';

export interface HeadlessServerOptions {
  core: Pick<Core, 'invoke' | 'events'>;
  /** 0 picks a free port. The server only ever listens on 127.0.0.1. */
  port?: number;
  /** Given for reproducible setups; otherwise a fresh random token per start. */
  token?: string;
  /** Built renderer to serve at /, so the whole UI runs in an ordinary browser. */
  uiDir?: string;
  maxBodyBytes?: number;
  /**
   * Pages hh.ru's redirects land on (the OAuth callback): in headless the user's own browser signs
   * in, and the registered redirect URI points here. Returns undefined for paths it does not own.
   */
  callbackPage?: (url: URL) => Promise<{ status: number; title: string; message: string } | undefined>;
}

export interface HeadlessServer {
  url: string;
  token: string;
  /** The address to open in a browser: the token travels in the hash, which browsers never send. */
  uiUrl: string;
  close(): Promise<void>;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const sendJson = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
};

const failure = (code: ConstructorParameters<typeof AppError>[0], message: string): Result<never> => ({
  ok: false,
  error: new AppError(code, message).toValue(),
});

const sameSecret = (given: string, expected: string) => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new AppError('invalid_input', 'The request is too large.');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The contract over HTTP for the headless core. Loopback only; every /api request needs the bearer
 * token; a browser request from any other origin is refused (another site open in the same browser
 * must not drive the user's hh.ru account), and so is an unexpected Host (DNS rebinding).
 */
export async function startHeadlessServer(options: HeadlessServerOptions): Promise<HeadlessServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const limit = options.maxBodyBytes ?? 1_000_000;
  let origins: string[] = [];
  const sseClients = new Set<ServerResponse>();

  const unsubscribe = options.core.events.onAny((name, payload) => {
    const frame = `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const client of sseClients) client.write(frame);
  });

  const handleApi = async (req: IncomingMessage, res: ServerResponse, path: string) => {
    const auth = req.headers.authorization ?? '';
    const given = auth.startsWith('Bearer ') ? auth.slice(7) : '';
    if (!given || !sameSecret(given, token)) {
      res.setHeader('WWW-Authenticate', 'Bearer');
      return sendJson(res, 401, failure('unauthorized', 'Open the address printed by the server: it carries the access token.'));
    }
    if (path === httpEventsPath && req.method === 'GET') {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      res.write(': connected\n\n');
      sseClients.add(res);
      req.on('close', () => sseClients.delete(res));
      return;
    }
    const match = /^\/api\/invoke\/([\w.-]+)$/.exec(path);
    if (!match || req.method !== 'POST') return sendJson(res, 404, failure('not_found', 'No such API address.'));
    let input: unknown;
    try {
      const body = await readBody(req, limit);
      input = body ? JSON.parse(body) : {};
    } catch (err) {
      return sendJson(res, 400, err instanceof AppError ? { ok: false, error: err.toValue() } : failure('invalid_input', 'The request body is not valid JSON.'));
    }
    sendJson(res, 200, await options.core.invoke(match[1]!, input));
  };

  const handleStatic = async (res: ServerResponse, path: string) => {
    if (!options.uiDir) return sendJson(res, 404, failure('not_found', 'This server has no UI to show.'));
    // Client-side routes fall back to the app shell.
    const found = await resolveStaticFile(options.uiDir, path, { fallbackToIndex: true });
    if (found.status === 400) return sendJson(res, 400, failure('invalid_input', 'The address is not valid.'));
    if (found.status !== 200) return sendJson(res, 404, failure('not_found', 'Not found.'));
    res.writeHead(200, { ...PAGE_HEADERS, 'Content-Type': found.contentType });
    createReadStream(found.file).on('error', () => res.end()).pipe(res);
  };

  const handleCallback = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
    if (req.method !== 'GET' || !options.callbackPage) return false;
    const page = await options.callbackPage(url);
    if (!page) return false;
    res.writeHead(page.status, { 'Content-Type': 'text/html; charset=utf-8', ...PAGE_HEADERS, 'Cache-Control': 'no-store' });
    res.end(`<!doctype html><html lang="ru"><meta charset="utf-8"><title>${escapeHtml(page.title)}</title><body><h1>${escapeHtml(page.title)}</h1><p>${escapeHtml(page.message)}</p></body></html>`);
    return true;
  };

  const server: Server = createServer((req, res) => {
    const host = req.headers.host ?? '';
    const origin = req.headers.origin;
    if (!origins.some((o) => o === `http://${host}`)) return sendJson(res, 421, failure('forbidden_sender', 'Unexpected Host header.'));
    if (origin !== undefined && !origins.includes(origin)) {
      return sendJson(res, 403, failure('forbidden_sender', 'Requests from other sites are refused.'));
    }
    const url = new URL(req.url ?? '/', `http://${host}`);
    const path = url.pathname;
    const work = path.startsWith('/api/')
      ? handleApi(req, res, path)
      : handleCallback(req, res, url).then((handled) => (handled ? undefined : handleStatic(res, path)));
    work.catch(() => {
      if (!res.headersSent) sendJson(res, 500, failure('internal', 'The server failed to answer.'));
      else res.end();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origins = [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
  const url = origins[0]!;

  return {
    url,
    token,
    uiUrl: `${url}/#token=${token}`,
    close: async () => {
      unsubscribe();
      for (const client of sseClients) client.end();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

import type { ApiCore } from './api-core';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { httpEventsPath, type AppErrorValue, type ChannelName, type Result } from '../../../shared/contract';
import { AppError } from '../errors';
import { systemClock, type Clock, type Logger } from '../ports';
import { PAGE_HEADERS, resolveStaticFile } from '../ui/static-files';
import { DOCS_HEADERS, DOCS_INIT, docsLanguage, docsPage, findSwaggerUi, SWAGGER_UI_FILES } from './docs';
import { retryAfterOf, statusOfCode } from './http-status';
import { buildOpenApi, HH_CALLBACK_PATH, shapeOf, type JsonSchema, type RouteShape } from './openapi';
import { DEFAULT_RATE_LIMIT, rateLimiter, type RateLimitOptions } from './rate-limit';
import { API_PREFIX, currentPath, isChannelRoute, routes, scopeOf } from './routes';
import { LOG_LOCATION } from '../support/log-files';
import type { Caller } from './service';

export interface ApiServerOptions {
  core: ApiCore;
  /** 0 picks a free port. The server only ever listens on 127.0.0.1. */
  port?: number;
  /**
   * The headless server's own token: it opens the window's bridge (/api/invoke, /api/events) and,
   * as a write token, the REST routes. Without it (the desktop app's Local API) only Local API
   * tokens are accepted, on the REST routes only.
   */
  sessionToken?: string;
  /** Built renderer to serve at /, so the whole UI runs in an ordinary browser. */
  uiDir?: string;
  /** Swagger UI's files; by default the swagger-ui-dist package. */
  docsDir?: string;
  maxBodyBytes?: number;
  rateLimit?: RateLimitOptions;
  clock?: Clock;
  /** Shown in the OpenAPI document. */
  version?: string;
  /** Where a request that failed inside the server is told (the app's log file, redacted). */
  log?: Logger;
  /**
   * Pages hh.ru's redirects land on (the OAuth callback): in headless the user's own browser signs
   * in, and the registered redirect URI points here. Returns undefined for paths it does not own.
   */
  callbackPage?: (url: URL) => Promise<{ status: number; title: string; message: string } | undefined>;
}

export interface ApiServer {
  url: string;
  port: number;
  /** The session token (a fresh random one when none was given). */
  token: string;
  /** The address to open in a browser: the token travels in the hash, which browsers never send. */
  uiUrl: string;
  close(): Promise<void>;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const JSON_HEADERS = {
  'Content-Type': 'application/json; charset=utf-8',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
};

const sendJson = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { ...JSON_HEADERS, ...headers });
  res.end(JSON.stringify(body));
};

const failure = (code: AppErrorValue['code'], message: string): { ok: false; error: AppErrorValue } => ({
  ok: false,
  error: new AppError(code, message).toValue(),
});

const sameSecret = (given: string, expected: string) => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

class TooLarge extends Error {}

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw new TooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new TooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const TOO_LARGE = () => failure('invalid_input', 'The request is too large.');
const NOT_JSON = () => failure('invalid_input', 'The request body is not valid JSON.');

/** A query or path value as the input schema types it (numbers, booleans, lists separated by commas). */
function coerce(schema: JsonSchema | undefined, values: string[]): unknown {
  if (schema?.type === 'array')
    return values
      .flatMap((value) => value.split(','))
      .filter(Boolean)
      .map((value) => coerceOne(schema.items as JsonSchema, value));
  return coerceOne(schema, values[values.length - 1]!);
}

function coerceOne(schema: JsonSchema | undefined, value: string): unknown {
  const branches = ((schema?.anyOf ?? schema?.oneOf) as JsonSchema[] | undefined) ?? [schema ?? {}];
  const isNumeric = (b: JsonSchema) =>
    b.type === 'integer' || b.type === 'number' || typeof b.const === 'number' || (Array.isArray(b.enum) && typeof b.enum[0] === 'number');
  if (value === 'null' && branches.some((b) => b.type === 'null')) return null;
  if (branches.some((b) => b.type === 'boolean') && (value === 'true' || value === 'false')) return value === 'true';
  if (branches.some(isNumeric) && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return value;
}

interface CompiledRoute {
  shape: RouteShape;
  pattern: RegExp;
}

const compile = (shape: RouteShape): CompiledRoute => ({
  shape,
  pattern: new RegExp(`^${API_PREFIX}${shape.route.path.replace(/[.]/g, '\\.').replace(/\{(\w+)\}/g, '(?<$1>[^/]+)')}$`),
});

/**
 * The Local API and the headless bridge: one server. Loopback only; a browser request from any
 * other origin is refused (another site open in the same browser must not drive the user's hh.ru
 * account), and so is an unexpected Host (DNS rebinding). No CORS headers are ever sent.
 */
export async function startApiServer(options: ApiServerOptions): Promise<ApiServer> {
  const { core } = options;
  const sessionToken = options.sessionToken;
  const limit = options.maxBodyBytes ?? 1_000_000;
  const clock = options.clock ?? systemClock;
  const limiter = rateLimiter(options.rateLimit ?? DEFAULT_RATE_LIMIT, clock);
  const compiled = routes.map((route) => compile(shapeOf(route)));
  const swaggerUi = findSwaggerUi(options.docsDir);
  let origins: string[] = [];
  let openApiText = '';
  const sseClients = new Set<ServerResponse>();

  const unsubscribe = core.events.onAny((name, payload) => {
    const frame = `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const client of sseClients) client.write(frame);
  });

  const bearerOf = (req: IncomingMessage) => {
    const auth = req.headers.authorization ?? '';
    return auth.startsWith('Bearer ') ? auth.slice(7).trim() : '';
  };
  const isSession = (given: string) => Boolean(sessionToken && given && sameSecret(given, sessionToken));
  const unauthorized = (res: ServerResponse, error: AppErrorValue) =>
    sendJson(res, 401, { ok: false, error }, { 'WWW-Authenticate': 'Bearer' });

  /** The window's bridge: every contract channel, answered 200 with the contract's Result. */
  const handleBridge = async (req: IncomingMessage, res: ServerResponse, path: string) => {
    if (!isSession(bearerOf(req))) {
      return unauthorized(res, failure('unauthorized', 'Open the address printed by the server: it carries the access token.').error);
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
      return err instanceof TooLarge ? sendJson(res, 413, TOO_LARGE()) : sendJson(res, 400, NOT_JSON());
    }
    sendJson(res, 200, await core.invoke(match[1]!, input));
  };

  const errorReply = (res: ServerResponse, error: AppErrorValue, status = statusOfCode[error.code]) => {
    const retryAfter = status === 429 || status === 503 ? retryAfterOf(error, clock.now()) : undefined;
    sendJson(res, status, { ok: false, error }, retryAfter === undefined ? {} : { 'Retry-After': String(retryAfter) });
    return status;
  };

  /** The input a route's request carries: path, then query or body, then what the route fixes. */
  const inputOf = async (
    req: IncomingMessage,
    url: URL,
    route: CompiledRoute,
    params: Record<string, string>,
  ): Promise<{ input: unknown } | { status: number; error: AppErrorValue }> => {
    const { shape } = route;
    const input: Record<string, unknown> = {};
    for (const name of shape.pathParams) input[name] = coerce(shape.pathSchemas[name], [decodeURIComponent(params[name]!)]);
    if (shape.body.kind === 'none') {
      for (const key of new Set(url.searchParams.keys())) input[key] = coerce(shape.query[key]?.schema, url.searchParams.getAll(key));
    } else {
      let body: unknown;
      try {
        const text = await readBody(req, limit);
        body = text.trim() ? JSON.parse(text) : undefined;
      } catch (err) {
        return err instanceof TooLarge ? { status: 413, error: TOO_LARGE().error } : { status: 400, error: NOT_JSON().error };
      }
      if (shape.body.kind === 'whole') return { input: body };
      if (shape.body.kind === 'key') input[shape.body.key] = body;
      else if (body !== undefined) {
        if (!body || typeof body !== 'object' || Array.isArray(body))
          return { status: 400, error: failure('invalid_input', 'The request body must be a JSON object.').error };
        // Path parameters win over the same names in the body.
        const fromPath = { ...input };
        Object.assign(input, body, fromPath);
      }
    }
    const route0 = shape.route;
    return { input: isChannelRoute(route0) ? { ...input, ...route0.fixed } : input };
  };

  const handleRest = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const method = (req.method ?? 'GET').toLowerCase();
    // An old path (renamedPaths) is answered as its new one, and says it is going away.
    const { path, renamedFrom } = currentPath(url.pathname);
    if (renamedFrom) {
      res.setHeader('Deprecation', 'true');
      res.setHeader('Link', `<${path}>; rel="successor-version"`);
    }
    if (path === HH_CALLBACK_PATH && method === 'get') {
      const result = await core.localApi.hhCallback(url.toString());
      return result.ok ? sendJson(res, 200, result.value) : void errorReply(res, result.error);
    }

    const given = bearerOf(req);
    let caller: Caller;
    if (!given)
      return unauthorized(
        res,
        failure('unauthorized', 'Send a Local API token: Authorization: Bearer <token> (make one in Settings → Local API).').error,
      );
    if (isSession(given)) caller = { id: 'session', name: 'headless session', scope: 'write' };
    else {
      const verified = await core.localApi.verify(given);
      if (!verified.ok) return unauthorized(res, verified.error.toValue());
      caller = verified.caller;
      const wait = limiter.take(caller.id);
      if (wait !== undefined) {
        return sendJson(res, 429, failure('rate_limited', `Too many requests with this token: wait ${wait} s.`), {
          'Retry-After': String(wait),
        });
      }
    }

    const candidates = compiled.map((route) => ({ route, match: route.pattern.exec(path) })).filter((c) => c.match);
    if (!candidates.length) return sendJson(res, 404, failure('not_found', 'No such API address: see /docs.'));
    const found = candidates.find((c) => c.route.shape.route.method === method);
    if (!found) {
      res.setHeader('Allow', [...new Set(candidates.map((c) => c.route.shape.route.method.toUpperCase()))].join(', '));
      return sendJson(res, 405, failure('not_found', `This address does not take ${method.toUpperCase()}.`));
    }
    const { route } = found;
    const spec = route.shape.route;
    const writes = scopeOf(spec) === 'write';
    const audit = (outcome: 'ok' | 'failed' | 'refused', status: number, code?: string) =>
      writes ? core.localApi.audit(caller, { method: method.toUpperCase(), path, outcome, status, code }) : Promise.resolve();

    if (writes && caller.scope !== 'write') {
      await audit('refused', 403, 'forbidden_sender');
      return sendJson(res, 403, failure('forbidden_sender', 'This token may only read: make a write token in Settings → Local API.'));
    }

    const params: Record<string, string> = { ...found.match!.groups };
    try {
      for (const value of Object.values(params)) decodeURIComponent(value);
    } catch {
      return sendJson(res, 400, failure('invalid_input', 'The address is not valid.'));
    }
    const parsed = await inputOf(req, url, route, params);
    if ('error' in parsed) {
      await audit('refused', parsed.status, parsed.error.code);
      return void errorReply(res, parsed.error, parsed.status);
    }

    let result: Result<unknown>;
    if (isChannelRoute(spec)) result = await core.invoke(spec.channel, parsed.input);
    else {
      const checked = spec.input.safeParse(parsed.input);
      result = checked.success
        ? await spec.run((name: ChannelName, input: unknown) => core.invoke(name, input), checked.data)
        : {
            ok: false,
            error: new AppError(
              'invalid_input',
              'Some of the values are not valid.',
              checked.error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(input)', message: i.message })),
            ).toValue(),
          };
    }
    if (!result.ok) {
      const status = errorReply(res, result.error);
      await audit(status < 500 ? 'refused' : 'failed', status, result.error.code);
      return;
    }
    const status = spec.status ?? 200;
    await audit('ok', status);
    if (status === 204) {
      res.writeHead(204, { 'Cache-Control': 'no-store' });
      return void res.end();
    }
    sendJson(res, status, result.value);
  };

  const handleDocs = async (res: ServerResponse, path: string, acceptLanguage?: string) => {
    if (path === '/openapi.json') {
      res.writeHead(200, JSON_HEADERS);
      return void res.end(openApiText);
    }
    if (path === '/docs' || path === '/docs/') {
      res.writeHead(200, { ...DOCS_HEADERS, 'Content-Type': 'text/html; charset=utf-8' });
      return void res.end(docsPage(docsLanguage(acceptLanguage)));
    }
    if (path === '/docs/init.js') {
      res.writeHead(200, { ...DOCS_HEADERS, 'Content-Type': 'text/javascript; charset=utf-8' });
      return void res.end(DOCS_INIT);
    }
    const file = SWAGGER_UI_FILES.find((name) => path === `/docs/${name}`);
    if (!file || !swaggerUi) return sendJson(res, 404, failure('not_found', 'Not found.'));
    res.writeHead(200, {
      ...DOCS_HEADERS,
      'Content-Type': file.endsWith('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8',
      'Cache-Control': 'max-age=3600',
    });
    createReadStream(join(swaggerUi, file))
      .on('error', () => res.end())
      .pipe(res);
  };

  const handleStatic = async (res: ServerResponse, path: string) => {
    if (!options.uiDir)
      return sendJson(res, 404, failure('not_found', 'Nothing here: the Local API is under /api/v1, described at /docs.'));
    // Client-side routes fall back to the app shell.
    const found = await resolveStaticFile(options.uiDir, path, { fallbackToIndex: true });
    if (found.status === 400) return sendJson(res, 400, failure('invalid_input', 'The address is not valid.'));
    if (found.status !== 200) return sendJson(res, 404, failure('not_found', 'Not found.'));
    res.writeHead(200, { ...PAGE_HEADERS, 'Content-Type': found.contentType });
    createReadStream(found.file)
      .on('error', () => res.end())
      .pipe(res);
  };

  const handleCallback = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
    if (req.method !== 'GET' || !options.callbackPage) return false;
    const page = await options.callbackPage(url);
    if (!page) return false;
    res.writeHead(page.status, { 'Content-Type': 'text/html; charset=utf-8', ...PAGE_HEADERS, 'Cache-Control': 'no-store' });
    res.end(
      `<!doctype html><html lang="ru"><meta charset="utf-8"><title>${escapeHtml(page.title)}</title><body><h1>${escapeHtml(page.title)}</h1><p>${escapeHtml(page.message)}</p></body></html>`,
    );
    return true;
  };

  const server: Server = createServer((req, res) => {
    const host = req.headers.host ?? '';
    const origin = req.headers.origin;
    if (!origins.some((o) => o === `http://${host}`)) return sendJson(res, 421, failure('forbidden_sender', 'Unexpected Host header.'));
    if (origin !== undefined && !origins.includes(origin)) {
      return sendJson(res, 403, failure('forbidden_sender', 'Requests from other sites are refused.'));
    }
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://${host}`);
    } catch {
      return sendJson(res, 400, failure('invalid_input', 'The address is not valid.'));
    }
    const path = url.pathname;
    const work =
      path === API_PREFIX || path.startsWith(`${API_PREFIX}/`)
        ? handleRest(req, res, url)
        : path.startsWith('/api/')
          ? handleBridge(req, res, path)
          : path === '/openapi.json' || path === '/docs' || path.startsWith('/docs/')
            ? handleDocs(res, path, req.headers['accept-language'])
            : handleCallback(req, res, url).then((handled) => (handled ? undefined : handleStatic(res, path)));
    work.catch((err: unknown) => {
      // The 500 answer sends the caller to the log: the details must be there.
      options.log?.error('the Local API failed to answer', {
        method: req.method,
        path,
        error: err instanceof Error ? (err.stack ?? err.message) : String(err),
      });
      if (!res.headersSent)
        sendJson(res, 500, failure('internal', `The server failed to answer. The details are in the app's log: ${LOG_LOCATION}.`));
      else res.end();
    });
  });
  server.requestTimeout = 60_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origins = [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
  const url = origins[0]!;
  openApiText = JSON.stringify(buildOpenApi({ version: options.version ?? '0.0.0', serverUrl: url }));
  const token = sessionToken ?? '';

  return {
    url,
    port,
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

/** A fresh session token for a headless run. */
export const newSessionToken = () => randomBytes(24).toString('base64url');

import { randomBytes } from 'node:crypto';
import { Script, sendJson, startFake, type Behaviour, type FakeTls, type RecordedRequest } from './fake-server';
import { testTls, tlsFixture } from './support';

export type GigaChatEndpoint = 'oauth' | 'chat' | 'models';

export interface FakeGigaChatOptions {
  /** The authorization key it accepts (what the user pastes: base64 of client_id:client_secret). */
  credentials: string;
  scopes?: string[];
  models?: string[];
  /** Its certificate: by default the test-only one, signed by the test-only CA in `caFile`. */
  tls?: FakeTls;
}

export interface FakeGigaChat {
  authUrl: string;
  baseUrl: string;
  /** The test-only CA its default certificate is signed by: GigaChat is reached over https only. */
  caFile: string;
  origin: string;
  script: Script<GigaChatEndpoint>;
  counts: Record<GigaChatEndpoint, number>;
  maxInFlight: Record<GigaChatEndpoint, number>;
  requests: RecordedRequest[];
  /** Every token it has issued, oldest first. */
  issued: string[];
  enqueue(endpoint: GigaChatEndpoint, ...behaviours: Behaviour[]): void;
  /** expires_at (epoch ms) of the next tokens it issues, from the time of issue; default: now + 30 min. */
  setTokenExpiry(expiresAt: (now: number) => number): void;
  /** Every token issued so far now answers 401, as after a revocation. */
  revokeAll(): void;
  /** Every answer without a scripted behaviour waits this long (a slow model). */
  setDelay(ms: number): void;
  close(): Promise<void>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const THIRTY_MINUTES = 30 * 60_000;

/**
 * GigaChat as its docs describe it, over https: OAuth at /api/v2/oauth (Basic key, RqUID uuid4, form `scope`,
 * `{access_token, expires_at}` in milliseconds, `{code, message}` errors), chat and models under
 * /api/v1 behind Bearer tokens that really expire.
 */
export async function startFakeGigaChat(options: FakeGigaChatOptions): Promise<FakeGigaChat> {
  const script = new Script<GigaChatEndpoint>(['oauth', 'chat', 'models']);
  const scopes = options.scopes ?? ['GIGACHAT_API_PERS', 'GIGACHAT_API_B2B', 'GIGACHAT_API_CORP'];
  const models = options.models ?? ['GigaChat-2', 'GigaChat-2-Pro', 'GigaChat-2-Max'];
  const tokens = new Map<string, { expiresAt: number; revoked: boolean }>();
  const issued: string[] = [];
  let expiry = (now: number) => now + THIRTY_MINUTES;

  const running = await startFake({
    script,
    tls: options.tls ?? (await testTls()),
    route: (method, path) => {
      if (method === 'POST' && path === '/api/v2/oauth') return 'oauth';
      if (method === 'POST' && path === '/api/v1/chat/completions') return 'chat';
      if (method === 'GET' && path === '/api/v1/models') return 'models';
      return undefined;
    },
    answer: ({ endpoint, req, body, res }) => {
      if (endpoint === 'oauth') {
        if (req.headers.authorization !== `Basic ${options.credentials}`)
          return sendJson(res, 401, { code: 6, message: "credentials doesn't match db data" });
        if (!UUID.test(String(req.headers.rquid ?? ''))) return sendJson(res, 400, { code: 1, message: 'Invalid RqUID' });
        if (!String(req.headers['content-type']).startsWith('application/x-www-form-urlencoded'))
          return sendJson(res, 400, { code: 2, message: 'Invalid content type' });
        const scope = new URLSearchParams(body).get('scope');
        if (!scope) return sendJson(res, 400, { code: 5, message: 'scope is empty' });
        if (!scopes.includes(scope)) return sendJson(res, 400, { code: 7, message: 'scope from db not fully includes consumed scope' });
        const token = `gc-token-${issued.length + 1}-${randomBytes(24).toString('base64url')}`;
        const expiresAt = expiry(Date.now());
        tokens.set(token, { expiresAt, revoked: false });
        issued.push(token);
        return sendJson(res, 200, { access_token: token, expires_at: expiresAt });
      }

      const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      const known = bearer ? tokens.get(bearer) : undefined;
      if (!known || known.revoked || known.expiresAt <= Date.now()) return sendJson(res, 401, { status: 401, message: 'Unauthorized' });

      if (endpoint === 'models') {
        return sendJson(res, 200, { object: 'list', data: models.map((id) => ({ id, object: 'model', owned_by: 'salutedevices' })) });
      }
      const request = JSON.parse(body) as { model: string; messages: { role: string; content: string }[] };
      if (!models.includes(request.model)) return sendJson(res, 404, { status: 404, message: 'No such model' });
      const last = request.messages.filter((message) => message.role === 'user').at(-1)?.content ?? '';
      const content = `Letter for: ${last}`;
      return sendJson(res, 200, {
        choices: [{ message: { role: 'assistant', content }, index: 0, finish_reason: 'stop' }],
        created: Math.floor(Date.now() / 1000),
        model: `${request.model}:2.0.28.2`,
        object: 'chat.completion',
        usage: { prompt_tokens: last.length, completion_tokens: content.length, total_tokens: last.length + content.length },
      });
    },
  });

  return {
    authUrl: `${running.origin}/api/v2/oauth`,
    baseUrl: `${running.origin}/api/v1`,
    caFile: tlsFixture('test-only-ca.cert.pem'),
    origin: running.origin,
    script,
    counts: script.counts,
    maxInFlight: script.maxInFlight,
    requests: script.requests,
    issued,
    enqueue: (endpoint, ...behaviours) => script.enqueue(endpoint, ...behaviours),
    setTokenExpiry: (next) => {
      expiry = next;
    },
    revokeAll: () => {
      for (const token of tokens.values()) token.revoked = true;
    },
    setDelay: (ms) => {
      script.defaultDelayMs = ms;
    },
    close: running.close,
  };
}

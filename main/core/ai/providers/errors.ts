import type { ErrorCode } from '../../../../shared/contract';
import { AppError, say, type AppErrorExtra, type Said } from '../../errors';

/**
 * One translation from what a model service did (an HTTP status, a socket error, a refusal) to an
 * error the user can act on. GigaChat and every OpenAI-compatible service go through here, so the
 * same failure reads the same whichever provider the user chose.
 */

export type NetworkProvider = 'gigachat' | 'openai';
export type Endpoint = 'oauth' | 'chat' | 'models';

/** Who was asked: names the service in sentences; `secrets` are cut out of any reason quoted back. */
export interface Service {
  provider: NetworkProvider;
  /** Subject of a sentence: "GigaChat", "The AI service at localhost:11434". */
  name: string;
  /** host[:port], for sentences about connections and certificates. */
  host: string;
  secrets?: () => (string | undefined)[];
}

/** What happened on the wire, kept beside the sentence for the retry policy and for tests. */
/** The service as a sentence's fact names it: "GigaChat", or the address of an OpenAI-compatible one (the window adds "ИИ-сервис"). */
export const serviceLabel = (service: Service): string => (service.provider === 'gigachat' ? service.name : service.host);

export interface AiFailure {
  provider: NetworkProvider;
  endpoint?: Endpoint;
  status?: number;
  /** The server's own wait (Retry-After), when it gave one. */
  retryAfterMs?: number;
  /** ECONNREFUSED, SELF_SIGNED_CERT_IN_CHAIN, blacklist...: never a secret. */
  reason?: string;
}

export class AiError extends AppError {
  constructor(
    code: ErrorCode,
    message: string | Said,
    readonly ai: AiFailure,
    extra: AppErrorExtra = {},
  ) {
    super(code, message, undefined, extra);
    this.name = 'AiError';
  }
}

const SETTINGS = { kind: 'open_settings', section: 'ai' } as const;
const REASON_LIMIT = 200;

export type HeaderGetter = (name: string) => string | null | undefined;

/** Retry-After is seconds or an HTTP date; some services send retry-after-ms instead. */
export function parseRetryAfter(header: HeaderGetter, now = Date.now()): number | undefined {
  const ms = Number.parseFloat(header('retry-after-ms') ?? '');
  if (Number.isFinite(ms)) return Math.max(0, ms);
  const value = header('retry-after')?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Number.parseFloat(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** The server's own words about the problem, short and without anything secret. */
export function serverReason(body: unknown, service?: Pick<Service, 'secrets'>): string | undefined {
  const pick = (value: unknown, depth = 0): string | undefined => {
    if (typeof value === 'string') return value;
    if (!value || typeof value !== 'object' || depth > 2) return undefined;
    const record = value as Record<string, unknown>;
    return pick(record.message, depth + 1) ?? pick(record.error, depth + 1) ?? pick(record.detail, depth + 1);
  };
  let text = pick(body)?.replace(/\s+/g, ' ').trim();
  if (!text) return undefined;
  for (const secret of service?.secrets?.() ?? []) if (secret && secret.length >= 4) text = text.split(secret).join('[hidden]');
  // Some services quote the key they refused ("Incorrect API key provided: sk-ab***yz"), or a token.
  text = text
    .replace(/\b(Bearer|Basic)\s+[\w*.~+/=-]{6,}/gi, '$1 [hidden]')
    .replace(/\bsk-[\w*.-]{3,}[\w*]/g, '[hidden]')
    .replace(/[\w+=.-]{40,}/g, (run) => (/\d/.test(run) ? '[hidden]' : run));
  return text.length > REASON_LIMIT ? `${text.slice(0, REASON_LIMIT - 1)}…` : text;
}

/** OpenAI puts a machine code in error.code or error.type ("insufficient_quota", "model_not_found"). */
function serverCode(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const record = body as Record<string, unknown>;
  const inner = record.error && typeof record.error === 'object' ? (record.error as Record<string, unknown>) : record;
  const code = inner.code ?? inner.type;
  return typeof code === 'string' ? code : undefined;
}

const UNKNOWN_MODEL = /model/i;
const NOT_FOUND = /not[ _]?found|does not exist|doesn't exist|no such|unknown|not available|unavailable/i;

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

export interface StatusContext {
  endpoint: Endpoint;
  model?: string;
  /** False when no API key was stored: a 401 then means "add a key", not "wrong key". */
  hasKey?: boolean;
}

/** Any non-2xx answer from a model service (OAuth answers go through `fromGigaChatOAuth` first). */
export function fromStatus(service: Service, status: number, body: unknown, header: HeaderGetter, context: StatusContext): AiError {
  const reason = serverReason(body, service);
  const code = serverCode(body);
  const failure: AiFailure = { provider: service.provider, endpoint: context.endpoint, status };
  const details = (withReason: boolean): Record<string, string> => ({
    status: String(status),
    ...(withReason && reason ? { reason } : {}),
  });
  const make = (errorCode: ErrorCode, message: string | Said, extra: AppErrorExtra) => new AiError(errorCode, message, failure, extra);
  const model = context.model ? ` "${context.model}"` : '';

  if (status === 401 || status === 403) {
    if (context.hasKey === false) {
      return make('ai_not_configured', `${service.name} asks for an API key. Add it in Settings → AI.`, {
        next: SETTINGS,
        details: details(false),
      });
    }
    const what = service.provider === 'gigachat' ? 'your authorization key' : 'your API key';
    const verb = status === 401 ? 'did not accept' : 'does not allow this request with';
    return make('ai_bad_key', `${service.name} ${verb} ${what}. Check it in Settings → AI.`, { next: SETTINGS, details: details(false) });
  }
  if (status === 402 || (status === 429 && code === 'insufficient_quota')) {
    const message =
      service.provider === 'gigachat'
        ? 'Your GigaChat token package is used up. Buy more tokens (or wait for the next free package) in the Sber studio, or choose another provider in Settings → AI.'
        : `${service.name} says your account has no credit left. Top it up with the service, or choose another provider in Settings → AI.`;
    return make('ai_quota_exhausted', message, { next: SETTINGS, details: details(true) });
  }
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(header);
    failure.retryAfterMs = retryAfterMs;
    const message =
      retryAfterMs === undefined
        ? `${service.name} is getting too many requests from you. The app will try again in a minute.`
        : say('ai.rateLimited', { service: serviceLabel(service), seconds: seconds(retryAfterMs) });
    return make('ai_rate_limited', message, {
      retryable: true,
      next: { kind: 'retry_later', ...(retryAfterMs !== undefined && { retryAfterSeconds: seconds(retryAfterMs) }) },
      details: details(false),
    });
  }
  if (status === 404 && context.endpoint === 'oauth') {
    return make(
      'ai_bad_request',
      `${service.name} has no token service at this address. Check the authorization address in Settings → AI, or clear it to use the default.`,
      {
        next: SETTINGS,
        details: details(false),
      },
    );
  }
  if (status === 404 || code === 'model_not_found' || (status < 500 && reason && UNKNOWN_MODEL.test(reason) && NOT_FOUND.test(reason))) {
    const message =
      context.endpoint === 'models'
        ? `${service.name} has no model list at this address. Check the base URL in Settings → AI.`
        : `${service.name} does not have the model${model}, or the address is wrong. Choose a model it lists (Settings → AI → Test connection) or check the base URL.`;
    return make('ai_model_unavailable', message, { next: SETTINGS, details: details(true) });
  }
  if (status === 408) return timeoutError(service, undefined, context.endpoint);
  if (status === 413) {
    return make('ai_bad_request', `${service.name} says the request is too long. Shorten the template or the profile text it includes.`, {
      next: { kind: 'fix_input' },
      details: details(true),
    });
  }
  if (status >= 500) {
    return make('ai_unavailable', say('ai.unavailableStatus', { service: serviceLabel(service), status }), {
      retryable: true,
      next: { kind: 'retry_later' },
      details: details(true),
    });
  }
  return make(
    'ai_bad_request',
    reason
      ? say('ai.rejected', { service: serviceLabel(service), status, reason })
      : say('ai.rejectedNoReason', { service: serviceLabel(service), status }),
    {
      next: SETTINGS,
      details: details(true),
    },
  );
}

/** OAuth answers `{code, message}`: 4 and 6 are a bad key, 5 and 7 a scope the key does not have. */
export function fromGigaChatOAuth(service: Service, status: number, body: unknown, header: HeaderGetter): AiError {
  const oauthCode = body && typeof body === 'object' ? (body as { code?: unknown }).code : undefined;
  const failure: AiFailure = {
    provider: service.provider,
    endpoint: 'oauth',
    status,
    reason: oauthCode === undefined ? undefined : `oauth code ${String(oauthCode)}`,
  };
  const details = { status: String(status), ...(oauthCode !== undefined && { oauthCode: String(oauthCode) }) };
  if (status === 401 || status === 403 || oauthCode === 4 || oauthCode === 6) {
    return new AiError(
      'ai_bad_key',
      'GigaChat did not accept your authorization key. Copy the "Authorization key" from your project in the Sber studio into Settings → AI.',
      failure,
      {
        next: SETTINGS,
        details,
      },
    );
  }
  if (oauthCode === 5 || oauthCode === 7) {
    return new AiError(
      'ai_bad_request',
      'Your GigaChat key does not have the chosen scope. In Settings → AI pick the one your project has: GIGACHAT_API_PERS for individuals, GIGACHAT_API_B2B or GIGACHAT_API_CORP for businesses.',
      failure,
      { next: SETTINGS, details },
    );
  }
  return fromStatus(service, status, body, header, { endpoint: 'oauth' });
}

export function timeoutError(service: Service, ms: number | undefined, endpoint?: Endpoint): AiError {
  const message =
    ms === undefined
      ? `${service.name} did not answer in time. It may be busy: try again later, or allow more time in Settings → AI.`
      : say('ai.timeout', { service: serviceLabel(service), seconds: seconds(ms) });
  return new AiError(
    'ai_timeout',
    message,
    {
      provider: service.provider,
      endpoint,
      reason: 'timeout',
    },
    { retryable: true, next: { kind: 'retry_later' } },
  );
}

/** Refusals are failures, never letters: the content filter's text must not be sent to an employer. */
export function refusedError(service: Service, finishReason: string): AiError {
  return new AiError(
    'ai_refused',
    `${service.name} refused to write this text (its content filter stopped it). Reword the template or the vacancy notes, or try another provider.`,
    { provider: service.provider, endpoint: 'chat', reason: finishReason },
    { next: { kind: 'fix_input' }, details: { finishReason } },
  );
}

/** GigaChat's finish_reason "error": it broke off mid-generation, a server problem worth another try. */
export function generationFailed(service: Service): AiError {
  return new AiError(
    'ai_unavailable',
    `${service.name} failed while writing the text. Try again in a few minutes.`,
    {
      provider: service.provider,
      endpoint: 'chat',
      reason: 'finish_error',
    },
    { retryable: true, next: { kind: 'retry_later' } },
  );
}

export function unreadableAnswer(service: Service, endpoint: Endpoint): AiError {
  return new AiError(
    'ai_unavailable',
    `${service.name} sent an answer the app could not read. Try again later; if it keeps happening, check the base URL in Settings → AI.`,
    {
      provider: service.provider,
      endpoint,
      reason: 'unreadable',
    },
    { retryable: true, next: { kind: 'retry_later' } },
  );
}

const TLS_UNTRUSTED = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
]);
const TLS_EXPIRED = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID']);
const TLS_WRONG_NAME = new Set(['ERR_TLS_CERT_ALTNAME_INVALID', 'HOSTNAME_MISMATCH']);
const NETWORK_MESSAGES: Record<string, (host: string) => string> = {
  ECONNREFUSED: (host) =>
    `Nothing answers at ${host} (connection refused). If it is a local server (Ollama, LM Studio), start it; otherwise check the address in Settings → AI.`,
  ENOTFOUND: (host) => `The address ${host} could not be found. Check your internet connection and the address in Settings → AI.`,
  EAI_AGAIN: (host) => `The address ${host} could not be looked up right now. Check your internet connection.`,
  ECONNRESET: (host) => `The connection to ${host} was cut off. Check your internet connection; the app will try again.`,
  EPIPE: (host) => `The connection to ${host} was cut off. Check your internet connection; the app will try again.`,
  UND_ERR_SOCKET: (host) => `The connection to ${host} was cut off. Check your internet connection; the app will try again.`,
  EHOSTUNREACH: (host) => `${host} cannot be reached from this network. Check your internet connection or VPN.`,
  ENETUNREACH: (host) => `${host} cannot be reached from this network. Check your internet connection or VPN.`,
  ETIMEDOUT: (host) => `Connecting to ${host} took too long. Check your internet connection or VPN.`,
  UND_ERR_CONNECT_TIMEOUT: (host) => `Connecting to ${host} took too long. Check your internet connection or VPN.`,
};

/** Error codes along an error's cause chain (fetch and axios both wrap the socket's error). */
export function errorCodes(err: unknown): string[] {
  const codes: string[] = [];
  const seen = new Set<unknown>();
  const visit = (value: unknown, depth: number) => {
    if (!value || typeof value !== 'object' || seen.has(value) || depth > 6) return;
    seen.add(value);
    const { code, cause, errors } = value as { code?: unknown; cause?: unknown; errors?: unknown };
    if (typeof code === 'string') codes.push(code);
    visit(cause, depth + 1);
    if (Array.isArray(errors)) for (const inner of errors) visit(inner, depth + 1);
  };
  visit(err, 0);
  return codes;
}

function tlsExplanation(codes: string[]): { reason: string; why: string } | undefined {
  for (const reason of codes) {
    if (TLS_UNTRUSTED.has(reason)) return { reason, why: 'its certificate is signed by an authority this app does not trust' };
    if (TLS_EXPIRED.has(reason))
      return { reason, why: "its certificate has expired or is not valid yet (or this computer's clock is wrong)" };
    if (TLS_WRONG_NAME.has(reason)) return { reason, why: 'its certificate was issued for another address' };
    if (reason.startsWith('ERR_SSL_') || reason.startsWith('ERR_TLS_') || reason.startsWith('CERT_'))
      return { reason, why: 'the secure connection could not be set up' };
  }
  return undefined;
}

/** A request that never got an HTTP answer: TLS, DNS, refused or cut connections. */
export function fromTransport(service: Service, err: unknown, endpoint: Endpoint): AiError {
  const codes = errorCodes(err);
  const tls = tlsExplanation(codes);
  if (tls) {
    const fix =
      service.provider === 'gigachat'
        ? 'GigaChat uses the Russian Trusted Root CA, which the app includes. If your network inspects HTTPS (a corporate proxy or antivirus), choose its CA certificate file in Settings → AI.'
        : 'If this is your own server with its own certificate, use its http:// address or give it a certificate from a public authority.';
    return new AiError(
      'ai_tls',
      `The connection to ${service.host} is not trusted: ${tls.why} (${tls.reason}). ${fix}`,
      {
        provider: service.provider,
        endpoint,
        reason: tls.reason,
      },
      { next: SETTINGS, details: { reason: tls.reason } },
    );
  }
  const known = codes.find((code) => code in NETWORK_MESSAGES);
  const reason = known ?? codes[0] ?? 'network';
  const message = known
    ? NETWORK_MESSAGES[known]!(service.host)
    : `${service.name} could not be reached at ${service.host}. Check your internet connection and the address in Settings → AI.`;
  return new AiError(
    'ai_network',
    message,
    { provider: service.provider, endpoint, reason },
    {
      retryable: true,
      next: { kind: 'retry_later' },
      details: { reason },
    },
  );
}

export function notConfigured(service: Pick<Service, 'provider' | 'name'>, what: string): AiError {
  return new AiError('ai_not_configured', `${what} Add it in Settings → AI.`, { provider: service.provider }, { next: SETTINGS });
}

export function badInput(service: Pick<Service, 'provider' | 'name'>, message: string): AiError {
  return new AiError('ai_bad_request', message, { provider: service.provider }, { next: { kind: 'fix_input' } });
}

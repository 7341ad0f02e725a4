/*
 * A small axios client, not the official `gigachat` SDK (npm 0.0.20, read in full before deciding).
 * The SDK would have to be worked around at every point this issue cares about:
 * - tokens: it ignores `expires_at` and renews only after a 401, each concurrent 401 fetching its own
 *   token; the token lives in the instance, not in our vault;
 * - cancelling: `chat()` takes no AbortSignal (only `stream()` does) and its timeout is one number
 *   per client, in seconds;
 * - secrets: by default it reads GIGACHAT_CREDENTIALS and other settings from process.env, prints to
 *   the console on every token renewal, and its errors carry the whole axios response, whose config
 *   holds the `Authorization: Basic <key>` header;
 * - errors: one ResponseError whose message is the response body, so every mapping would still be ours.
 * We need three requests (OAuth, chat, models); axios, already the app's HTTP client, does them in
 * the code below, with per-request agents so the Russian CA is trusted for GigaChat hosts only.
 */
import { randomUUID } from 'node:crypto';
import axios, { type AxiosResponse } from 'axios';
import { z } from 'zod';
import type { ModelInfo } from '../../provider';
import { withDeadline } from '../deadline';
import {
  fromGigaChatOAuth,
  fromStatus,
  fromTransport,
  timeoutError,
  unreadableAnswer,
  type Endpoint,
  type HeaderGetter,
  type Service,
} from '../errors';
import type { ResolvedGigaChatConfig } from './config';
import type { GigaChatTrust } from './tls';

const oauthAnswer = z.object({ access_token: z.string().min(1), expires_at: z.number() });
const chatAnswer = z.object({
  choices: z
    .array(z.object({ message: z.object({ content: z.string().nullish() }).nullish(), finish_reason: z.string().nullish() }))
    .min(1),
  model: z.string().nullish(),
  usage: z.object({ prompt_tokens: z.number(), completion_tokens: z.number(), total_tokens: z.number() }).partial().nullish(),
});
const modelsAnswer = z.object({ data: z.array(z.object({ id: z.string(), owned_by: z.string().nullish() })) });

export type GigaChatChatAnswer = z.infer<typeof chatAnswer>;

export interface GigaChatRequestBody {
  model: string;
  messages: { role: string; content: string }[];
  temperature?: number;
  max_tokens?: number;
  stream: false;
}

export interface GigaChatHttp {
  /** `expiresAt` in epoch milliseconds. */
  oauth(credentials: string, signal?: AbortSignal): Promise<{ token: string; expiresAt: number }>;
  chat(token: string, body: GigaChatRequestBody, options: { signal?: AbortSignal; timeoutMs?: number }): Promise<GigaChatChatAnswer>;
  models(token: string, options: { signal?: AbortSignal; timeoutMs?: number }): Promise<ModelInfo[]>;
}

/** The studio's "Authorization key" is base64 of client_id:client_secret; accept the pair itself too. */
const basicKey = (credentials: string) => (credentials.includes(':') ? Buffer.from(credentials, 'utf8').toString('base64') : credentials);

/** GigaChat sends milliseconds; a value in seconds (older docs, other gateways) would read as 1970. */
const toMillis = (expiresAt: number) => (expiresAt < 1e12 ? expiresAt * 1000 : expiresAt);

const headerGetter =
  (response: AxiosResponse): HeaderGetter =>
  (name) => {
    const value: unknown = response.headers[name];
    return typeof value === 'string' ? value : Array.isArray(value) ? String(value[0]) : undefined;
  };

export function createGigaChatHttp(config: ResolvedGigaChatConfig, trust: GigaChatTrust, service: Service): GigaChatHttp {
  const http = axios.create({
    // Every status is ours to map; redirects are not followed so the key never travels to another host.
    validateStatus: () => true,
    maxRedirects: 0,
    // The agent from `trust` must be the one used: an environment proxy would replace it.
    proxy: false,
    maxContentLength: 10 * 1024 * 1024,
    responseType: 'json',
    headers: { 'User-Agent': 'AI-Auto-Applier' },
  });

  // Failures of the token request name the auth host, everything else the API host.
  const authService: Service = { ...service, host: new URL(config.authUrl).host };
  const serviceFor = (endpoint: Endpoint) => (endpoint === 'oauth' ? authService : service);

  const send = async (
    request: { method: 'GET' | 'POST'; url: string; headers: Record<string, string>; data?: unknown; endpoint: Endpoint },
    options: { signal?: AbortSignal; timeoutMs?: number },
  ): Promise<AxiosResponse> => {
    const timeoutMs = options.timeoutMs ?? config.timeoutMs;
    const httpsAgent = await trust.agentFor(request.url);
    return withDeadline(
      timeoutMs,
      options.signal,
      async (signal) => {
        try {
          return await http.request({
            method: request.method,
            url: request.url,
            headers: request.headers,
            data: request.data,
            signal,
            httpsAgent,
          });
        } catch (err) {
          if (signal.aborted) throw err;
          // Never the axios error itself: its config holds the Authorization header.
          throw fromTransport(serviceFor(request.endpoint), err, request.endpoint);
        }
      },
      () => timeoutError(serviceFor(request.endpoint), timeoutMs, request.endpoint),
    );
  };

  const parse = <T>(schema: z.ZodType<T>, response: AxiosResponse, endpoint: Endpoint): T => {
    const parsed = schema.safeParse(response.data);
    if (!parsed.success) throw unreadableAnswer(serviceFor(endpoint), endpoint);
    return parsed.data;
  };

  return {
    async oauth(credentials, signal) {
      const response = await send(
        {
          method: 'POST',
          url: config.authUrl,
          endpoint: 'oauth',
          headers: {
            Authorization: `Basic ${basicKey(credentials)}`,
            RqUID: randomUUID(),
            'Content-Type': 'application/x-www-form-urlencoded',
            Accept: 'application/json',
          },
          data: new URLSearchParams({ scope: config.scope }).toString(),
        },
        { signal },
      );
      if (response.status !== 200) throw fromGigaChatOAuth(authService, response.status, response.data, headerGetter(response));
      const answer = parse(oauthAnswer, response, 'oauth');
      return { token: answer.access_token, expiresAt: toMillis(answer.expires_at) };
    },

    async chat(token, body, options) {
      const response = await send(
        {
          method: 'POST',
          url: `${config.baseUrl}/chat/completions`,
          endpoint: 'chat',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', Accept: 'application/json' },
          data: body,
        },
        options,
      );
      if (response.status !== 200)
        throw fromStatus(service, response.status, response.data, headerGetter(response), { endpoint: 'chat', model: body.model });
      return parse(chatAnswer, response, 'chat');
    },

    async models(token, options) {
      const response = await send(
        {
          method: 'GET',
          url: `${config.baseUrl}/models`,
          endpoint: 'models',
          headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
        },
        options,
      );
      if (response.status !== 200)
        throw fromStatus(service, response.status, response.data, headerGetter(response), { endpoint: 'models' });
      return parse(modelsAnswer, response, 'models').data.map((model) => ({
        id: model.id,
        ...(model.owned_by && { ownedBy: model.owned_by }),
      }));
    },
  };
}

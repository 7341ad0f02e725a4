import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai';
import type { ChatMessage, Completion, CompletionOptions, ModelInfo, TextProvider } from '../provider';
import { withDeadline } from './deadline';
import type { ProviderDeps } from './deps';
import {
  AiError,
  badInput,
  fromStatus,
  fromTransport,
  refusedError,
  timeoutError,
  type Endpoint,
  type Service,
  serviceLabel,
} from './errors';
import { defaultAiRetryPolicy, withAiRetry } from './retry';
import { say } from '../../errors';

export type OpenAiSecretName = 'openai.api_key' | `openai.api_key:${string}`;

/** Any OpenAI-compatible service: OpenAI, OpenRouter, local Ollama or LM Studio. */
export interface OpenAiConfig {
  /** e.g. https://api.openai.com/v1, http://localhost:11434/v1 */
  baseUrl: string;
  model: string;
  timeoutMs?: number;
  /** Where its key is in the vault; 'openai.api_key' unless the user has several services. */
  secretName?: OpenAiSecretName;
}

export const openAiDefaults = { timeoutMs: 60_000, secretName: 'openai.api_key' } as const;

/** Local servers need no key, but the SDK refuses to start without one. */
const PLACEHOLDER_KEY = 'no-key-needed';

const settingsError = (message: string) =>
  new AiError('ai_not_configured', message, { provider: 'openai' }, { next: { kind: 'open_settings', section: 'ai' } });

function checkConfig(config: OpenAiConfig): Required<OpenAiConfig> {
  let url: URL;
  try {
    url = new URL(config.baseUrl);
  } catch {
    throw settingsError(
      `"${config.baseUrl}" is not a web address. Enter the service's API address in Settings → AI, e.g. http://localhost:11434/v1 for Ollama.`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw settingsError('The AI service address must start with https:// or http://. Fix it in Settings → AI.');
  if (!config.model?.trim()) throw settingsError('Choose a model for the AI service in Settings → AI.');
  const timeoutMs = config.timeoutMs ?? openAiDefaults.timeoutMs;
  if (!(timeoutMs > 0)) throw settingsError('The AI service timeout must be a positive number of seconds. Fix it in Settings → AI.');
  return {
    baseUrl: config.baseUrl.replace(/\/+$/, ''),
    model: config.model.trim(),
    timeoutMs,
    secretName: config.secretName ?? openAiDefaults.secretName,
  };
}

/**
 * Through the official `openai` SDK with `baseURL`. Its own retries are off (maxRetries 0): the
 * shared policy in retry.ts decides for both network providers, caps Retry-After, and never retries
 * a timeout. Node's default certificate trust applies here; the GigaChat CA never does.
 */
export function createOpenAiProvider(config: OpenAiConfig, deps: ProviderDeps): TextProvider {
  const settings = checkConfig(config);
  const policy = { ...defaultAiRetryPolicy, ...deps.retryPolicy };
  let lastKey: string | undefined;
  const service: Service = {
    provider: 'openai',
    name: `The AI service at ${new URL(settings.baseUrl).host}`,
    host: new URL(settings.baseUrl).host,
    secrets: () => [lastKey],
  };
  let cached: { key: string; client: OpenAI } | undefined;

  const clientFor = (key: string): OpenAI => {
    if (cached?.key !== key) {
      cached = {
        key,
        client: new OpenAI({
          apiKey: key || PLACEHOLDER_KEY,
          baseURL: settings.baseUrl,
          timeout: settings.timeoutMs,
          maxRetries: 0,
          // Explicit, so nothing is picked up from OPENAI_* variables in the environment.
          organization: null,
          project: null,
          adminAPIKey: null,
          webhookSecret: null,
          logLevel: 'off',
        }),
      };
    }
    return cached.client;
  };

  const toAiError = (err: unknown, endpoint: Endpoint, timeoutMs: number, context: { model?: string; hasKey: boolean }): unknown => {
    if (err instanceof AiError) return err;
    if (err instanceof APIConnectionTimeoutError) return timeoutError(service, timeoutMs, endpoint);
    if (err instanceof APIConnectionError) return fromTransport(service, err.cause ?? err, endpoint);
    if (err instanceof APIError && typeof err.status === 'number') {
      const headers = err.headers as Headers | undefined;
      return fromStatus(service, err.status, err.error, (name) => headers?.get(name), { endpoint, ...context });
    }
    // The caller's abort and anything unexpected pass through: withDeadline and dispatch deal with them.
    return err;
  };

  /** One attempt: the key read fresh from the vault, one deadline over the whole request, errors mapped. */
  const attempt = async <T>(
    endpoint: Endpoint,
    options: { signal?: AbortSignal; timeoutMs?: number; model?: string },
    call: (client: OpenAI, request: { signal: AbortSignal; timeout: number; maxRetries: 0 }) => Promise<T>,
  ): Promise<T> => {
    const key = (await deps.vault.get(settings.secretName)) ?? '';
    lastKey = key || undefined;
    // The SDK accepts whole milliseconds only.
    const timeoutMs = Math.max(1, Math.ceil(options.timeoutMs ?? settings.timeoutMs));
    return withDeadline(
      timeoutMs,
      options.signal,
      async (signal) => {
        try {
          return await call(clientFor(key), { signal, timeout: timeoutMs, maxRetries: 0 });
        } catch (err) {
          if (signal.aborted) throw err;
          throw toAiError(err, endpoint, timeoutMs, { model: options.model, hasKey: key !== '' });
        }
      },
      () => timeoutError(service, timeoutMs, endpoint),
    );
  };

  const listModels = (options: { signal?: AbortSignal; timeoutMs?: number } = {}): Promise<ModelInfo[]> =>
    withAiRetry(
      () =>
        attempt('models', options, async (client, request) => {
          const page = await client.models.list(request);
          return page.data.map((model) => ({ id: model.id, ...(model.owned_by && { ownedBy: model.owned_by }) }));
        }),
      { policy, signal: options.signal, log: deps.log, what: 'AI service models' },
    );

  return {
    kind: 'openai',

    async complete(messages: ChatMessage[], options: CompletionOptions = {}): Promise<Completion> {
      if (messages.length === 0) throw badInput(service, 'There is nothing to send to the AI service: the prompt is empty.');
      const model = options.model ?? settings.model;
      return withAiRetry(
        () =>
          attempt('chat', { ...options, model }, async (client, request) => {
            const answer = await client.chat.completions.create(
              {
                model,
                messages: messages.map(({ role, content }) => ({ role, content })),
                ...(options.temperature !== undefined && { temperature: options.temperature }),
                ...(options.maxTokens !== undefined && { max_tokens: options.maxTokens }),
              },
              request,
            );
            const choice = answer.choices?.[0];
            if (!choice)
              throw new AiError(
                'ai_unavailable',
                `${service.name} sent an empty answer. Try again later.`,
                { provider: 'openai', endpoint: 'chat', reason: 'no_choices' },
                { retryable: true, next: { kind: 'retry_later' } },
              );
            if (choice.finish_reason === 'content_filter') throw refusedError(service, choice.finish_reason);
            return {
              text: choice.message?.content ?? '',
              usage: {
                promptTokens: answer.usage?.prompt_tokens ?? 0,
                completionTokens: answer.usage?.completion_tokens ?? 0,
                totalTokens: answer.usage?.total_tokens ?? 0,
              },
              model: answer.model || model,
              finishReason: choice.finish_reason === 'length' ? 'length' : 'stop',
            };
          }),
        { policy, signal: options.signal, log: deps.log, what: 'AI service chat' },
      );
    },

    listModels,

    async check(options = {}) {
      const models = await listModels(options);
      if (!models.some((model) => model.id === settings.model)) {
        const shown = models.slice(0, 20).map((model) => model.id);
        const available = shown.length ? `${shown.join(', ')}${models.length > shown.length ? ', …' : ''}` : 'none';
        throw new AiError(
          'ai_model_unavailable',
          say('ai.noModel', { service: serviceLabel(service), model: settings.model, available }),
          {
            provider: 'openai',
            endpoint: 'models',
          },
          { next: { kind: 'open_settings', section: 'ai' }, details: { available } },
        );
      }
      return { model: settings.model, models };
    },
  };
}

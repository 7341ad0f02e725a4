import type { ChatMessage, Completion, CompletionOptions, ModelInfo, TextProvider } from '../../provider';
import type { ProviderDeps } from '../deps';
import { AiError, badInput, generationFailed, refusedError, type Service } from '../errors';
import { defaultAiRetryPolicy, withAiRetry } from '../retry';
import { createGigaChatHttp, type GigaChatRequestBody } from './client';
import { resolveGigaChatConfig, type GigaChatConfig } from './config';
import { bundledRussianCaPath, createGigaChatTrust } from './tls';
import { GigaChatTokens } from './tokens';
import { say } from '../../../errors';

const FINISH_ERROR = 'error';
const FINISH_REFUSED = 'blacklist';

export function createGigaChatProvider(config: GigaChatConfig, deps: ProviderDeps): TextProvider {
  const settings = resolveGigaChatConfig(config);
  const policy = { ...defaultAiRetryPolicy, ...deps.retryPolicy };
  const service: Service = {
    provider: 'gigachat',
    name: 'GigaChat',
    host: new URL(settings.baseUrl).host,
    secrets: () => tokens.secrets(),
  };
  const trust = createGigaChatTrust({
    bundledCaFile: bundledRussianCaPath(deps.resourcesDir),
    caFile: settings.caFile,
    insecureSkipVerify: settings.insecureSkipVerify,
    urls: [settings.authUrl, settings.baseUrl],
    log: deps.log,
  });
  const http = createGigaChatHttp(settings, trust, service);
  const tokens: GigaChatTokens = new GigaChatTokens({
    vault: deps.vault,
    clock: deps.clock,
    log: deps.log,
    redactor: deps.redactor,
    authUrl: settings.authUrl,
    scope: settings.scope,
    fetchToken: (credentials) => http.oauth(credentials),
  });

  /** One renewal and one more try after a 401: the token may have been revoked or expired early. */
  const withToken = async <T>(signal: AbortSignal | undefined, call: (token: string) => Promise<T>): Promise<T> => {
    const token = await tokens.get(signal);
    try {
      return await call(token);
    } catch (err) {
      if (!(err instanceof AiError && err.ai.status === 401 && err.ai.endpoint !== 'oauth')) throw err;
      deps.log.info('GigaChat refused the access token; renewing it once');
      await tokens.invalidate(token);
      return call(await tokens.get(signal));
    }
  };

  const run = <T>(what: string, signal: AbortSignal | undefined, attempt: () => Promise<T>) =>
    withAiRetry(attempt, { policy, signal, log: deps.log, what });

  const listModels = (options: { signal?: AbortSignal; timeoutMs?: number } = {}): Promise<ModelInfo[]> =>
    run('GigaChat models', options.signal, () => withToken(options.signal, (token) => http.models(token, options)));

  return {
    kind: 'gigachat',

    async complete(messages: ChatMessage[], options: CompletionOptions = {}): Promise<Completion> {
      if (messages.length === 0) throw badInput(service, 'There is nothing to send to GigaChat: the prompt is empty.');
      const model = options.model ?? settings.model;
      const body: GigaChatRequestBody = {
        model,
        messages: messages.map(({ role, content }) => ({ role, content })),
        stream: false,
        ...(options.temperature !== undefined && { temperature: options.temperature }),
        ...(options.maxTokens !== undefined && { max_tokens: options.maxTokens }),
      };
      return run('GigaChat chat', options.signal, async () => {
        const answer = await withToken(options.signal, (token) => http.chat(token, body, options));
        const choice = answer.choices[0]!;
        const finish = choice.finish_reason ?? 'stop';
        if (finish === FINISH_REFUSED) throw refusedError(service, finish);
        if (finish === FINISH_ERROR) throw generationFailed(service);
        const usage = answer.usage ?? {};
        return {
          text: choice.message?.content ?? '',
          usage: {
            promptTokens: usage.prompt_tokens ?? 0,
            completionTokens: usage.completion_tokens ?? 0,
            totalTokens: usage.total_tokens ?? 0,
          },
          model: answer.model ?? model,
          finishReason: finish === 'length' ? 'length' : 'stop',
        };
      });
    },

    listModels,

    async check(options = {}) {
      const models = await listModels(options);
      if (!models.some((model) => model.id === settings.model)) {
        const available = models.map((model) => model.id).join(', ') || 'none';
        throw new AiError(
          'ai_model_unavailable',
          say('ai.noModel', { service: 'GigaChat', model: settings.model, available }),
          {
            provider: 'gigachat',
            endpoint: 'models',
          },
          { next: { kind: 'open_settings', section: 'ai' }, details: { available } },
        );
      }
      return { model: settings.model, models };
    },
  };
}

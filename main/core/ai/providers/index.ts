import type { TextProvider } from '../provider';
import { limitConcurrency, type LimitedProvider } from '../queue';
import type { ProviderDeps } from './deps';
import { createGigaChatProvider, type GigaChatConfig } from './gigachat';
import { createOpenAiProvider, type OpenAiConfig } from './openai';
import { createTemplateProvider } from './template';

export type { ProviderDeps, SecretStore } from './deps';
export { AiError, type AiFailure } from './errors';
export { defaultAiRetryPolicy, type AiRetryPolicy } from './retry';
export {
  bundledRussianCaPath,
  createGigaChatProvider,
  gigachatDefaults,
  gigachatScopes,
  type GigaChatConfig,
  type GigaChatScope,
} from './gigachat';
export { createOpenAiProvider, openAiDefaults, type OpenAiConfig, type OpenAiSecretName } from './openai';
export { createTemplateProvider, TEMPLATE_CLOSE, TEMPLATE_MODEL, TEMPLATE_OPEN, templateSection, wrapTemplate } from './template';

/** `streams`: completions at a time; by default what the service allows an ordinary account. */
export type ProviderSettings =
  ({ kind: 'gigachat'; streams?: number } & GigaChatConfig) | ({ kind: 'openai'; streams?: number } & OpenAiConfig) | { kind: 'template' };

/**
 * GigaChat gives individuals one stream and businesses ten; OpenAI-compatible services vary (a
 * local Ollama runs a few at a time), so four keeps a batch moving without flooding anyone.
 */
export function defaultStreams(settings: ProviderSettings): number {
  if (settings.kind === 'gigachat') return settings.scope === 'GIGACHAT_API_PERS' ? 1 : 10;
  if (settings.kind === 'openai') return 4;
  return Number.POSITIVE_INFINITY;
}

/** The provider Settings describe, behind its own queue: create one per settings change and share it. */
export function createProvider(settings: ProviderSettings, deps: ProviderDeps): LimitedProvider {
  const streams = (settings.kind !== 'template' && settings.streams) || defaultStreams(settings);
  let provider: TextProvider;
  switch (settings.kind) {
    case 'gigachat':
      provider = createGigaChatProvider(settings, deps);
      break;
    case 'openai':
      provider = createOpenAiProvider(settings, deps);
      break;
    case 'template':
      provider = createTemplateProvider();
      break;
  }
  return limitConcurrency(provider, streams);
}

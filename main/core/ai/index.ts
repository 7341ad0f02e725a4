import type { AiSettings } from '../../../shared/contract';
import { aiSettingsSchema } from '../../../shared/contract';
import type { Repositories } from '../db/repositories';
import type { Clock, Logger } from '../ports';
import type { AppEnv, Redactor, Vault } from '../secrets';
import { createProvider, type ProviderSettings } from './providers';
import { createKeyStore } from './keys';
import type { LimitedProvider } from './queue';

export interface AiDeps {
  vault: Vault;
  redactor: Redactor;
  log: Logger;
  clock: Clock;
  resourcesDir: string;
  repositories: Repositories;
  /** GIGACHAT_* and OPENAI_* from .env or the environment: used while the user has set nothing in the app. */
  env?: Pick<
    AppEnv,
    | 'GIGACHAT_CREDENTIALS'
    | 'GIGACHAT_SCOPE'
    | 'GIGACHAT_BASE_URL'
    | 'GIGACHAT_AUTH_URL'
    | 'OPENAI_API_KEY'
    | 'OPENAI_BASE_URL'
    | 'OPENAI_MODEL'
  >;
}

/** With no setup at all the app still writes letters, from the user's own template. */
const DEFAULT_SETTINGS: AiSettings = { kind: 'template' };

const toProviderSettings = (settings: AiSettings): ProviderSettings => {
  switch (settings.kind) {
    case 'gigachat':
      return {
        kind: 'gigachat',
        scope: settings.scope,
        model: settings.model || undefined,
        authUrl: settings.authUrl || undefined,
        baseUrl: settings.baseUrl || undefined,
        caFile: settings.caFile || undefined,
        insecureSkipVerify: settings.insecureSkipVerify,
        streams: settings.streams,
        timeoutMs: settings.timeoutSec ? settings.timeoutSec * 1000 : undefined,
      };
    case 'openai':
      return {
        kind: 'openai',
        baseUrl: settings.baseUrl,
        model: settings.model,
        streams: settings.streams,
        timeoutMs: settings.timeoutSec ? settings.timeoutSec * 1000 : undefined,
      };
    case 'template':
      return { kind: 'template' };
  }
};

/** The AI side of the app: its settings, its keys and the provider behind its queue (the channels: ./handlers.ts). */
export function createAi(deps: AiDeps) {
  const { repositories, vault } = deps;
  let current: { settings: AiSettings; provider: LimitedProvider } | undefined;

  const env = deps.env ?? {};
  /** Settings from the environment: OpenAI-compatible when its address and model are given, else GigaChat when its key is. */
  const fromEnv = (): AiSettings | undefined => {
    if (env.OPENAI_BASE_URL && env.OPENAI_MODEL) return { kind: 'openai', baseUrl: env.OPENAI_BASE_URL, model: env.OPENAI_MODEL };
    if (env.GIGACHAT_CREDENTIALS) {
      return {
        kind: 'gigachat',
        scope: env.GIGACHAT_SCOPE ?? 'GIGACHAT_API_PERS',
        baseUrl: env.GIGACHAT_BASE_URL,
        authUrl: env.GIGACHAT_AUTH_URL,
      };
    }
    return undefined;
  };
  // What the user saves in the app wins; .env fills in until then (a developer's or a headless setup).
  const settings = async (): Promise<AiSettings> =>
    (await repositories.appSettings.get('ai.settings', aiSettingsSchema)) ?? fromEnv() ?? DEFAULT_SETTINGS;
  const savedSettings = () => repositories.appSettings.get('ai.settings', aiSettingsSchema);
  const keys = createKeyStore({ vault, redactor: deps.redactor, env, savedSettings });

  /** One provider (one queue) per settings: a batch of letters shares GigaChat's single stream. */
  const provider = async (): Promise<LimitedProvider> => {
    const now = await settings();
    if (!current || JSON.stringify(current.settings) !== JSON.stringify(now)) {
      current = {
        settings: now,
        provider: createProvider(toProviderSettings(now), {
          vault: keys.forProvider(now),
          log: deps.log,
          clock: deps.clock,
          resourcesDir: deps.resourcesDir,
          redactor: deps.redactor,
        }),
      };
    }
    return current.provider;
  };

  /** A provider for settings the user has typed and not saved, for "Test connection" only. */
  const trialProvider = (next: AiSettings, typedKey: string | undefined): LimitedProvider =>
    createProvider(toProviderSettings(next), {
      vault: keys.forTrial(next, typedKey),
      log: deps.log,
      clock: deps.clock,
      resourcesDir: deps.resourcesDir,
      redactor: deps.redactor,
    });

  return { provider, trialProvider, settings, keys };
}

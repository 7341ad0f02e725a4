import type { aiChannels, AiSettings } from '../../../shared/contract';
import { aiSettingsSchema } from '../../../shared/contract';
import type { HandlersOf } from '../contract/dispatch';
import type { Repositories } from '../db/repositories';
import type { Clock, Logger } from '../ports';
import type { AppEnv, Redactor, Vault } from '../secrets';
import type { SecretStore } from './providers/deps';
import { createProvider, type ProviderSettings } from './providers';
import type { LimitedProvider } from './queue';

export interface AiDeps {
  vault: Vault;
  redactor: Redactor;
  log: Logger;
  clock: Clock;
  resourcesDir: string;
  repositories: Repositories;
  /** GIGACHAT_* and OPENAI_* from .env or the environment: used while the user has set nothing in the app. */
  env?: Pick<AppEnv, 'GIGACHAT_CREDENTIALS' | 'GIGACHAT_SCOPE' | 'GIGACHAT_BASE_URL' | 'GIGACHAT_AUTH_URL' | 'OPENAI_API_KEY' | 'OPENAI_BASE_URL' | 'OPENAI_MODEL'>;
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
      return { kind: 'openai', baseUrl: settings.baseUrl, model: settings.model, streams: settings.streams, timeoutMs: settings.timeoutSec ? settings.timeoutSec * 1000 : undefined };
    case 'template':
      return { kind: 'template' };
  }
};

/** The AI side of the app: its settings, the provider behind its queue, and the connection test. */
export function createAi(deps: AiDeps) {
  const { repositories, vault } = deps;
  let current: { settings: AiSettings; provider: LimitedProvider } | undefined;

  const env = deps.env ?? {};
  /** Settings from the environment: OpenAI-compatible when its address and model are given, else GigaChat when its key is. */
  const fromEnv = (): AiSettings | undefined => {
    if (env.OPENAI_BASE_URL && env.OPENAI_MODEL) return { kind: 'openai', baseUrl: env.OPENAI_BASE_URL, model: env.OPENAI_MODEL };
    if (env.GIGACHAT_CREDENTIALS) {
      return { kind: 'gigachat', scope: env.GIGACHAT_SCOPE ?? 'GIGACHAT_API_PERS', baseUrl: env.GIGACHAT_BASE_URL, authUrl: env.GIGACHAT_AUTH_URL };
    }
    return undefined;
  };
  // What the user saves in the app wins; .env fills in until then (a developer's or a headless setup).
  const settings = async (): Promise<AiSettings> => (await repositories.appSettings.get('ai.settings', aiSettingsSchema)) ?? fromEnv() ?? DEFAULT_SETTINGS;
  const envKeys: Record<string, string | undefined> = { 'gigachat.credentials': env.GIGACHAT_CREDENTIALS, 'openai.api_key': env.OPENAI_API_KEY };
  /** A key saved in the app wins; the environment's is used without being copied into the vault. */
  const keys: SecretStore = {
    get: async (name) => (await vault.get(name)) ?? envKeys[name],
    put: (name, value) => vault.put(name, value),
    delete: (name) => vault.delete(name),
  };

  /** One provider (one queue) per settings: a batch of letters shares GigaChat's single stream. */
  const provider = async (): Promise<LimitedProvider> => {
    const now = await settings();
    if (!current || JSON.stringify(current.settings) !== JSON.stringify(now)) {
      current = {
        settings: now,
        provider: createProvider(toProviderSettings(now), { vault: keys, log: deps.log, clock: deps.clock, resourcesDir: deps.resourcesDir, redactor: deps.redactor }),
      };
    }
    return current.provider;
  };

  const view = async () => ({
    settings: await settings(),
    keys: { gigachat: Boolean(await keys.get('gigachat.credentials')), openai: Boolean(await keys.get('openai.api_key')) },
  });

  const handlers: HandlersOf<typeof aiChannels> = {
    'ai.settings.get': view,
    'ai.settings.set': async ({ settings: next, gigachatKey, openaiKey }) => {
      if (gigachatKey) {
        await vault.put('gigachat.credentials', gigachatKey.replace(/^Basic\s+/i, ''));
        // A token from the old key must not outlive it.
        await vault.delete('gigachat.access_token');
      }
      if (openaiKey) await vault.put('openai.api_key', openaiKey);
      await repositories.appSettings.set('ai.settings', next);
      await repositories.auditLog.append({ action: 'ai.settings.save', target: next.kind, outcome: 'ok', details: gigachatKey || openaiKey ? 'key changed' : '' });
      return view();
    },
    'ai.test': async () => {
      const checked = await (await provider()).check({ timeoutMs: 30_000 });
      return { model: checked.model, models: checked.models.map((m) => m.id) };
    },
  };

  return { handlers, provider, settings };
}

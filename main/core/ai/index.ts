import type { aiChannels, AiSettings } from '../../../shared/contract';
import { aiSettingsSchema } from '../../../shared/contract';
import type { HandlersOf } from '../contract/dispatch';
import type { Repositories } from '../db/repositories';
import type { Clock, Logger } from '../ports';
import type { Redactor, Vault } from '../secrets';
import { createProvider, type ProviderSettings } from './providers';
import type { LimitedProvider } from './queue';

export interface AiDeps {
  vault: Vault;
  redactor: Redactor;
  log: Logger;
  clock: Clock;
  resourcesDir: string;
  repositories: Repositories;
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

  const settings = async (): Promise<AiSettings> => (await repositories.appSettings.get('ai.settings', aiSettingsSchema)) ?? DEFAULT_SETTINGS;

  /** One provider (one queue) per settings: a batch of letters shares GigaChat's single stream. */
  const provider = async (): Promise<LimitedProvider> => {
    const now = await settings();
    if (!current || JSON.stringify(current.settings) !== JSON.stringify(now)) {
      current = {
        settings: now,
        provider: createProvider(toProviderSettings(now), { vault, log: deps.log, clock: deps.clock, resourcesDir: deps.resourcesDir, redactor: deps.redactor }),
      };
    }
    return current.provider;
  };

  const view = async () => ({
    settings: await settings(),
    keys: { gigachat: Boolean(await vault.get('gigachat.credentials')), openai: Boolean(await vault.get('openai.api_key')) },
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

import type { aiChannels, AiSettings } from '../../../shared/contract';
import { aiSettingsSchema } from '../../../shared/contract';
import type { HandlersOf } from '../contract/dispatch';
import type { Repositories } from '../db/repositories';
import type { Clock, Logger } from '../ports';
import type { AppEnv, Redactor, Vault } from '../secrets';
import { createProvider, type ProviderSettings } from './providers';
import { TOKEN_SECRET } from './providers/gigachat/tokens';
import { checkGigaChatSettings } from './gigachat-settings';
import { keyTarget } from '../../../shared/domain/ai-key-address';
import { createKeyStore, keyAddressChanged } from './keys';
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
  const savedSettings = () => repositories.appSettings.get('ai.settings', aiSettingsSchema);
  const keys = createKeyStore({ vault, redactor: deps.redactor, env, savedSettings });

  /** One provider (one queue) per settings: a batch of letters shares GigaChat's single stream. */
  const provider = async (): Promise<LimitedProvider> => {
    const now = await settings();
    if (!current || JSON.stringify(current.settings) !== JSON.stringify(now)) {
      current = {
        settings: now,
        provider: createProvider(toProviderSettings(now), { vault: keys.forProvider(now), log: deps.log, clock: deps.clock, resourcesDir: deps.resourcesDir, redactor: deps.redactor }),
      };
    }
    return current.provider;
  };

  const view = async () => {
    const [gigachat, openai] = await Promise.all([keys.current('gigachat'), keys.current('openai')]);
    return {
      settings: await settings(),
      keys: { gigachat: Boolean(gigachat), openai: Boolean(openai) },
      keyAddresses: { ...(gigachat?.for && { gigachat: gigachat.for }), ...(openai?.for && { openai: openai.for }) },
    };
  };

  /**
   * The key these settings use: a new one is saved bound to their address; without one, the key
   * already saved must have been entered for this very address, or the user says to drop it.
   */
  const bindKey = async (next: AiSettings, newKey: string | undefined, forgetStoredKey: boolean) => {
    const target = keyTarget(next);
    if (!target) return;
    if (newKey) {
      if (target.service === 'gigachat') await vault.delete(TOKEN_SECRET);
      await keys.save(target.service, target.service === 'gigachat' ? newKey.replace(/^Basic\s+/i, '') : newKey, target.address);
      return;
    }
    const saved = await keys.stored(target.service);
    if (!saved || saved.for === target.address) return;
    if (!forgetStoredKey) throw keyAddressChanged(target.service, saved.for, target.address);
    await keys.forget(target.service);
  };

  const handlers: HandlersOf<typeof aiChannels> = {
    'ai.settings.get': view,
    'ai.settings.set': async ({ settings: next, gigachatKey, openaiKey, forgetStoredKey, confirmInsecureSkipVerify }) => {
      if (next.kind === 'gigachat') checkGigaChatSettings(next, confirmInsecureSkipVerify === true);
      await bindKey(next, next.kind === 'gigachat' ? gigachatKey : next.kind === 'openai' ? openaiKey : undefined, forgetStoredKey === true);
      await repositories.appSettings.set('ai.settings', next);
      const keyChanged = Boolean((next.kind === 'gigachat' && gigachatKey) || (next.kind === 'openai' && openaiKey));
      const details = [keyChanged ? 'key changed' : '', forgetStoredKey ? 'key for the old address forgotten' : '', next.kind === 'gigachat' && next.insecureSkipVerify ? 'certificate checks OFF' : '']
        .filter(Boolean)
        .join('; ');
      await repositories.auditLog.append({ action: 'ai.settings.save', target: next.kind, outcome: 'ok', details });
      return view();
    },
    'ai.test': async () => {
      const checked = await (await provider()).check({ timeoutMs: 30_000 });
      return { model: checked.model, models: checked.models.map((m) => m.id) };
    },
  };

  return { handlers, provider, settings };
}

import type { aiChannels, AiSettings } from '../../../shared/contract';
import { keyTarget } from '../../../shared/domain/ai-key-address';
import type { HandlersOf } from '../contract/dispatch';
import type { Repositories } from '../db/repositories';
import type { Vault } from '../secrets';
import { checkGigaChatSettings } from './gigachat-settings';
import type { createKeyStore } from './keys';
import { keyAddressChanged } from './keys';
import { TOKEN_SECRET } from './providers/gigachat/tokens';
import type { LimitedProvider } from './queue';

export interface AiHandlerDeps {
  repositories: Repositories;
  vault: Vault;
  keys: ReturnType<typeof createKeyStore>;
  settings(): Promise<AiSettings>;
  provider(): Promise<LimitedProvider>;
  trialProvider(settings: AiSettings, typedKey: string | undefined): LimitedProvider;
}

/** Settings → AI: the settings and which keys are kept, saving them (a key bound to its address), the connection test. */
export function aiHandlers(deps: AiHandlerDeps): HandlersOf<typeof aiChannels> {
  const { repositories, vault, keys, settings, provider, trialProvider } = deps;

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
      await bindKey(
        next,
        next.kind === 'gigachat' ? gigachatKey : next.kind === 'openai' ? openaiKey : undefined,
        forgetStoredKey === true,
      );
      await repositories.appSettings.set('ai.settings', next);
      const keyChanged = Boolean((next.kind === 'gigachat' && gigachatKey) || (next.kind === 'openai' && openaiKey));
      const details = [
        keyChanged ? 'key changed' : '',
        forgetStoredKey ? 'key for the old address forgotten' : '',
        next.kind === 'gigachat' && next.insecureSkipVerify ? 'certificate checks OFF' : '',
      ]
        .filter(Boolean)
        .join('; ');
      await repositories.auditLog.append({ action: 'ai.settings.save', target: next.kind, outcome: 'ok', details });
      return view();
    },
    // With settings: tests what the user typed before anything is saved (a wrong key changes nothing);
    // without: what is saved.
    'ai.test': async ({ settings: typed, gigachatKey, openaiKey, confirmInsecureSkipVerify }) => {
      if (typed?.kind === 'gigachat') checkGigaChatSettings(typed, confirmInsecureSkipVerify === true);
      const tried = typed
        ? trialProvider(typed, typed.kind === 'gigachat' ? gigachatKey : typed.kind === 'openai' ? openaiKey : undefined)
        : await provider();
      const checked = await tried.check({ timeoutMs: 30_000 });
      return { model: checked.model, models: checked.models.map((m) => m.id) };
    },
  };

  return handlers;
}

import type { AiSettings } from '../../../shared/contract';
import { say } from '../errors';
import type { AppEnv, Redactor, Vault } from '../secrets';
import { AiError } from './providers/errors';
import type { SecretStore } from './providers/deps';
import {
  gigachatKeyAddress as gigachatAddress,
  keyTarget,
  normalizeAddress,
  OPENAI_DEFAULT_BASE_URL,
  type KeyService,
} from '../../../shared/domain/ai-key-address';
import { CREDENTIALS_SECRET, TOKEN_SECRET } from './providers/gigachat/tokens';

/**
 * Each AI key is kept with the address it was entered for, and is only ever handed to a provider
 * talking to that address: a key typed for api.openai.com never travels to a host the address was
 * later changed to (a typo, a look-alike, someone else's proxy). The vault keeps both in one
 * ciphertext, `{"key": ..., "for": ...}`, so the pair cannot be split or edited apart.
 */

export const KEY_NAMES = { gigachat: CREDENTIALS_SECRET, openai: 'openai.api_key' } as const satisfies Record<KeyService, string>;

interface BoundKey {
  key: string;
  /** Undefined for a key saved before keys were bound. */
  for?: string;
}

function decode(stored: string): BoundKey {
  try {
    const value = JSON.parse(stored) as Partial<BoundKey> | null;
    if (value && typeof value.key === 'string' && typeof value.for === 'string') return { key: value.key, for: value.for };
  } catch {
    // a bare key, saved before binding
  }
  return { key: stored };
}

export const keyAddressChanged = (service: KeyService, was: string, now: string) =>
  new AiError(
    'ai_key_address_changed',
    say('ai.keyAddressChanged', { was, now }),
    { provider: service, reason: 'key_for_other_address' },
    {
      next: { kind: 'open_settings', section: 'ai' },
    },
  );

export interface KeyStoreDeps {
  vault: Pick<Vault, 'get' | 'put' | 'delete'>;
  redactor: Pick<Redactor, 'addSecret'>;
  env: Pick<AppEnv, 'GIGACHAT_CREDENTIALS' | 'GIGACHAT_BASE_URL' | 'GIGACHAT_AUTH_URL' | 'OPENAI_API_KEY' | 'OPENAI_BASE_URL'>;
  /** The settings the user saved (not .env's): a key saved before binding belongs to their address. */
  savedSettings: () => Promise<AiSettings | undefined>;
}

export function createKeyStore(deps: KeyStoreDeps) {
  const { vault, redactor, env } = deps;

  /** .env's keys are bound to .env's addresses (or the service's own when .env names none). */
  const envKey = (service: KeyService): BoundKey | undefined => {
    if (service === 'gigachat')
      return env.GIGACHAT_CREDENTIALS
        ? { key: env.GIGACHAT_CREDENTIALS, for: gigachatAddress(env.GIGACHAT_AUTH_URL, env.GIGACHAT_BASE_URL) }
        : undefined;
    return env.OPENAI_API_KEY
      ? { key: env.OPENAI_API_KEY, for: normalizeAddress(env.OPENAI_BASE_URL ?? OPENAI_DEFAULT_BASE_URL) }
      : undefined;
  };

  /**
   * A key saved before binding was sent to the saved settings' address all along: it is bound to
   * that one (or the service's default) on first sight, so nothing new is exposed.
   */
  const legacyAddress = async (service: KeyService): Promise<string> => {
    const saved = await deps.savedSettings();
    const target = saved && keyTarget(saved);
    if (target?.service === service) return target.address;
    return service === 'gigachat' ? gigachatAddress(undefined, undefined) : normalizeAddress(OPENAI_DEFAULT_BASE_URL);
  };

  const save = async (service: KeyService, key: string, address: string) => {
    redactor.addSecret(key);
    await vault.put(KEY_NAMES[service], JSON.stringify({ key, for: address }));
  };

  /** The key the user saved in the app, with its address. */
  const stored = async (service: KeyService): Promise<Required<BoundKey> | undefined> => {
    const text = await vault.get(KEY_NAMES[service]);
    if (text === undefined) return undefined;
    const bound = decode(text);
    redactor.addSecret(bound.key);
    if (bound.for !== undefined) return { key: bound.key, for: bound.for };
    const address = await legacyAddress(service);
    await save(service, bound.key, address);
    return { key: bound.key, for: address };
  };

  /** The app's key wins over .env's. */
  const current = async (service: KeyService): Promise<BoundKey | undefined> => (await stored(service)) ?? envKey(service);

  const forget = async (service: KeyService) => {
    await vault.delete(KEY_NAMES[service]);
    // A token the old key got must not outlive it.
    if (service === 'gigachat') await vault.delete(TOKEN_SECRET);
  };

  /**
   * What a provider for `settings` may read: its key only while it is bound to the address the
   * provider talks to (otherwise a clear refusal, before any request), everything else as it is.
   */
  const forProvider = (settings: AiSettings): SecretStore => {
    const target = keyTarget(settings);
    const keyFor = async (service: KeyService, address: string): Promise<string | undefined> => {
      const bound = await current(service);
      if (!bound) return undefined;
      if (bound.for !== address) throw keyAddressChanged(service, bound.for ?? '', address);
      return bound.key;
    };
    return {
      get: async (name) => {
        if (target && name === KEY_NAMES[target.service]) return keyFor(target.service, target.address);
        // GigaChat's token is as good as its key: only for the address the key is bound to.
        if (target?.service === 'gigachat' && name === TOKEN_SECRET)
          return (await keyFor('gigachat', target.address)) === undefined ? undefined : vault.get(name);
        return vault.get(name);
      },
      put: (name, value) => vault.put(name, value),
      delete: (name) => vault.delete(name),
    };
  };

  /**
   * The keys for a connection test of settings not saved yet: the key just typed (never written
   * anywhere), else the saved one only for the address it was entered for. A token GigaChat hands
   * out during the test stays in memory and is dropped with the test.
   */
  const forTrial = (settings: AiSettings, typedKey: string | undefined): SecretStore => {
    const saved = forProvider(settings);
    const target = keyTarget(settings);
    const memory = new Map<string, string>();
    const key = typedKey && target?.service === 'gigachat' ? typedKey.replace(/^Basic\s+/i, '') : typedKey;
    return {
      get: async (name) => {
        if (target && name === KEY_NAMES[target.service]) return key ?? saved.get(name);
        if (name === TOKEN_SECRET) return memory.get(name);
        return saved.get(name);
      },
      put: async (name, value) => void memory.set(name, value),
      delete: async (name) => void memory.delete(name),
    };
  };

  return { stored, current, save, forget, forProvider, forTrial };
}

export type KeyStore = ReturnType<typeof createKeyStore>;

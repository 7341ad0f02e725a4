import { GIGACHAT_DEFAULT_AUTH_URL, GIGACHAT_DEFAULT_BASE_URL } from '../../../../../shared/domain/ai-key-address';
import { say, type Said } from '../../../errors';
import { AiError } from '../errors';

export const gigachatScopes = ['GIGACHAT_API_PERS', 'GIGACHAT_API_B2B', 'GIGACHAT_API_CORP'] as const;
export type GigaChatScope = (typeof gigachatScopes)[number];

/** What Settings keeps about GigaChat. The authorization key is not here: it lives in the vault. */
export interface GigaChatConfig {
  scope: GigaChatScope;
  model?: string;
  authUrl?: string;
  baseUrl?: string;
  /** A user-chosen CA file (PEM or DER), e.g. a corporate proxy's, trusted for GigaChat hosts only. */
  caFile?: string;
  timeoutMs?: number;
  /** Turns certificate checks off for GigaChat hosts. Unsafe: only for a user who asked for it. */
  insecureSkipVerify?: boolean;
}

export type ResolvedGigaChatConfig = Required<Omit<GigaChatConfig, 'caFile'>> & { caFile?: string };

export const gigachatDefaults = {
  model: 'GigaChat-2',
  authUrl: GIGACHAT_DEFAULT_AUTH_URL,
  baseUrl: GIGACHAT_DEFAULT_BASE_URL,
  timeoutMs: 60_000,
} as const;

const settingsError = (message: string | Said) =>
  new AiError('ai_not_configured', message, { provider: 'gigachat' }, { next: { kind: 'open_settings', section: 'ai' } });

/**
 * GigaChat is reached over https only: its key and every letter cross the network, and the
 * Russian root CA (or the user's own) is trusted for these https hosts alone. An http address is
 * refused, however local it looks.
 */
export function checkGigaChatUrl(value: string, what: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw settingsError(`The GigaChat ${what} "${value}" is not a web address. Fix it in Settings → AI, or clear it to use Sber's.`);
  }
  if (url.protocol !== 'https:') throw settingsError(say('ai.gigachatNotHttps', { url: value }));
  return value.replace(/\/+$/, '');
}

export function resolveGigaChatConfig(config: GigaChatConfig): ResolvedGigaChatConfig {
  if (!gigachatScopes.includes(config.scope)) {
    throw settingsError(
      'Choose a GigaChat scope in Settings → AI: GIGACHAT_API_PERS for individuals, GIGACHAT_API_B2B or GIGACHAT_API_CORP for businesses.',
    );
  }
  const timeoutMs = config.timeoutMs ?? gigachatDefaults.timeoutMs;
  if (!(timeoutMs > 0)) throw settingsError('The GigaChat timeout must be a positive number of seconds. Fix it in Settings → AI.');
  return {
    scope: config.scope,
    model: config.model?.trim() || gigachatDefaults.model,
    authUrl: checkGigaChatUrl(config.authUrl?.trim() || gigachatDefaults.authUrl, 'authorization address'),
    baseUrl: checkGigaChatUrl(config.baseUrl?.trim() || gigachatDefaults.baseUrl, 'API address'),
    ...(config.caFile?.trim() && { caFile: config.caFile.trim() }),
    timeoutMs,
    insecureSkipVerify: config.insecureSkipVerify === true,
  };
}

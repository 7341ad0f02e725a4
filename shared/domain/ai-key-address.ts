/**
 * Where an AI key may be sent: the address it was entered for. The core refuses to send a key
 * anywhere else; the window uses the same comparison to say so before the user presses Save.
 */

export const GIGACHAT_DEFAULT_AUTH_URL = 'https://ngw.devices.sberbank.ru:9443/api/v2/oauth';
export const GIGACHAT_DEFAULT_BASE_URL = 'https://gigachat.devices.sberbank.ru/api/v1';
export const OPENAI_DEFAULT_BASE_URL = 'https://api.openai.com/v1';

export type KeyService = 'gigachat' | 'openai';

/** An address as it is compared: scheme, host (with a port other than the default) and path, no trailing slash. */
export function normalizeAddress(raw: string): string {
  try {
    const url = new URL(raw.trim());
    return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    return raw.trim();
  }
}

/** GigaChat's key goes to the auth address, its token to the API address: the key is bound to both. */
export const gigachatKeyAddress = (authUrl: string | undefined, baseUrl: string | undefined): string =>
  `${normalizeAddress(authUrl || GIGACHAT_DEFAULT_AUTH_URL)}, ${normalizeAddress(baseUrl || GIGACHAT_DEFAULT_BASE_URL)}`;

type KeyedSettings = { kind: 'gigachat'; authUrl?: string; baseUrl?: string } | { kind: 'openai'; baseUrl: string } | { kind: 'template' };

/** Which key these settings use, and the address it would be sent to; none for the template. */
export function keyTarget(settings: KeyedSettings): { service: KeyService; address: string } | undefined {
  if (settings.kind === 'gigachat') return { service: 'gigachat', address: gigachatKeyAddress(settings.authUrl, settings.baseUrl) };
  if (settings.kind === 'openai') return { service: 'openai', address: normalizeAddress(settings.baseUrl) };
  return undefined;
}

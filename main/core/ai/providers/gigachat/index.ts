export {
  gigachatDefaults,
  gigachatScopes,
  resolveGigaChatConfig,
  type GigaChatConfig,
  type GigaChatScope,
  type ResolvedGigaChatConfig,
} from './config';
export { createGigaChatProvider } from './provider';
export { bundledRussianCaPath, createGigaChatTrust, type GigaChatTrust } from './tls';
export { CREDENTIALS_SECRET, RENEW_WITHIN_MS, TOKEN_SECRET, type StoredToken } from './tokens';

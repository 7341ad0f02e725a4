import type { UpdateFailure, UpdateFailureKind } from '../core/updates/port';

/** electron-updater's codes for an update description the app cannot use (no latest.yml, no file for this OS, a bad version). */
const FEED_CODES = new Set([
  'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND',
  'ERR_UPDATER_INVALID_UPDATE_INFO',
  'ERR_UPDATER_NO_FILES_PROVIDED',
  'ERR_UPDATER_LATEST_VERSION_NOT_FOUND',
  'ERR_UPDATER_NO_PUBLISHED_VERSIONS',
  'ERR_UPDATER_RELEASE_NOT_FOUND',
  'ERR_UPDATER_ASSET_NOT_FOUND',
  'ERR_UPDATER_INVALID_RELEASE_FEED',
  'ERR_UPDATER_INVALID_VERSION',
  'ERR_UPDATER_ZIP_FILE_NOT_FOUND',
  'ERR_UPDATER_NO_CHECKSUM',
  'ERR_UPDATER_WEB_INSTALLER_DISABLED',
]);

/** Node's and Chromium's ways of saying the server was not reached. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'EPIPE',
]);

type UpdaterError = Error & { code?: unknown; statusCode?: unknown };

function kindOf(error: UpdaterError): UpdateFailureKind {
  const code = typeof error.code === 'string' ? error.code : '';
  if (code === 'ERR_CHECKSUM_MISMATCH') return 'checksum';
  // Windows: the installer's Authenticode publisher; macOS: Squirrel.Mac's check of the new app's code signature.
  if (code === 'ERR_UPDATER_INVALID_SIGNATURE' || /code signature/i.test(error.message)) return 'signature';
  if (FEED_CODES.has(code)) return 'feed';
  if (NETWORK_CODES.has(code) || /^net::ERR_/.test(error.message) || /timed out/i.test(error.message)) return 'network';
  if (typeof error.statusCode === 'number')
    return error.statusCode >= 500 || error.statusCode === 408 || error.statusCode === 429 ? 'network' : 'feed';
  return 'other';
}

/** What electron-updater reported, sorted into what the user is told apart. */
export function updateFailureOf(error: unknown, version: string | undefined): UpdateFailure {
  const err: UpdaterError = error instanceof Error ? error : new Error(String(error));
  return { kind: kindOf(err), ...(version && { version }), detail: err.message };
}

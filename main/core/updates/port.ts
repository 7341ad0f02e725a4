// A leaf: ports.ts imports it, so it imports nothing of the core.

/** Why a download or a check failed, in the few kinds the user is told apart. */
export type UpdateFailureKind =
  /** The update server could not be reached, or did not answer (offline, DNS, HTTP 5xx, a timeout). */
  | 'network'
  /** It answered, but without a usable update description (no latest.yml, a malformed one, HTTP 404). */
  | 'feed'
  /** The file downloaded does not match the sha512 published with it. */
  | 'checksum'
  /** The installer is not signed by the app's publisher (Windows) or the code signature does not check out (macOS). */
  | 'signature'
  /** Anything else (disk full, the installer could not start): the log has the details. */
  | 'other';

export interface UpdateFailure {
  kind: UpdateFailureKind;
  /** The version being downloaded, when the failure is about one. */
  version?: string;
  /** The updater's own words, for the log only (may name paths and addresses). */
  detail: string;
}

/** What the updater reports as it goes. */
export type UpdaterEvent =
  | { kind: 'checking' }
  | { kind: 'available'; version: string }
  | { kind: 'not-available'; version: string }
  | { kind: 'progress'; percent: number }
  | { kind: 'downloaded'; version: string }
  | { kind: 'error'; failure: UpdateFailure };

/** Why this copy of the app cannot replace itself (the desktop shell decides; the browser mode has no updater at all). */
export type UpdaterUnsupported = 'not_packaged' | 'not_installable';

/**
 * The app's own updates, as the desktop shell provides them (electron-updater over GitHub Releases,
 * main/electron/updater.ts). The core decides when to check and when to install; this does it.
 */
export interface Updater {
  /** Null when this build can update itself. Asked once, at start. */
  unsupported(): UpdaterUnsupported | null;
  /** Asks the update server; a newer version starts downloading in the background. Never rejects: failures arrive as an `error` event. */
  check(): Promise<void>;
  /** Quits the app and installs the downloaded version (the app's own quit still runs first). */
  quitAndInstall(): void;
  on(listener: (event: UpdaterEvent) => void): () => void;
}

import type { ExportedFile, PdfPrinter } from './builder/export';
import type { UiPreferences } from '../../shared/contract';
import type { WorkerEntry } from './db/client';
// Leaf modules only: ports never import a service or a barrel that leads back here.
import type { HhSignInWindow } from './hh/sign-in-window';
import type { WebSession } from './hh/website/web-session';
import type { SecretCipher } from './secrets/cipher';
import type { AppEnv } from './secrets/env';
import type { Updater } from './updates/port';

export interface Clock {
  now(): Date;
}

/** The clock that wakes the scheduler: node-schedule in the app, nothing in tests (they call tick()). */
export interface MinuteTimer {
  everyMinute(fn: () => void): () => void;
}

export interface Logger {
  info(message: string, details?: Record<string, unknown>): void;
  warn(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
}

/** Small, non-secret state that must survive a restart (UI language, automation paused). */
export interface PreferenceStore {
  get(): StoredPreferences;
  set(patch: Partial<StoredPreferences>): void;
}

export interface StoredPreferences extends UiPreferences {
  automationPaused: boolean;
  automationChangedAt: string;
  /** The user chose, in Settings, to keep secrets with Linux's weak basic_text protection. */
  weakProtectionAccepted: boolean;
  /** Started at login, the app stays in the tray (macOS reads this at start; Windows and Linux also pass --hidden). */
  startHidden: boolean;
}

/** Starting with the system, as the OS has it (the desktop shell's login items or autostart file). */
export interface StartupSettings {
  openAtLogin: boolean;
  startHidden: boolean;
}

export interface StartupPort {
  get(): Promise<StartupSettings>;
  set(next: StartupSettings): Promise<StartupSettings>;
}

export interface AppIdentity {
  name: string;
  version: string;
  shell: 'electron' | 'headless';
  platform: string;
}

export interface StoragePorts {
  /** Where the database, its backups and the secrets file live. */
  dataDir: string;
  worker: WorkerEntry;
  /** The packaged app's unpacked sql-wasm.wasm; dev and headless find it in node_modules. */
  wasmPath?: string;
  onDamagedWithoutBackup?: 'fail' | 'start-empty';
  /** Open the newest good backup instead of the data (kept aside): the user's choice after a failed open. */
  restoreBackup?: boolean;
}

export interface CorePorts {
  clock: Clock;
  log: Logger;
  preferences: PreferenceStore;
  identity: AppIdentity;
  storage: StoragePorts;
  /** How secrets are encrypted: safeStorage in Electron, AES-GCM with AAA_VAULT_KEY headless. */
  cipher: SecretCipher;
  /** Developer and headless settings from .env and the environment (already validated). */
  env: AppEnv;
  /** The app's resources folder (certificates for GigaChat ship in certs/ under it). */
  resourcesDir: string;
  /** The app's own hh.ru window (Electron only). */
  hhSignInWindow?: HhSignInWindow;
  /** The hh.ru website session: the window's cookies (Electron) or a cookies file (headless). */
  hhWebSession?: WebSession;
  /** Tests shorten the website transport's pause between requests (default at least 1 s). */
  hhWebsiteIntervalMs?: number;
  /** Overrides for tests: how often hh.ru may be called, how long to wait, how to retry. */
  hhMinRequestIntervalMs?: number;
  hhTimeoutMs?: number;
  hhRetry?: { retries: number; baseDelayMs: number; maxDelayMs: number };
  /** How long and how often the website path waits after hh.ru's 429 (tests make it instant). */
  hhSlowDown?: { retries: number; waitMs: number; maxWaitMs: number };
  /** Start at login (Electron only): login items on macOS and Windows, an autostart file on Linux. */
  startup?: StartupPort;
  /** Wakes the scheduler every minute (node-schedule in the shells); without it nothing runs by itself. */
  minuteTimer?: MinuteTimer;
  /** Prints a resume's HTML to PDF (Electron's printToPDF; a headless Chromium in tests). Without it, PDF export says it needs the desktop app. */
  printPdf?: PdfPrinter;
  /** The desktop's save dialog for exported files: the path written, or null when cancelled. Without it, exports download in the browser. */
  saveFile?: (file: ExportedFile) => Promise<string | null>;
  /** Opens a folder on the user's screen (Electron's shell.openPath): '' when it did, else the system's reason. Without it, "Open the logs folder" shows the path. */
  openFolder?: (path: string) => Promise<string>;
  /**
   * The shell's redactor (createRedactor), when its own log file must hide the same secrets as the
   * core: the core registers every secret it learns here. Without it the core makes its own. Spelled
   * out, not imported: redact.ts imports Logger from this file.
   */
  redactor?: {
    addSecret(value: string | null | undefined): void;
    redactText(text: string): string;
    redact(value: unknown): unknown;
  };
  /** Space between applications; without it the user's own pause (Letters settings, default 10-25 s). Tests shorten it. */
  applyPacing?: { minIntervalMs: number; jitterMs?: number };
  /** The app's own updates (electron-updater in the desktop app). Without it, Settings says updates are not available here. */
  updater?: Updater;
}

export const systemClock: Clock = { now: () => new Date() };

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

export const defaultPreferences = (clock: Clock): StoredPreferences => ({
  language: 'ru',
  theme: 'system',
  lastScreen: 'dashboard',
  setupDone: false,
  automationPaused: false,
  automationChangedAt: clock.now().toISOString(),
  weakProtectionAccepted: false,
  startHidden: false,
});

/** For headless runs and tests: preferences live as long as the process. */
export const memoryPreferences = (initial: StoredPreferences): PreferenceStore => {
  let current = { ...initial };
  return {
    get: () => ({ ...current }),
    set: (patch) => {
      current = { ...current, ...patch };
    },
  };
};

import type { UiPreferences } from '../../shared/contract';

export interface Clock {
  now(): Date;
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
}

export interface AppIdentity {
  name: string;
  version: string;
  shell: 'electron' | 'headless';
  platform: string;
}

export interface CorePorts {
  clock: Clock;
  log: Logger;
  preferences: PreferenceStore;
  identity: AppIdentity;
}

export const systemClock: Clock = { now: () => new Date() };

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

export const defaultPreferences = (clock: Clock): StoredPreferences => ({
  language: 'ru',
  automationPaused: false,
  automationChangedAt: clock.now().toISOString(),
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

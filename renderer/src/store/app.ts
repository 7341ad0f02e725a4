import { createStore, type StoreApi } from 'zustand';
import type { AppErrorValue, AppInfo, AutomationState, Language, Notice, Result, Screen, UiPreferences } from '../../../shared/contract';
import type { ContractClient } from '../api/client';
import { i18next } from '../i18n';

export const screens = [
  'dashboard',
  'vacancies',
  'letters',
  'chats',
  'searches',
  'templates',
  'builder',
  'settings',
] as const satisfies readonly Screen[];
/** Settings' own sections, each a page of its own. */
export const settingsSections = ['account', 'profile', 'ai', 'automation', 'data', 'localApi', 'interface', 'about'] as const;
export type SettingsSection = (typeof settingsSections)[number];
export type { Screen };
export type Theme = UiPreferences['theme'];

export interface AppState {
  info?: AppInfo;
  automation?: AutomationState;
  language: Language;
  theme: Theme;
  screen: Screen;
  settingsSection: SettingsSection;
  /** The first-run assistant is on screen. */
  setupOpen: boolean;
  notices: Notice[];
  error?: AppErrorValue;
  busy: boolean;
  start(): Promise<void>;
  go(screen: Screen): void;
  /** Settings at one section (an error's "open settings" names where the fix is). */
  openSettings(section: SettingsSection): void;
  openSetup(): void;
  /** Closed, finished or skipped: either way it is not offered again by itself. */
  closeSetup(): void;
  setPaused(paused: boolean): Promise<void>;
  setLanguage(language: Language): Promise<void>;
  setTheme(theme: Theme): Promise<void>;
  dismissNotice(id: string): Promise<void>;
  dismissError(): void;
  report<T>(result: Result<T>): result is Extract<Result<T>, { ok: true }>;
}

export type AppStore = StoreApi<AppState>;

/** The app-wide state, bound to the one client the app was opened with. */
export const createAppStore = (client: ContractClient): AppStore =>
  createStore<AppState>((set, get) => ({
    language: 'ru',
    theme: 'system',
    screen: 'dashboard',
    settingsSection: 'account',
    setupOpen: false,
    notices: [],
    // No screen is shown before `start` has the preferences: the first one would be the wrong one.
    busy: true,

    /** Returns true when the call worked; otherwise the error is shown in the app's banner. */
    report<T>(result: Result<T>): result is Extract<Result<T>, { ok: true }> {
      if (!result.ok) set({ error: result.error });
      return result.ok;
    },

    async start() {
      const [info, automation, preferences, notices] = await Promise.all([
        client.invoke('app.info', {}),
        client.invoke('automation.get', {}),
        client.invoke('preferences.get', {}),
        client.invoke('notices.list', {}),
      ]);
      const { report } = get();
      if (report(info)) set({ info: info.value });
      if (report(automation)) set({ automation: automation.value });
      if (report(preferences)) {
        await i18next.changeLanguage(preferences.value.language);
        const { language, theme, lastScreen, setupDone } = preferences.value;
        set({ language, theme, screen: lastScreen });
        // Offered to a new user only: someone who already has a saved search has set the app up.
        if (!setupDone) {
          const searches = await client.invoke('searches.list', {});
          if (searches.ok && searches.value.length === 0) set({ setupOpen: true });
        }
      }
      if (report(notices)) set({ notices: notices.value });
      // The tray can pause the automation too; the event keeps every view in step.
      client.on('automation.changed', (state) => set({ automation: state }));
      client.on('preferences.changed', (next) => {
        void i18next.changeLanguage(next.language);
        set({ language: next.language, theme: next.theme });
      });
      client.on('notices.changed', (notices) => set({ notices }));
      set({ busy: false });
    },

    openSetup() {
      set({ setupOpen: true });
    },

    closeSetup() {
      set({ setupOpen: false, screen: 'dashboard' });
      void client.invoke('preferences.set', { setupDone: true, lastScreen: 'dashboard' });
    },

    openSettings(section) {
      set({ settingsSection: section });
      get().go('settings');
    },

    go(screen) {
      // Leaving the assistant for a screen is closing it: everything it offers is there too.
      if (get().setupOpen) {
        set({ setupOpen: false });
        void client.invoke('preferences.set', { setupDone: true });
      }
      set({ screen });
      // Remembered so the app reopens where the user left it; a failure here is not worth a banner.
      void client.invoke('preferences.set', { lastScreen: screen });
    },

    async setPaused(paused) {
      const result = await client.invoke('automation.setPaused', { paused });
      if (!get().report(result)) return;
      // Resuming is the answer to a captcha or an ended sign-in: the banner that asked for it goes too.
      const stop = get().error?.code;
      set({ automation: result.value, ...(!paused && (stop === 'hh_captcha' || stop === 'hh_login_required') && { error: undefined }) });
    },

    async setLanguage(language) {
      const result = await client.invoke('preferences.set', { language });
      if (get().report(result)) {
        await i18next.changeLanguage(result.value.language);
        set({ language: result.value.language });
      }
    },

    async setTheme(theme) {
      const result = await client.invoke('preferences.set', { theme });
      if (get().report(result)) set({ theme: result.value.theme });
    },

    async dismissNotice(id) {
      const result = await client.invoke('notices.dismiss', { id });
      if (get().report(result)) set({ notices: result.value });
    },

    dismissError: () => set({ error: undefined }),
  }));

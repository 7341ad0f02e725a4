import { create } from 'zustand';
import type { AppErrorValue, AppInfo, AutomationState, Language, Result } from '../../../shared/contract';
import type { ContractClient } from '../api/client';
import { i18next } from '../i18n';

export const screens = ['dashboard', 'vacancies', 'letters', 'chats', 'searches', 'settings'] as const;
export type Screen = (typeof screens)[number];

interface AppState {
  client?: ContractClient;
  info?: AppInfo;
  automation?: AutomationState;
  language: Language;
  screen: Screen;
  error?: AppErrorValue;
  busy: boolean;
  start(client: ContractClient): Promise<void>;
  go(screen: Screen): void;
  setPaused(paused: boolean): Promise<void>;
  setLanguage(language: Language): Promise<void>;
  dismissError(): void;
  report<T>(result: Result<T>): result is Extract<Result<T>, { ok: true }>;
}

export const useApp = create<AppState>((set, get) => ({
  language: 'ru',
  screen: 'dashboard',
  busy: false,

  /** Returns true when the call worked; otherwise the error is shown in the app's banner. */
  report<T>(result: Result<T>): result is Extract<Result<T>, { ok: true }> {
    if (!result.ok) set({ error: result.error });
    return result.ok;
  },

  async start(client) {
    set({ client, busy: true });
    const [info, automation, preferences] = await Promise.all([
      client.invoke('app.info', {}),
      client.invoke('automation.get', {}),
      client.invoke('preferences.get', {}),
    ]);
    const { report } = get();
    if (report(info)) set({ info: info.value });
    if (report(automation)) set({ automation: automation.value });
    if (report(preferences)) {
      await i18next.changeLanguage(preferences.value.language);
      set({ language: preferences.value.language });
    }
    // The tray can pause the automation too; the event keeps every view in step.
    client.on('automation.changed', (state) => set({ automation: state }));
    client.on('preferences.changed', (next) => {
      void i18next.changeLanguage(next.language);
      set({ language: next.language });
    });
    set({ busy: false });
  },

  go: (screen) => set({ screen }),

  async setPaused(paused) {
    const { client, report } = get();
    if (!client) return;
    const result = await client.invoke('automation.setPaused', { paused });
    if (report(result)) set({ automation: result.value });
  },

  async setLanguage(language) {
    const { client, report } = get();
    if (!client) return;
    const result = await client.invoke('preferences.set', { language });
    if (report(result)) {
      await i18next.changeLanguage(result.value.language);
      set({ language: result.value.language });
    }
  },

  dismissError: () => set({ error: undefined }),
}));

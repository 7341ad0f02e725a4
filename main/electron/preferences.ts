import type { Clock, PreferenceStore, StoredPreferences } from '../core/ports';
import { defaultPreferences } from '../core/ports';
import type { WindowState, WindowStateStore } from './window-state';

/** UI preferences live in electron-store (a JSON file in userData), not in the database. */
export async function createElectronPreferences(clock: Clock): Promise<PreferenceStore> {
  const { default: Store } = await import('electron-store');
  const store = new Store<StoredPreferences>({ name: 'preferences', defaults: defaultPreferences(clock) });
  return {
    get: () => ({ ...defaultPreferences(clock), ...store.store }),
    set: (patch) => {
      for (const [key, value] of Object.entries(patch)) store.set(key as keyof StoredPreferences, value as never);
    },
  };
}

/** Window size and position: a file of its own, written often, separate from the user's choices. */
export async function createWindowStateStore(): Promise<WindowStateStore> {
  const { default: Store } = await import('electron-store');
  const store = new Store<{ window: WindowState }>({ name: 'window-state', defaults: { window: {} } });
  return { get: () => store.get('window'), set: (state) => store.set('window', state) };
}

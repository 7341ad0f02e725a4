import type { Clock, PreferenceStore, StoredPreferences } from '../core/ports';
import { defaultPreferences } from '../core/ports';

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

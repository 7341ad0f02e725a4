import { z } from 'zod';
import type { Repositories } from '../db/repositories';

const KEY = 'updates.auto';

/** The user's switch, kept with their data like the app's other settings. */
export interface AutoUpdateSetting {
  get(): Promise<boolean>;
  set(auto: boolean): Promise<void>;
}

/** On unless the user turned it off: a fix for a changed hh.ru page should reach everyone. */
export const autoUpdateSetting = (repositories: Pick<Repositories, 'appSettings'>): AutoUpdateSetting => ({
  get: async () => (await repositories.appSettings.get(KEY, z.boolean())) ?? true,
  set: (auto) => repositories.appSettings.set(KEY, auto),
});

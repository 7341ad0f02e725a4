import type { profileChannels } from '../../../shared/contract';
import type { HandlersOf } from '../contract/dispatch';
import type { Repositories } from '../db/repositories';

export function profileHandlers(deps: {
  repositories: Repositories;
  /** The profile's email is also the contact hh.ru sees in the app's user agent. */
  onEmail: (email: string) => void;
}): HandlersOf<typeof profileChannels> {
  const { repositories } = deps;
  return {
    'profile.get': () => repositories.profile.get(),
    'profile.set': async (profile) => {
      const saved = await repositories.profile.save(profile);
      deps.onEmail(saved.email);
      return saved;
    },
  };
}

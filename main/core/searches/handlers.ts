import type { SearchRunOutcome, searchesChannels } from '../../../shared/contract';
import type { HandlersOf } from '../contract/dispatch';
import type { Repositories } from '../db/repositories';
import { AppError } from '../errors';

export function searchesHandlers(deps: {
  repositories: Repositories;
  /** "Run now", through the scheduler: recorded like a scheduled run, never two at once. */
  runNow: (id: number) => Promise<SearchRunOutcome>;
}): HandlersOf<typeof searchesChannels> {
  const { repositories } = deps;
  return {
    'searches.list': () => repositories.savedSearches.list(),
    'searches.save': async ({ id, search }) => {
      if (id === undefined) await repositories.savedSearches.create(search);
      else if (!(await repositories.savedSearches.update(id, search)))
        throw AppError.of('not_found', 'This saved search no longer exists.');
      return repositories.savedSearches.list();
    },
    'searches.delete': async ({ id }) => {
      await repositories.savedSearches.delete(id);
      return repositories.savedSearches.list();
    },
    'searches.run': ({ id }) => deps.runNow(id),
  };
}

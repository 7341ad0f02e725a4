import type { statsChannels } from '../../../shared/contract';
import type { HandlersOf } from '../contract/dispatch';
import type { Repositories } from '../db/repositories';
import type { Notices } from '../notices';
import type { Clock } from '../ports';
import { dashboard } from './dashboard';

export function statsHandlers(deps: { repositories: Repositories; clock: Clock; notices: Notices }): HandlersOf<typeof statsChannels> {
  return {
    'stats.dashboard': ({ days }) => dashboard(deps, days),
  };
}

import type { dashboardChannels } from '../../../shared/contract';
import type { HandlersOf } from '../contract/dispatch';
import type { Repositories } from '../db/repositories';
import type { Notices } from '../notices';
import type { Clock } from '../ports';
import { dashboard } from './dashboard';

export function dashboardHandlers(deps: {
  repositories: Repositories;
  clock: Clock;
  notices: Notices;
}): HandlersOf<typeof dashboardChannels> {
  return {
    'dashboard.get': ({ days }) => dashboard(deps, days),
  };
}

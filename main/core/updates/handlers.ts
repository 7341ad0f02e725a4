import type { updatesChannels } from '../../../shared/contract';
import type { HandlersOf } from '../contract/dispatch';
import type { UpdateService } from './service';

export function updatesHandlers(updates: UpdateService): HandlersOf<typeof updatesChannels> {
  return {
    'updates.get': () => updates.state(),
    'updates.check': () => updates.check(),
    'updates.setAuto': ({ auto }) => updates.setAuto(auto),
    'updates.restart': () => updates.restart(),
  };
}

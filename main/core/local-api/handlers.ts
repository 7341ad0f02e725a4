import type { localApiChannels } from '../../../shared/contract';
import type { HandlersOf } from '../contract/dispatch';
import type { LocalApi } from './service';

/** Settings → Local API: the switch, the port, and the tokens. */
export function localApiHandlers(localApi: LocalApi): HandlersOf<typeof localApiChannels> {
  return {
    'localApi.status': () => localApi.status(),
    'localApi.setEnabled': ({ enabled, port }) => localApi.setEnabled(enabled, port),
    'localApi.tokens': () => localApi.tokens(),
    'localApi.createToken': (input) => localApi.createToken(input),
    'localApi.revoke': ({ id }) => localApi.revoke(id),
    'localApi.rotate': ({ id }) => localApi.rotate(id),
  };
}

import type { ChannelInput, ChannelName, ChannelOutput } from './channels';
import type { Result } from './errors';
import type { EventName, EventPayload } from './events';

/** IPC channel names derived from the contract, shared by main and preload so they cannot drift. */
export const ipcInvokeChannel = (name: ChannelName): string => `contract:${name}`;
export const ipcEventChannel = (name: EventName): string => `event:${name}`;

/** The one object preload exposes as `window.api`. */
export interface DesktopApi {
  invoke<K extends ChannelName>(name: K, input: ChannelInput<K>): Promise<Result<ChannelOutput<K>>>;
  on<K extends EventName>(name: K, listener: (payload: EventPayload<K>) => void): () => void;
}

/** HTTP paths of the headless bridge. */
export const httpInvokePath = (name: ChannelName): string => `/api/invoke/${name}`;
export const httpEventsPath = '/api/events';

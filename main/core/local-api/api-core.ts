import type { ChannelName, HhAccountStatus, LocalApiStatus, Result } from '../../../shared/contract';
import type { CoreEvents } from '../events';
import type { LocalApiListener } from './listener-port';
import type { LocalApi, Verified } from './service';

/** What the Local API server asks of the core beyond the contract: tokens, the audit, hh.ru's redirect. */
export interface LocalApiAccess {
  verify(token: string): Promise<Verified>;
  audit: LocalApi['audit'];
  /** The shell's listener, handed over once the core exists; `resume` then listens if the user left it on. */
  useListener(listener: LocalApiListener): void;
  resume(): Promise<LocalApiStatus>;
  /** hh.ru's OAuth redirect, given to the API's callback address: completes the sign-in. */
  hhCallback(url: string): Promise<Result<HhAccountStatus>>;
}

/**
 * All the server needs of the core: the contract, its events and the access hooks above. Narrow on
 * purpose: the Local API depends on this, not on the composition root (main/core/index.ts).
 */
export interface ApiCore {
  invoke(name: ChannelName | string, input: unknown): Promise<Result<unknown>>;
  readonly events: CoreEvents;
  readonly localApi: LocalApiAccess;
}

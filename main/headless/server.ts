import type { Core } from '../core';
import { newSessionToken, startApiServer, type ApiServer, type ApiServerOptions } from '../core/local-api/server';

export interface HeadlessServerOptions extends Omit<ApiServerOptions, 'sessionToken' | 'core'> {
  core: Pick<Core, 'invoke' | 'events' | 'localApi'>;
  /** Given for reproducible setups; otherwise a fresh random token per start. */
  token?: string;
}

export type HeadlessServer = ApiServer;

/**
 * `npm run preview` and the CLI's server: the Local API's server (main/core/local-api/server.ts)
 * with a session token, which opens the window's bridge for the UI in a browser and the REST
 * routes as a write token. The headless server is the Local API's listener: Local API tokens work
 * on it while Settings → Local API is on.
 */
export async function startHeadlessServer(options: HeadlessServerOptions): Promise<HeadlessServer> {
  const { token, ...rest } = options;
  const server = await startApiServer({ ...rest, sessionToken: token ?? newSessionToken() });
  options.core.localApi.useListener({
    apply: async () => listening(server.url),
    state: () => listening(server.url),
  });
  return server;
}

const listening = (url: string) => ({ listening: true, url, portFixed: true, problem: null });

import type { Logger } from '../ports';
import type { ApiCore } from './api-core';
import type { ListenerState, LocalApiListener, LocalApiSetting } from './listener-port';
import { startApiServer, type ApiServer, type ApiServerOptions } from './server';

const OFF: ListenerState = { listening: false, url: null, portFixed: false, problem: null };

/**
 * The desktop app's Local API: a loopback server that runs while Settings → Local API is on, on the
 * port chosen there, and moves when the port changes. Plain Node, like the server; the shell only
 * hands it over to the core (main/electron/app.ts).
 */
export function createLocalApiListener(options: {
  core: ApiCore;
  log: Logger;
  server?: Omit<ApiServerOptions, 'core' | 'port' | 'sessionToken' | 'uiDir' | 'callbackPage'>;
}): LocalApiListener & { close(): Promise<void> } {
  let server: ApiServer | undefined;
  let state: ListenerState = OFF;
  // One change at a time: a second switch waits for the first to finish.
  let queue: Promise<unknown> = Promise.resolve();

  const stop = async () => {
    const running = server;
    server = undefined;
    await running?.close();
  };

  const apply = async (setting: LocalApiSetting): Promise<ListenerState> => {
    if (!setting.enabled) {
      await stop();
      state = OFF;
      return state;
    }
    if (server && server.port === setting.port) return state;
    await stop();
    try {
      server = await startApiServer({ ...options.server, core: options.core, port: setting.port, log: options.log });
      state = { listening: true, url: server.url, portFixed: false, problem: null };
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      options.log.warn('the Local API could not start', { port: setting.port, error: String(err) });
      state = { ...OFF, problem: code === 'EADDRINUSE' ? 'port_in_use' : 'failed' };
    }
    return state;
  };

  return {
    apply: (setting) => {
      const next = queue.then(() => apply(setting));
      queue = next.catch(() => undefined);
      return next;
    },
    state: () => state,
    close: async () => {
      await queue;
      await stop();
      state = OFF;
    },
  };
}

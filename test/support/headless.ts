import { startHeadlessServer } from '../../main/headless/server';
import { startTestCore } from './core';

export interface TestServerOptions {
  uiDir?: string;
  port?: number;
  core?: Parameters<typeof startTestCore>[0];
}

export type TestServer = Awaited<ReturnType<typeof startTestServer>>;

/** A headless core and its HTTP bridge on a random loopback port, as `npm run preview` starts them. */
export async function startTestServer(options: TestServerOptions = {}) {
  const { core, close: closeCore } = await startTestCore(options.core);
  const server = await startHeadlessServer({
    core,
    port: options.port ?? 0,
    uiDir: options.uiDir,
    callbackPage: (url) => core.hh.account.callbackPage(url),
  });
  return {
    core,
    server,
    close: async () => {
      await server.close();
      await closeCore();
    },
  };
}

/** Loopback servers for fakes and tests: one way to listen, read a body, close, and find a free port. */
import type { IncomingMessage, Server } from 'node:http';
import { createServer, type AddressInfo, type Server as NetServer } from 'node:net';

/** Listens on 127.0.0.1 at a port the system picks, and returns that port. */
export function listenOnLoopback(server: NetServer): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Listens like listenOnLoopback, and returns the server's http:// address. */
export const listenHttp = async (server: NetServer): Promise<string> => `http://127.0.0.1:${await listenOnLoopback(server)}`;

/**
 * A port nothing listens on now: for an address that has to be known before its server starts (a
 * registered redirect URI), or one that must refuse connections.
 */
export async function freePort(): Promise<number> {
  const probe = createServer();
  const port = await listenOnLoopback(probe);
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Closes at once: keep-alive sockets and requests a fake left hanging would otherwise hold close() open. */
export function closeNow(server: Pick<Server, 'close' | 'closeAllConnections'>): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

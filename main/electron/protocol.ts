import { readFile } from 'node:fs/promises';
import type { Protocol } from 'electron';
import { PAGE_HEADERS, resolveStaticFile } from '../core/ui/static-files';
import { APP_HOST, APP_SCHEME } from './security';

/** Must run before `app.ready`: the scheme behaves like https (standard, secure, fetch-able). */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/**
 * Maps app://renderer/<path> to a file under `root` (static-files.ts decides which); other hosts
 * get 404, and every answer carries the app's page headers.
 */
export async function resolveAppRequest(root: string, requestUrl: string): Promise<Response> {
  const url = new URL(requestUrl);
  if (url.host !== APP_HOST) return new Response('Not found', { status: 404, headers: PAGE_HEADERS });
  const found = await resolveStaticFile(root, url.pathname);
  if (found.status !== 200)
    return new Response(found.status === 400 ? 'Bad request' : 'Not found', { status: found.status, headers: PAGE_HEADERS });
  try {
    return new Response(await readFile(found.file), { status: 200, headers: { ...PAGE_HEADERS, 'Content-Type': found.contentType } });
  } catch {
    return new Response('Not found', { status: 404, headers: PAGE_HEADERS });
  }
}

export function serveRenderer(protocol: Pick<Protocol, 'handle'>, root: string): void {
  protocol.handle(APP_SCHEME, (request) => resolveAppRequest(root, request.url));
}

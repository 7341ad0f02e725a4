import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { createServer, request, type ClientRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type * as Runtime from 'builder-util-runtime';
import type { AppUpdater } from 'electron-updater';
import type { AppAdapter } from 'electron-updater/out/AppAdapter';
import { dump } from 'js-yaml';
import { closeNow, listenHttp } from '../support/net';

/** What a release folder on GitHub Releases holds, played on 127.0.0.1: latest*.yml and the file it describes. */
export interface FeedRelease {
  version: string;
  file: string;
  payload: Buffer;
  /** The sha512 written into latest.yml; by default the payload's own (a wrong one models a corrupted or tampered file). */
  sha512?: string;
}

export const sha512Of = (data: Buffer) => createHash('sha512').update(data).digest('base64');

/**
 * The update feed as electron-builder publishes it (the generic provider's layout): latest.yml for
 * Windows, latest-mac.yml, latest-linux.yml (latest-linux-arm64.yml on arm), each naming the file
 * with its sha512 and size, beside the file itself. `release: null` is an empty folder (no release yet).
 */
export async function startUpdateFeed(initial: FeedRelease | null) {
  let release = initial;
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://feed').pathname;
    requests.push(path);
    if (release && /^\/latest(-[a-z0-9-]+)?\.yml$/.test(path)) {
      const sha512 = release.sha512 ?? sha512Of(release.payload);
      const files = [{ url: release.file, sha512, size: release.payload.length }];
      res.writeHead(200, { 'content-type': 'text/yaml' });
      res.end(dump({ version: release.version, files, path: release.file, sha512, releaseDate: '2026-03-02T09:00:00.000Z' }));
      return;
    }
    if (release && path === `/${release.file}`) {
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': release.payload.length });
      res.end(release.payload);
      return;
    }
    res.writeHead(404).end();
  });
  const url = `${await listenHttp(server)}/`;
  return {
    url,
    requests,
    publish: (next: FeedRelease | null) => void (release = next),
    close: () => closeNow(server),
  };
}

/**
 * The app as electron-updater sees it, without Electron: its version, that it is installed, and where
 * it keeps the updater's files. app-update.yml (written by electron-builder into an installed app) is
 * here only for the cache folder's name: the feed itself comes from the app's override.
 */
export async function fakeInstalledApp(dir: string, version: string) {
  const appUpdateConfigPath = join(dir, 'app-update.yml');
  await writeFile(
    appUpdateConfigPath,
    dump({ provider: 'github', owner: 'example', repo: 'example', updaterCacheDirName: 'ai-auto-applier-updater' }),
  );
  const quitHandlers: ((exitCode: number) => void)[] = [];
  const app: AppAdapter = {
    version,
    name: 'AI Auto Applier',
    isPackaged: true,
    appUpdateConfigPath,
    userDataPath: join(dir, 'user-data'),
    baseCachePath: join(dir, 'cache'),
    whenReady: () => Promise.resolve(),
    relaunch: () => {},
    quit: () => {},
    onQuit: (handler) => void quitHandlers.push(handler),
  };
  return { app, cacheDir: join(dir, 'cache', 'ai-auto-applier-updater'), quitHandlers };
}

// electron-updater's own copy of its runtime: its errors and checks must be the classes it knows.
const runtime = createRequire(createRequire(import.meta.url).resolve('electron-updater'))('builder-util-runtime') as typeof Runtime;

/**
 * Plain Node http, where the app uses Electron's net (which exists only inside Electron). `download`
 * is ElectronHttpExecutor's, unchanged: the runtime's doDownload pipes the body through its sha512
 * check (DigestTransform) into the file, as it does in the app.
 */
class NodeHttpExecutor extends runtime.HttpExecutor<ClientRequest> {
  createRequest(options: RequestOptions, callback: (response: IncomingMessage) => void): ClientRequest {
    return request(options, callback);
  }

  download(url: URL, destination: string, options: Runtime.DownloadOptions): Promise<string> {
    return options.cancellationToken.createPromise<string>((resolve, reject, onCancel) => {
      const requestOptions: RequestOptions = { headers: options.headers ?? undefined };
      runtime.configureRequestUrl(url, requestOptions);
      runtime.configureRequestOptions(requestOptions);
      this.doDownload(
        requestOptions,
        { destination, options, onCancel, responseHandler: null, callback: (error) => (error ? reject(error) : resolve(destination)) },
        0,
      );
    });
  }
}

/**
 * An updater built over a fake app has no HTTP client at all (electron-updater takes Electron's net
 * only when it makes the app adapter itself, and keeps the client in an internal field): the test
 * gives it Node's. Set before the feed address, whose provider takes the client when made.
 */
export function useNodeHttp(updater: AppUpdater): void {
  (updater as unknown as { httpExecutor: Runtime.HttpExecutor<ClientRequest> }).httpExecutor = new NodeHttpExecutor();
}

import type { Session, Shell, WebContents } from 'electron';
import { isHhUrl } from '../core/hh/website/site';

/** The renderer's origin in a packaged app: a custom protocol, so no file:// powers leak in. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'renderer';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from '../core/ui/static-files';

/** The Local API's docs page on this computer, which Settings → Local API links to: nothing else of the loopback. */
const isLocalApiDocs = (raw: string): boolean => {
  try {
    const url = new URL(raw);
    return (
      url.protocol === 'http:' &&
      url.hostname === '127.0.0.1' &&
      url.port !== '' &&
      url.pathname === '/docs' &&
      !url.search &&
      !url.hash &&
      !url.username &&
      !url.password
    );
  } catch {
    return false;
  }
};

/** hh.ru and its regional sites (https only), and the Local API's docs: the only places the app opens in the user's browser. */
export const isAllowedExternalUrl = (raw: string): boolean => isHhUrl(raw) || isLocalApiDocs(raw);

/** Opens an hh.ru page (or the Local API's docs) in the user's browser; anything else is refused and reported as false. */
export async function openExternalSafely(shell: Pick<Shell, 'openExternal'>, url: string): Promise<boolean> {
  if (!isAllowedExternalUrl(url)) return false;
  await shell.openExternal(url);
  return true;
}

/** True for URLs the app's own renderer may live at (the app:// origin, or the dev server in dev). */
export const isAppUrl = (raw: string, trustedOrigins: readonly string[]): boolean => {
  try {
    const url = new URL(raw);
    // `URL.origin` is "null" for custom schemes, so compare scheme and host ourselves.
    const origin = `${url.protocol}//${url.host}`;
    return trustedOrigins.includes(origin);
  } catch {
    return false;
  }
};

/**
 * Locks a renderer down: no new windows (hh.ru links go to the browser instead), no navigation
 * away from the app, no <webview>.
 */
export function hardenWebContents(
  contents: WebContents,
  options: { trustedOrigins: readonly string[]; shell: Pick<Shell, 'openExternal'> },
): void {
  contents.setWindowOpenHandler(({ url }) => {
    void openExternalSafely(options.shell, url);
    return { action: 'deny' };
  });
  const blockForeign = (event: { preventDefault(): void }, url: string) => {
    if (!isAppUrl(url, options.trustedOrigins)) event.preventDefault();
  };
  contents.on('will-navigate', blockForeign);
  contents.on('will-redirect', blockForeign);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** The app never needs a camera, notifications prompt, geolocation or USB from a web page. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/** Sessions that already refuse downloads: Electron hands out the same object for a session every time. */
const refusing = new WeakSet<object>();

/**
 * No page may save a file through the browser: the app's own exports (a resume, a letter) go through
 * the save dialog and are written by the app itself (export-files.ts), never downloaded.
 */
export function refuseDownloads(session: Pick<Session, 'on'>): void {
  if (refusing.has(session)) return;
  refusing.add(session);
  session.on('will-download', (event) => event.preventDefault());
}

/** Schemes any window may navigate to at all; each window's own guard narrows this to its pages. */
const NAVIGABLE = new Set(['https:', 'http:', `${APP_SCHEME}:`]);

/**
 * One rule for every web contents the app ever creates, windows added later included (registered
 * on app 'web-contents-created'): no <webview>, no new windows unless the window's own code says
 * otherwise (hardenWebContents and the hh.ru window's guard set their handler after this one, which
 * replaces it), no navigation to file:, data:, javascript: or any other scheme, and no downloads.
 */
export function hardenAnyWebContents(contents: WebContents): void {
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const schemeOnly = (event: { preventDefault(): void }, url: string) => {
    let scheme = '';
    try {
      scheme = new URL(url).protocol;
    } catch {
      // Not an address at all: refused below.
    }
    if (!NAVIGABLE.has(scheme)) event.preventDefault();
  };
  contents.on('will-navigate', schemeOnly);
  contents.on('will-redirect', schemeOnly);
  refuseDownloads(contents.session);
}

import { BrowserWindow, session, type Session } from 'electron';
import { isHhUrl } from '../core/hh/website/site';
import { denyAllPermissions } from './security';

/** The hh.ru window's own cookies, kept between runs and apart from the app's renderer. */
export const HH_PARTITION = 'persist:hh';

/** Sessions already hardened: Electron hands out the same object for a partition every time. */
const hardened = new WeakSet<object>();

/**
 * The hh.ru partition, hardened the moment it is first asked for, before any page can load in it:
 * hh.ru (or a page it is tricked into loading) gets no permission and can save no file.
 */
export function hhSession(): Session {
  const ses = session.fromPartition(HH_PARTITION);
  if (!hardened.has(ses)) {
    hardened.add(ses);
    denyAllPermissions(ses);
    ses.on('will-download', (event) => event.preventDefault());
  }
  return ses;
}

export interface HhWindowOptions {
  /** hh.ru's site (a proxy or a test fake may stand in). */
  siteUrl: string;
  parent?: () => BrowserWindow | undefined;
}

export interface GuardedWindowOptions extends HhWindowOptions {
  /**
   * Asked first about every navigation and redirect: true takes the address out of the window's
   * hands (the OAuth redirect URI, caught before it loads); it is then never loaded.
   */
  intercept?: (url: string) => boolean;
}

/**
 * What the title bar shows: the address the page is really at, ahead of whatever the page calls
 * itself, so a page cannot pass for hh.ru by its title. The query is left out (it may carry codes).
 */
export function addressTitle(raw: string, pageTitle = ''): string {
  let address = raw;
  try {
    const url = new URL(raw);
    address = `${url.protocol}//${url.host}${url.pathname}`;
  } catch {
    // shown as it is
  }
  return pageTitle.trim() ? `${address} — ${pageTitle.trim()}` : address;
}

/**
 * The one recipe for every hh.ru window (sign-in, website, assisted apply, a page hh.ru asked for):
 * its own hardened session, no preload, sandboxed; navigation, redirects and new windows only to
 * hh.ru's hosts (the site module's list, plus the configured site); the address in the title.
 */
export function openHhWindow(url: string, options: GuardedWindowOptions): BrowserWindow {
  hhSession();
  const onHh = (target: string) => isHhUrl(target, [options.siteUrl]);
  const window = new BrowserWindow({
    width: 960,
    height: 780,
    title: addressTitle(url),
    parent: options.parent?.(),
    autoHideMenuBar: true,
    webPreferences: {
      partition: HH_PARTITION,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // hh.ru's own page: no preload, no bridge to the app.
    },
  });
  const contents = window.webContents;

  const guard = (event: { preventDefault(): void }, target: string) => {
    if (options.intercept?.(target) || !onHh(target)) event.preventDefault();
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // A link hh.ru opens in a new tab stays in this window (and this session); anything else goes nowhere.
  contents.setWindowOpenHandler(({ url: target }) => {
    if (!options.intercept?.(target) && onHh(target)) void window.loadURL(target);
    return { action: 'deny' };
  });

  const showAddress = (pageTitle?: string) => {
    if (!window.isDestroyed()) window.setTitle(addressTitle(contents.getURL(), pageTitle));
  };
  window.on('page-title-updated', (event, pageTitle) => {
    event.preventDefault();
    showAddress(pageTitle);
  });
  contents.on('did-navigate', () => showAddress());
  contents.on('did-navigate-in-page', () => showAddress());

  void window.loadURL(url);
  return window;
}

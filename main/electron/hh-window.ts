import { BrowserWindow, clipboard, session, type Session } from 'electron';
import type { HhSignInWindow } from '../core/hh';
import type { WebRequestOptions, WebResponse, WebSession } from '../core/hh/website';
import { isRedirectTo } from '../core/hh/oauth/authorize-url';
import { isApplicantUrl, isHhUrl, isResponseFormUrl, isResponsesUrl, RESPONSE_SENT_TEXT, sitePages } from '../core/hh/website/site';
import { denyAllPermissions } from './security';

/** The hh.ru window's own cookies, kept between runs and apart from the app's renderer. */
export const HH_PARTITION = 'persist:hh';

export interface HhWindowOptions {
  /** hh.ru's site (a proxy or a test fake may stand in). */
  siteUrl: string;
  parent?: () => BrowserWindow | undefined;
}

const hhSession = (): Session => {
  const ses = session.fromPartition(HH_PARTITION);
  denyAllPermissions(ses);
  return ses;
};

/** hh.ru and its regional sites (plus the configured site) are the only places this window may go. */
const isHhPage = (raw: string, siteUrl: string): boolean => isHhUrl(raw, [siteUrl]);

function openWindow(url: string, options: HhWindowOptions, title: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 960,
    height: 780,
    title,
    parent: options.parent?.(),
    autoHideMenuBar: true,
    webPreferences: {
      partition: HH_PARTITION,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      // hh.ru's own page: no preload, no bridge to the app.
    },
  });
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
  void window.loadURL(url);
  return window;
}

/** Scripts run in a world of their own: hh.ru's page scripts never see the app's code. */
const ASSIST_WORLD = 1001;

/**
 * Puts the letter into hh.ru's letter field. The form is React-controlled, so the value is set
 * through the native setter and announced with an input event, as a user's typing would be.
 */
export const fillLetterScript = (letter: string) => `(() => {
  const field = document.querySelector('textarea[name="letter"], [data-qa="vacancy-response-popup-form-letter-input"] textarea, textarea[data-qa*="letter"]');
  if (!field) return false;
  const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set;
  setter.call(field, ${JSON.stringify(letter)});
  field.dispatchEvent(new Event('input', { bubbles: true }));
  return true;
})()`;

/** hh.ru's own words once a response went through. */
export const successCheckScript = `(() => {
  const text = document.body ? document.body.innerText : '';
  return ${RESPONSE_SENT_TEXT.toString()}.test(text);
})()`;

export function createHhSignInWindow(options: HhWindowOptions): HhSignInWindow {
  return {
    oauth: ({ authorizeUrl, redirectUri }) =>
      new Promise((resolve) => {
        const ses = hhSession();
        const window = openWindow(authorizeUrl, options, 'hh.ru');
        let settled = false;
        const finish = (result: { kind: 'redirect'; url: string } | { kind: 'closed' }) => {
          if (settled) return;
          settled = true;
          ses.webRequest.onBeforeRequest(null);
          resolve(result);
          if (!window.isDestroyed()) window.close();
        };
        // The registered redirect URI may point at nothing (localhost:8080): catch it before it loads.
        let redirectPattern: string[] = [];
        try {
          const target = new URL(redirectUri);
          if (target.protocol === 'http:' || target.protocol === 'https:') redirectPattern = [`${target.protocol}//${target.host}/*`];
        } catch {
          // a custom scheme: the navigation events below catch it
        }
        if (redirectPattern.length) {
          ses.webRequest.onBeforeRequest({ urls: redirectPattern }, (details, callback) => {
            if (isRedirectTo(details.url, redirectUri)) {
              callback({ cancel: true });
              finish({ kind: 'redirect', url: details.url });
            } else callback({});
          });
        }
        const guard = (event: { preventDefault(): void }, url: string) => {
          if (isRedirectTo(url, redirectUri)) {
            event.preventDefault();
            finish({ kind: 'redirect', url });
          } else if (!isHhPage(url, options.siteUrl)) {
            event.preventDefault();
          }
        };
        window.webContents.on('will-redirect', guard);
        window.webContents.on('will-navigate', guard);
        // Closing the window is "never mind": the caller reports no error.
        window.on('closed', () => finish({ kind: 'closed' }));
      }),

    website: ({ isSignedIn }) =>
      new Promise((resolve) => {
        const window = openWindow(sitePages.login(options.siteUrl), options, 'hh.ru');
        let settled = false;
        const finish = (result: { kind: 'signed_in' } | { kind: 'closed' }) => {
          if (settled) return;
          settled = true;
          resolve(result);
          if (!window.isDestroyed()) window.close();
        };
        window.webContents.on('will-navigate', (event, url) => {
          if (!isHhPage(url, options.siteUrl)) event.preventDefault();
        });
        // hh.ru lands a signed-in user on the applicant pages; the core's check (paced) confirms it.
        window.webContents.on('did-navigate', (_event, url) => {
          if (!isApplicantUrl(url, options.siteUrl)) return;
          void isSignedIn()
            .then((yes) => yes && finish({ kind: 'signed_in' }))
            .catch(() => undefined);
        });
        window.on('closed', () => finish({ kind: 'closed' }));
      }),

    assistApply: ({ vacancyId, letter }) =>
      new Promise((resolve) => {
        // Also on the clipboard: if hh.ru changed its form, the user pastes it with one keystroke.
        clipboard.writeText(letter);
        const window = openWindow(sitePages.responseForm(options.siteUrl, vacancyId), options, 'hh.ru');
        // The letter (contacts included) goes only into hh.ru's response form for this vacancy.
        const onForm = () => isResponseFormUrl(window.webContents.getURL(), options.siteUrl, vacancyId);
        let settled = false;
        const timers: { poll?: NodeJS.Timeout } = {};
        const finish = (result: { kind: 'applied' } | { kind: 'closed' }) => {
          if (settled) return;
          settled = true;
          clearInterval(timers.poll);
          resolve(result);
          if (result.kind === 'applied' && !window.isDestroyed()) setTimeout(() => !window.isDestroyed() && window.close(), 1500);
        };
        const run = (code: string) => window.webContents.executeJavaScriptInIsolatedWorld(ASSIST_WORLD, [{ code }]) as Promise<unknown>;
        window.webContents.on('did-finish-load', () => onForm() && void run(fillLetterScript(letter)).catch(() => undefined));
        window.webContents.on('will-navigate', (event, target) => {
          if (!isHhPage(target, options.siteUrl)) event.preventDefault();
        });
        window.webContents.on('did-navigate', (_event, target) => isResponsesUrl(target, options.siteUrl) && finish({ kind: 'applied' }));
        window.webContents.on('did-navigate-in-page', (_event, target) => isResponsesUrl(target, options.siteUrl) && finish({ kind: 'applied' }));
        // hh.ru often confirms in place, without navigating: look for its confirmation text.
        timers.poll = setInterval(() => {
          if (window.isDestroyed() || !onForm()) return;
          void run(successCheckScript)
            .then((done) => done === true && finish({ kind: 'applied' }))
            .catch(() => undefined);
        }, 1500);
        window.on('closed', () => finish({ kind: 'closed' }));
      }),

    show: (url) =>
      new Promise((resolve) => {
        if (!isHhPage(url, options.siteUrl)) return resolve();
        const window = openWindow(url, options, 'hh.ru');
        window.on('closed', () => resolve());
      }),
  };
}

const encodeBody = (options: WebRequestOptions): { body?: BodyInit; headers: Record<string, string> } => {
  if (options.form) return { body: new URLSearchParams(options.form).toString(), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } };
  if (options.json !== undefined) return { body: JSON.stringify(options.json), headers: { 'Content-Type': 'application/json' } };
  if (options.multipart) {
    const form = new FormData();
    for (const [key, value] of Object.entries(options.multipart)) form.append(key, value);
    return { body: form, headers: {} };
  }
  return { headers: {} };
};

/**
 * The window's cookies are the user's hh.ru session: requests go through the same partition
 * (session.fetch), so they carry the real cookies, DDoS-Guard's included. Whether they sign the
 * user in is the core's question (site.ts), asked through the website pacer; signing out clears them.
 */
export function createHhWebSession(siteUrl: string): WebSession {
  return {
    async request(method, url, options = {}): Promise<WebResponse> {
      const { body, headers } = encodeBody(options);
      const timeout = options.timeoutMs ? AbortSignal.timeout(options.timeoutMs) : undefined;
      const signal = options.signal && timeout ? AbortSignal.any([options.signal, timeout]) : (options.signal ?? timeout);
      const response = await hhSession().fetch(url, {
        method,
        headers: { ...headers, ...options.headers },
        body,
        redirect: options.redirect ?? 'manual',
        signal,
      });
      const answer: Record<string, string> = {};
      // Cookies stay in the session: never handed to the caller.
      response.headers.forEach((value, name) => name.toLowerCase() !== 'set-cookie' && (answer[name.toLowerCase()] = value));
      return { status: response.status, url: response.url || url, headers: answer, text: await response.text() };
    },
    async cookie(name) {
      const [found] = await hhSession().cookies.get({ url: siteUrl, name });
      return found?.value;
    },
    async clear() {
      const ses = hhSession();
      await ses.clearStorageData();
      await ses.clearCache();
    },
  };
}

import { clipboard, type BrowserWindow } from 'electron';
import type { HhSignInWindow } from '../core/hh';
import { isRedirectTo } from '../core/hh/oauth/authorize-url';
import { isApplicantUrl, isHhUrl, isResponseFormUrl, isResponsesUrl, sitePages } from '../core/hh/website/site';
import { ASSIST_WORLD, fillLetterScript, successCheckScript } from './assist-scripts';
import { hhSession, openHhWindow, type HhWindowOptions } from './hh-window-guard';

export { HH_PARTITION, type HhWindowOptions } from './hh-window-guard';
export { createHhWebSession } from './hh-web-session';

/** Resolves once, whatever fires first; closes the window unless told to leave it to the user. */
function settleOnce<T>(window: BrowserWindow, resolve: (value: T) => void, cleanup?: () => void) {
  let settled = false;
  return (value: T, close = true) => {
    if (settled) return;
    settled = true;
    cleanup?.();
    resolve(value);
    if (close && !window.isDestroyed()) window.close();
  };
}

export function createHhSignInWindow(options: HhWindowOptions): HhSignInWindow {
  return {
    oauth: ({ authorizeUrl, redirectUri }) =>
      new Promise((resolve) => {
        const ses = hhSession();
        const state: { finish?: (result: { kind: 'redirect'; url: string } | { kind: 'closed' }) => void } = {};
        // The redirect URI (a custom scheme included) is caught on every path the window could take to it.
        const window = openHhWindow(authorizeUrl, {
          ...options,
          intercept: (url) => {
            if (!isRedirectTo(url, redirectUri)) return false;
            state.finish?.({ kind: 'redirect', url });
            return true;
          },
        });
        const finish = settleOnce(window, resolve, () => ses.webRequest.onBeforeRequest(null));
        state.finish = finish;
        // The registered redirect URI may point at nothing (localhost:8080): catch it before it loads.
        let redirectPattern: string[] = [];
        try {
          const target = new URL(redirectUri);
          if (target.protocol === 'http:' || target.protocol === 'https:') redirectPattern = [`${target.protocol}//${target.host}/*`];
        } catch {
          // a custom scheme: the window's navigation guard catches it
        }
        if (redirectPattern.length) {
          ses.webRequest.onBeforeRequest({ urls: redirectPattern }, (details, callback) => {
            if (isRedirectTo(details.url, redirectUri)) {
              callback({ cancel: true });
              finish({ kind: 'redirect', url: details.url });
            } else callback({});
          });
        }
        // Closing the window is "never mind": the caller reports no error.
        window.on('closed', () => finish({ kind: 'closed' }));
      }),

    website: ({ isSignedIn }) =>
      new Promise((resolve) => {
        const window = openHhWindow(sitePages.login(options.siteUrl), options);
        const finish = settleOnce(window, resolve);
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
        void clipboard.writeText(letter);
        const window = openHhWindow(sitePages.responseForm(options.siteUrl, vacancyId), options);
        // The letter (contacts included) goes only into hh.ru's response form for this vacancy.
        const onForm = () => !window.isDestroyed() && isResponseFormUrl(window.webContents.getURL(), options.siteUrl, vacancyId);
        const timers: { poll?: NodeJS.Timeout } = {};
        const settle = settleOnce(window, resolve, () => clearInterval(timers.poll));
        const finish = (result: { kind: 'applied' } | { kind: 'closed' }) => {
          // Left open a moment after success, so the user sees hh.ru's own confirmation.
          settle(result, false);
          if (result.kind === 'applied') setTimeout(() => !window.isDestroyed() && window.close(), 1500);
        };
        /** Runs a script on the response form only, and takes its answer only if the page is still that form. */
        const onFormRun = async (code: string): Promise<unknown> => {
          if (!onForm()) return undefined;
          const answer: unknown = await window.webContents.executeJavaScriptInIsolatedWorld(ASSIST_WORLD, [{ code }]);
          return onForm() ? answer : undefined;
        };
        window.webContents.on(
          'did-finish-load',
          () => void onFormRun(fillLetterScript(letter, options.siteUrl, vacancyId)).catch(() => undefined),
        );
        const onResponses = (_event: unknown, target: string) => isResponsesUrl(target, options.siteUrl) && finish({ kind: 'applied' });
        window.webContents.on('did-navigate', onResponses);
        window.webContents.on('did-navigate-in-page', onResponses);
        // hh.ru often confirms in place, without navigating: look for its confirmation text.
        timers.poll = setInterval(() => {
          void onFormRun(successCheckScript(options.siteUrl, vacancyId))
            .then((done) => done === true && finish({ kind: 'applied' }))
            .catch(() => undefined);
        }, 1500);
        window.on('closed', () => finish({ kind: 'closed' }));
      }),

    show: (url) =>
      new Promise((resolve) => {
        if (!isHhUrl(url, [options.siteUrl])) return resolve();
        const window = openHhWindow(url, options);
        window.on('closed', () => resolve());
      }),
  };
}

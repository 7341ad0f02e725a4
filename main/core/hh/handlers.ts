import type { hhChannels } from '../../../shared/contract';
import type { HandlersOf } from '../contract/dispatch';
import { AppError } from '../errors';
import type { HhAccountService, HhWebSession } from './account';
import type { HhGateway } from './gateway';
import type { HhSignInWindow } from './sign-in-window';

export function hhHandlers(deps: {
  account: HhAccountService;
  gateway: HhGateway;
  window?: HhSignInWindow;
  webSession?: HhWebSession;
  /** The configured hh.ru site (a proxy or test fake may stand in for hh.ru). */
  isOwnSite: (url: string) => boolean;
}): HandlersOf<typeof hhChannels> {
  const { account, gateway, window } = deps;
  return {
    'hh.status': () => account.status(),
    'hh.signIn': async ({ mode }) => {
      const { authorizeUrl, redirectUri } = await account.startSignIn(mode);
      if (!window) return { status: await account.status(), authorizeUrl };
      const outcome = await window.oauth({ authorizeUrl, redirectUri });
      // Closing the window is the user changing their mind, not an error worth a banner.
      if (outcome.kind === 'closed') return { status: await account.status(), cancelled: true };
      return { status: await account.completeSignIn(outcome.url) };
    },
    'hh.signInWebsite': async () => {
      if (!window) {
        // Headless: the session comes from a cookies file (HH_COOKIES_FILE); there is no window to sign in with.
        if (deps.webSession && (await deps.webSession.isSignedIn())) return { status: await account.websiteSignedIn() };
        throw AppError.of('hh_login_required', 'Without the app window, the hh.ru website session comes from a cookies file: export cookies.txt from a browser signed in to hh.ru and set HH_COOKIES_FILE (see the README).', {
          next: { kind: 'sign_in' },
        });
      }
      const outcome = await window.website();
      if (outcome.kind === 'closed') return { status: await account.status(), cancelled: true };
      return { status: await account.websiteSignedIn() };
    },
    'hh.signOut': () => account.signOut(),
    'hh.refresh': async () => {
      const status = await account.status();
      if (status.signedIn && status.via) await account.refresh(status.via);
      return account.status();
    },
    'hh.saveApp': (input) => account.saveApp(input),
    'hh.forgetApp': () => account.forgetApp(),
    'hh.capabilities': () => gateway.capabilities(),
    'hh.openPage': async ({ url }) => {
      // Only hh.ru's own pages: this must not become a way to open anything in the hh.ru session.
      const host = new URL(url).hostname;
      if (!/(^|\.)hh\.(ru|kz|uz)$|(^|\.)rabota\.by$|(^|\.)headhunter\.(ge|kg)$|(^|\.)hh1\.az$/.test(host) && !deps.isOwnSite(url)) {
        throw AppError.of('invalid_input', 'Only hh.ru pages can be opened here.');
      }
      if (!window) return { openedInApp: false, url };
      await window.show(url);
      return { openedInApp: true, url };
    },
  };
}

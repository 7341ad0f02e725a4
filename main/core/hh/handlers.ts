import type { hhChannels } from '../../../shared/contract';
import type { HandlersOf } from '../contract/dispatch';
import { AppError } from '../errors';
import type { HhAccountService } from './account';
import type { HhGateway } from './gateway';
import type { HhSignInWindow } from './sign-in-window';
import { isHhUrl } from './website/site';

export function hhHandlers(deps: {
  account: HhAccountService;
  gateway: HhGateway;
  window?: HhSignInWindow;
  /** The website session (headless: a cookies file), when the app has one. */
  website?: { reload(): Promise<void>; isSignedIn(options: { fresh: boolean }): Promise<boolean> };
  /** The configured hh.ru sites (a proxy or test fake may stand in for hh.ru). */
  sites: readonly string[];
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
        if (deps.website) {
          await deps.website.reload();
          if (await deps.website.isSignedIn({ fresh: true })) return { status: await account.websiteSignedIn() };
          throw AppError.of('hh_login_required', 'The hh.ru cookies file does not sign you in: hh.ru answers with its login form. Export cookies.txt again from a browser signed in to hh.ru, save it over the file, and press Sign in.', {
            next: { kind: 'sign_in' },
          });
        }
        throw AppError.of('hh_login_required', 'Without the app window, the hh.ru website session comes from a cookies file: export cookies.txt from a browser signed in to hh.ru and set HH_COOKIES_FILE (see the README).', {
          next: { kind: 'sign_in' },
        });
      }
      const website = deps.website;
      const outcome = await window.website({ isSignedIn: () => (website ? website.isSignedIn({ fresh: true }) : Promise.resolve(false)) });
      if (outcome.kind === 'closed') return { status: await account.status(), cancelled: true };
      return { status: await account.websiteSignedIn() };
    },
    'hh.signOut': () => account.signOut(),
    'hh.refresh': async () => {
      // What hh.ru refused before (a closed API) is asked again: it may serve the app again now.
      await gateway.probe();
      const status = await account.status();
      if (status.signedIn && status.via) await account.refresh(status.via);
      return account.status();
    },
    'hh.saveApp': (input) => account.saveApp(input),
    'hh.forgetApp': () => account.forgetApp(),
    'hh.capabilities': () => gateway.capabilities(),
    'hh.openPage': async ({ url }) => {
      // Only hh.ru's own pages: this must not become a way to open anything in the hh.ru session.
      if (!isHhUrl(url, deps.sites)) {
        throw AppError.of('invalid_input', 'Only hh.ru pages can be opened here.');
      }
      if (!window) return { openedInApp: false, url };
      await window.show(url);
      return { openedInApp: true, url };
    },
  };
}

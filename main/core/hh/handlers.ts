import type { Area, hhChannels } from '../../../shared/contract';
import { resumeFacts } from '../ai/text/resume-facts';
import type { HandlersOf } from '../contract/dispatch';
import { AppError, say } from '../errors';
import type { HhAccountService } from './account';
import type { HhGateway } from './gateway';
import type { HhPageHealth } from './pages';
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
  pages: HhPageHealth;
  /** hh.ru's area tree: hh.ru's public copy, the kept one, or the bundled one (./areas.ts). */
  areas: () => Promise<unknown[]>;
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
          throw AppError.of(
            'hh_login_required',
            'The hh.ru cookies file does not sign you in: hh.ru answers with its login form. Export cookies.txt again from a browser signed in to hh.ru, save it over the file, and press Sign in.',
            {
              next: { kind: 'sign_in' },
            },
          );
        }
        throw AppError.of(
          'hh_login_required',
          'Without the app window, the hh.ru website session comes from a cookies file: export cookies.txt from a browser signed in to hh.ru and set HH_COOKIES_FILE (see the README).',
          {
            next: { kind: 'sign_in' },
          },
        );
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
    'hh.pages': () => deps.pages.status(),
    'hh.checkPages': () => deps.pages.check({ fresh: true }),
    'hh.openPage': async ({ url }) => {
      // Only hh.ru's own pages: this must not become a way to open anything in the hh.ru session.
      if (!isHhUrl(url, deps.sites)) {
        throw AppError.of('invalid_input', say('hh.onlyHhPages'));
      }
      if (!window) return { openedInApp: false, url };
      await window.show(url);
      return { openedInApp: true, url };
    },
    'hh.resume': async ({ resumeHhId }) => {
      const raw = await gateway.resume(resumeHhId);
      const title = typeof (raw as { title?: unknown })?.title === 'string' ? (raw as { title: string }).title : '';
      return resumeFacts({ title, raw });
    },
    'hh.raiseResume': async ({ resumeHhId }) => {
      await gateway.raiseResume(resumeHhId);
      return { raised: true as const };
    },
    'hh.dictionaries': async () => dictionaryLists(await gateway.dictionaries()),
    'hh.areas': async () => areaTree(await deps.areas()),
  };
}

type Json = Record<string, unknown>;
const isItem = (value: unknown): value is Json =>
  Boolean(value) && typeof value === 'object' && 'id' in (value as Json) && 'name' in (value as Json);

/** hh.ru's dictionaries, keeping the lists of {id, name} (the filter values); nothing else reaches the renderer. */
function dictionaryLists(dictionaries: Record<string, unknown>): Record<string, { id: string; name: string }[]> {
  const lists: Record<string, { id: string; name: string }[]> = {};
  for (const [name, value] of Object.entries(dictionaries)) {
    if (!Array.isArray(value) || !value.length || !value.every(isItem)) continue;
    lists[name] = value.map((item) => ({ id: String(item.id), name: String(item.name) }));
  }
  return lists;
}

/** hh.ru's area tree with ids and names only. */
function areaTree(areas: unknown[]): Area[] {
  return areas
    .filter(isItem)
    .map((area) => ({ id: String(area.id), name: String(area.name), areas: areaTree(Array.isArray(area.areas) ? area.areas : []) }));
}

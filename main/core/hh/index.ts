import { z } from 'zod';
import type { Repositories } from '../db/repositories';
import type { CoreEvents } from '../events';
import type { AppIdentity, Clock, Logger } from '../ports';
import type { AppEnv, Vault } from '../secrets';
import { HhAccountService } from './account';
import { HhAppSettings } from './app-settings';
import { HhGateway } from './gateway';
import { hhHandlers } from './handlers';
import { HhHttp } from './http/hh-http';
import { createPacer } from './http/pacer';
import type { RetryPolicy } from './http/retry';
import type { SlowDownPolicy } from './http/slow-down';
import type { Notices } from '../notices';
import { HhPageHealth } from './pages';
import { areaSource } from './areas';
import { HhTokenService } from './oauth/tokens';
import { OfficialApiTransport } from './official/transport';
import type { HhSignInWindow } from './sign-in-window';
import { HEADLESS_SIGN_IN_REASON, SIGN_IN_REASON, WebsiteTransport, type WebSession } from './website';
import { DEFAULT_API_URL, DEFAULT_SITE_URL, hhSiteUrlFrom } from './website/site';

export type { HhWebSession } from './account';
export type { HhSignInWindow } from './sign-in-window';

export interface HhDeps {
  identity: AppIdentity;
  env: AppEnv;
  clock: Clock;
  log: Logger;
  events: CoreEvents;
  vault: Vault;
  repositories: Repositories;
  signInWindow?: HhSignInWindow;
  webSession?: WebSession;
  websiteIntervalMs?: number;
  /** Defaults: 2 requests a second at most (hh.ru publishes no limit; staff mention ~10/s per IP). */
  minRequestIntervalMs?: number;
  timeoutMs?: number;
  retry?: RetryPolicy;
  /** Told while the app waits because hh.ru asked it to slow down (HTTP 429): until when, then null. */
  onSlowDown?: (untilMs: number | null) => void;
  /** How long and how often to wait after hh.ru's 429 (tests make it instant). */
  slowDown?: SlowDownPolicy;
  notices: Notices;
  /** The app's resources (the bundled copy of hh.ru's regions). */
  resourcesDir: string;
  /** Where the outlines of pages the app did not understand are saved (the data folder's hh-pages). */
  pagesDir: string;
}

/** Everything hh.ru: one HTTP client and pacer, tokens, the gateway with its transports, the account. */
export async function createHh(deps: HhDeps) {
  const apiBaseUrl = deps.env.HH_API_BASE_URL ?? DEFAULT_API_URL;
  const oauthBaseUrl = deps.env.HH_OAUTH_BASE_URL ?? DEFAULT_SITE_URL;
  // Messages name the way this shell signs in: the app's hh.ru window, or a cookies file headless.
  const signInAdvice = deps.signInWindow ? SIGN_IN_REASON : HEADLESS_SIGN_IN_REASON;
  // hh.ru asks every client to name itself and a contact; the user's own email is the honest one.
  let contact = (await deps.repositories.profile.get()).email || 'no-contact@aiautoapplier.app';
  const http = new HhHttp({
    baseUrl: apiBaseUrl,
    userAgent: () => `AIAutoApplier/${deps.identity.version} (${contact})`,
    timeoutMs: deps.timeoutMs ?? 20_000,
    pacer: createPacer({ minIntervalMs: deps.minRequestIntervalMs ?? 500 }),
    retry: deps.retry,
    log: deps.log,
  });

  const app = new HhAppSettings({ env: deps.env, vault: deps.vault, repositories: deps.repositories });
  // Called only after everything below exists.
  const signedOutByHh = (reason: string) => void account.signedOutByHh(reason);
  const tokens = new HhTokenService({
    http,
    tokens: deps.repositories.apiTokens,
    audit: deps.repositories.auditLog,
    vault: deps.vault,
    clock: deps.clock,
    log: deps.log,
    credentials: () => app.credentials(),
    onSignedOut: signedOutByHh,
  });
  const siteUrl = hhSiteUrlFrom(deps.env);
  const official = new OfficialApiTransport(http, tokens, () => deps.clock.now().getTime(), siteUrl);
  // The user's own website session: what makes applying, chats and raising work since the API closed.
  const website = deps.webSession
    ? new WebsiteTransport({
        session: deps.webSession,
        siteUrl,
        log: deps.log,
        signInAdvice,
        ...(deps.onSlowDown && { onSlowDown: deps.onSlowDown }),
        ...(deps.slowDown && { slowDown: deps.slowDown }),
        ...(deps.websiteIntervalMs !== undefined && { minIntervalMs: deps.websiteIntervalMs }),
      })
    : undefined;
  const webSession =
    website && deps.webSession
      ? { isSignedIn: website.isSignedIn.bind(website), clear: deps.webSession.clear.bind(deps.webSession) }
      : undefined;
  const refusalsSchema = z.record(z.string(), z.string());
  const gateway = new HhGateway(
    website ? [official, website] : [official],
    deps.log,
    {
      load: async () => (await deps.repositories.appSettings.get('hh.refusals', refusalsSchema)) ?? {},
      save: (refusals) => deps.repositories.appSettings.set('hh.refusals', refusals),
    },
    signInAdvice,
  );
  await gateway.restore();
  const account = new HhAccountService({
    gateway,
    tokens,
    repositories: deps.repositories,
    app,
    clock: deps.clock,
    log: deps.log,
    events: deps.events,
    oauthBaseUrl,
    webSession,
    forgetAccount: () => website?.reset(),
  });

  const pages = new HhPageHealth({
    ...(website && { check: (signal?: AbortSignal) => website.checkPages(signal) }),
    repositories: deps.repositories,
    notices: deps.notices,
    events: deps.events,
    clock: deps.clock,
    log: deps.log,
    shapesDir: deps.pagesDir,
  });

  return {
    gateway,
    account,
    tokens,
    website,
    pages,
    handlers: hhHandlers({
      account,
      gateway,
      pages,
      areas: async () =>
        (await areaSource({ gateway, repositories: deps.repositories, clock: deps.clock, log: deps.log, resourcesDir: deps.resourcesDir }))
          .areas,
      window: deps.signInWindow,
      website: website &&
        deps.webSession && {
          // A cookies.txt exported again is read at "Sign in" (headless), not only at the next start.
          reload: async () => {
            await deps.webSession?.reload?.();
            website.reset();
          },
          isSignedIn: website.isSignedIn.bind(website),
        },
      sites: [oauthBaseUrl, siteUrl],
    }),
    /** Profile changes update the contact hh.ru sees in the user agent. */
    setContact: (email: string) => {
      contact = email || contact;
    },
  };
}

export type Hh = Awaited<ReturnType<typeof createHh>>;

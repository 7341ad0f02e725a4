import { z } from 'zod';
import { hhAccountSchema, hhResumeSchema, type HhAccount, type HhResume } from '../../../shared/domain';
import type { Repositories } from '../db/repositories';
import type { CoreEvents } from '../events';
import type { Clock, Logger } from '../ports';
import type { HhAppSettings } from './app-settings';
import { HhError } from './errors';
import type { HhGateway } from './gateway';
import { buildAuthorizeUrl, newOAuthState, readRedirect } from './oauth/authorize-url';
import type { HhTokenService } from './oauth/tokens';
import { say } from '../errors';

const PENDING_TTL_MS = 15 * 60 * 1000;

const accountRecordSchema = z.object({
  account: hhAccountSchema.nullable(),
  resumes: z.array(hhResumeSchema),
  via: z.enum(['api', 'website']).nullable(),
  updatedAt: z.string(),
});
type AccountRecord = z.infer<typeof accountRecordSchema>;

export type SignInMode = 'default' | 'switch' | 'continue';

export interface HhAccountStatus {
  signedIn: boolean;
  via: 'api' | 'website' | null;
  account: HhAccount | null;
  resumes: HhResume[];
  app: { configured: boolean; clientId: string | null; redirectUri: string; fromEnv: boolean };
}

/** The website session of the app's hh.ru window (Electron) or of a cookies file (headless), as the account sees it. */
export interface HhWebSession {
  /** Asks hh.ru (through the website pacer); `fresh` skips the few minutes' memory of the last answer. */
  isSignedIn(options?: { fresh?: boolean }): Promise<boolean>;
  clear(): Promise<void>;
}

export interface AccountDeps {
  gateway: HhGateway;
  tokens: HhTokenService;
  repositories: Repositories;
  app: HhAppSettings;
  clock: Clock;
  log: Logger;
  events: CoreEvents;
  oauthBaseUrl: string;
  webSession?: HhWebSession;
  /** Transports forget what they learned of the account (resume hashes, chat ids) on sign-out. */
  forgetAccount?: () => void;
}

/**
 * The user's hh.ru account: signing in (OAuth with their own dev.hh.ru application, or the website
 * session of the app's window), what the app knows of the account and its resumes, and signing out.
 */
export class HhAccountService {
  #pending?: { state: string; until: number };

  constructor(private readonly deps: AccountDeps) {}

  credentials = () => this.deps.app.credentials();
  redirectUri = () => this.deps.app.redirectUri();

  async saveApp(input: { clientId: string; clientSecret?: string; redirectUri: string }): Promise<HhAccountStatus> {
    await this.deps.app.save(input);
    this.deps.gateway.resetRefusals();
    await this.#audit('hh.app.save', 'ok', input.redirectUri);
    return this.status();
  }

  async forgetApp(): Promise<HhAccountStatus> {
    await this.deps.app.forget();
    this.deps.gateway.resetRefusals();
    await this.#audit('hh.app.forget', 'ok', '');
    return this.status();
  }

  async status(): Promise<HhAccountStatus> {
    const record = await this.#record();
    const credentials = await this.credentials();
    const apiSignedIn = await this.deps.tokens.isSignedIn();
    const webSignedIn =
      !apiSignedIn && record?.via === 'website' ? ((await this.deps.webSession?.isSignedIn().catch(() => false)) ?? false) : false;
    const signedIn = apiSignedIn || webSignedIn;
    return {
      signedIn,
      via: signedIn ? (apiSignedIn ? 'api' : 'website') : null,
      account: signedIn ? (record?.account ?? null) : null,
      resumes: signedIn ? (record?.resumes ?? []) : [],
      app: {
        configured: Boolean(credentials),
        clientId: credentials?.clientId ?? null,
        redirectUri: await this.redirectUri(),
        fromEnv: this.deps.app.fromEnv,
      },
    };
  }

  /** Starts an OAuth sign-in: the address of hh.ru's login page for this attempt. */
  async startSignIn(mode: SignInMode): Promise<{ authorizeUrl: string; redirectUri: string }> {
    const credentials = await this.credentials();
    if (!credentials) {
      throw new HhError(
        'hh_not_configured',
        'Signing in through the hh.ru API needs your own dev.hh.ru application: enter its client id, secret and redirect URI first.',
        { status: 0 },
        {
          next: { kind: 'open_settings', section: 'hh' },
        },
      );
    }
    const state = newOAuthState();
    this.#pending = { state, until: this.deps.clock.now().getTime() + PENDING_TTL_MS };
    const authorizeUrl = buildAuthorizeUrl({
      oauthBaseUrl: this.deps.oauthBaseUrl,
      clientId: credentials.clientId,
      redirectUri: credentials.redirectUri,
      state,
      forceLogin: mode === 'switch',
      skipChooseAccount: mode === 'continue',
    });
    return { authorizeUrl, redirectUri: credentials.redirectUri };
  }

  /** hh.ru redirected back to the registered URI: check it is our attempt, then sign in. */
  async completeSignIn(redirectedTo: string): Promise<HhAccountStatus> {
    const pending = this.#pending;
    if (!pending || pending.until < this.deps.clock.now().getTime()) {
      throw new HhError(
        'hh_sign_in_cancelled',
        'This sign-in attempt has expired. Start signing in again.',
        { status: 0 },
        { next: { kind: 'sign_in' } },
      );
    }
    const outcome = readRedirect(redirectedTo, pending.state);
    if (outcome.kind === 'state_mismatch') {
      await this.#audit('hh.sign_in', 'refused', 'state mismatch');
      throw new HhError(
        'hh_sign_in_cancelled',
        'The answer from hh.ru did not belong to this sign-in attempt, so it was ignored. Start signing in again.',
        { status: 0 },
        {
          next: { kind: 'sign_in' },
        },
      );
    }
    this.#pending = undefined;
    if (outcome.kind === 'denied') {
      await this.#audit('hh.sign_in', 'refused', 'access denied by the user');
      throw new HhError(
        'hh_access_denied',
        'You declined access on hh.ru, so the app is not signed in. Sign in again and allow access to use your account.',
        { status: 0 },
        {
          next: { kind: 'sign_in' },
        },
      );
    }
    if (outcome.kind === 'error') {
      await this.#audit('hh.sign_in', 'failed', outcome.error);
      throw new HhError('hh_bad_request', say('hh.signInFailed', { reason: outcome.error }), { status: 0 }, { next: { kind: 'sign_in' } });
    }
    await this.deps.tokens.exchangeCode(outcome.code);
    this.deps.gateway.resetRefusals();
    // What hh.ru still serves this application decides the routes before the first real request.
    await this.deps.gateway.probe();
    await this.refresh('api');
    return this.status();
  }

  /**
   * Headless: hh.ru sent the user's browser to the registered redirect URI, which points at the
   * server. Answers with a page for that browser tab, or undefined when the path is not the callback.
   */
  async callbackPage(url: URL): Promise<{ status: number; title: string; message: string } | undefined> {
    const registered = new URL(await this.redirectUri());
    if (url.pathname !== registered.pathname) return undefined;
    try {
      const status = await this.completeSignIn(url.toString());
      const name = [status.account?.firstName, status.account?.lastName].filter(Boolean).join(' ');
      return {
        status: 200,
        title: 'Вход выполнен / Signed in',
        message: `${name ? `${name}: ` : ''}вы вошли в hh.ru. Вернитесь в приложение. / You are signed in to hh.ru; return to the app.`,
      };
    } catch (err) {
      return { status: 400, title: 'Вход не выполнен / Not signed in', message: err instanceof Error ? err.message : String(err) };
    }
  }

  /** The user signed in on hh.ru's website in the app's window (no API application needed). */
  async websiteSignedIn(): Promise<HhAccountStatus> {
    await this.#saveRecord({ account: null, resumes: [], via: 'website', updatedAt: this.deps.clock.now().toISOString() });
    await this.#audit('hh.sign_in', 'ok', 'website session');
    this.deps.gateway.resetRefusals();
    await this.deps.gateway.probe();
    await this.refresh('website').catch((err: unknown) =>
      this.deps.log.warn('could not read the account through the website yet', { error: String(err) }),
    );
    return this.status();
  }

  /** Reads the account and resumes through the gateway (a personal-data read: audited). */
  async refresh(via: 'api' | 'website' = 'api'): Promise<void> {
    const account = await this.deps.gateway.me();
    await this.#audit('hh.me.read', 'ok', '');
    // An application hh.ru refuses applicant methods still signs in: resumes then come from the website.
    const resumes = await this.deps.gateway.resumes().catch((err: unknown) => {
      if (err instanceof HhError && (err.code === 'hh_login_required' || err.code === 'hh_forbidden_for_app')) return [];
      throw err;
    });
    await this.#audit('hh.resumes.read', 'ok', `${resumes.length} resumes`);
    await this.deps.repositories.resumes.replaceAll(resumes.map((r) => ({ hhId: r.id, hash: r.hash, title: r.title, raw: r })));
    await this.#saveRecord({ account, resumes, via, updatedAt: this.deps.clock.now().toISOString() });
  }

  /** Revokes the token on hh.ru, clears the window's session, and forgets the account here. */
  async signOut(): Promise<HhAccountStatus> {
    await this.deps.tokens.revoke();
    await this.deps.webSession
      ?.clear()
      .catch((err: unknown) => this.deps.log.warn('could not clear the hh.ru window session', { error: String(err) }));
    this.deps.forgetAccount?.();
    await this.deps.repositories.appSettings.delete('hh.account');
    await this.deps.repositories.resumes.replaceAll([]);
    this.deps.gateway.resetRefusals();
    await this.#audit('hh.sign_out', 'ok', '');
    const status = await this.status();
    this.deps.events.emit('hh.accountChanged', status);
    return status;
  }

  /** hh.ru ended the sign-in by itself (tokens revoked): the UI learns at once. */
  async signedOutByHh(reason: string): Promise<void> {
    this.deps.log.warn('hh.ru ended the sign-in', { reason });
    this.deps.events.emit('hh.accountChanged', await this.status());
  }

  async #record(): Promise<AccountRecord | undefined> {
    return this.deps.repositories.appSettings.get('hh.account', accountRecordSchema);
  }

  async #saveRecord(record: AccountRecord) {
    await this.deps.repositories.appSettings.set('hh.account', record);
    this.deps.events.emit('hh.accountChanged', await this.status());
  }

  #audit(action: string, outcome: 'ok' | 'failed' | 'refused', details: string) {
    return this.deps.repositories.auditLog.append({ action, target: 'hh.ru', outcome, details });
  }
}

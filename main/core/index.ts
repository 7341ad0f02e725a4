import { resumeContent } from './resumes/content';
import { builderHandlers } from './builder/handlers';
import { ResumeBuilder } from './builder/service';
import { join } from 'node:path';
import type { AppErrorValue, ChannelName, Notice, Result } from '../../shared/contract';
import { isChannelName } from '../../shared/contract';
import { createAutomation, type Automation } from './automation';
import { automationHandlers } from './automation/handlers';
import { AutomationSwitch } from './pause';
import { dispatch, type Handlers } from './contract/dispatch';
import { openDatabase } from './db/open';
import { createRepositories, type Repositories } from './db/repositories';
import { toAppError } from './errors';
import { CoreEvents } from './events';
import { channelChanges } from './contract/changes';
import { localApiHandlers } from './local-api/handlers';
import { LocalApi, type Caller, type LocalApiListener, type Verified } from './local-api/service';
import type { LocalApiAccess } from './local-api/api-core';
import { Notices } from './notices';
import { shutDown } from './shutdown';
import type { CorePorts, Logger } from './ports';
import { createRedactor, openSecretFile, redactingLogger, secretEnvValues, Vault, type Redactor } from './secrets';
import { appHandlers, reportVaultProblems } from './app/handlers';
import { createAi } from './ai';
import { aiHandlers } from './ai/handlers';
import { chatsHandlers } from './chats/handlers';
import { ChatService } from './chats/service';
import { createPacer } from './hh/http/pacer';
import { createHh, type Hh } from './hh';
import { hhSiteUrlFrom } from './hh/website/site';
import { rememberingCookies } from './hh/website/web-session';
import { DailyCap } from './letters/daily-cap';
import { lettersHandlers } from './letters/handlers';
import { templatesHandlers } from './templates/handlers';
import { settingsPacer } from './letters/pacing';
import { LetterService } from './letters/service';
import { profileHandlers } from './profile/handlers';
import { prefillProfile } from './profile/prefill';
import { searchesHandlers } from './searches/handlers';
import { dashboardHandlers } from './dashboard/handlers';
import { supportHandlers } from './support/handlers';
import { logsDirOf } from './support/log-files';
import { vacanciesHandlers } from './vacancies/handlers';
import { updatesHandlers } from './updates/handlers';
import { UpdateService } from './updates/service';
import { autoUpdateSetting } from './updates/setting';

export type { CorePorts, StoragePorts } from './ports';

/** What a shell gets: the contract, the events, and a few named hooks. Never the services themselves. */
export interface Core {
  /** The one way in for shells: validated, never throws. */
  invoke(name: ChannelName | string, input: unknown): Promise<Result<unknown>>;
  readonly events: CoreEvents;
  /** Puts every pending write on disk (quit, suspend). */
  flush(): Promise<void>;
  dispose(): Promise<void>;
  /** The tray's Pause/Resume item and its label. */
  readonly pause: Pick<AutomationSwitch, 'state' | 'toggle'>;
  /** What the app wants the user to know now (the headless CLI prints them at start). */
  notices(): Notice[];
  /** Headless sign-in: hh.ru sends the user's browser to the server's callback; a page for that tab. */
  hhCallbackPage(url: URL): Promise<{ status: number; title: string; message: string } | undefined>;
  /** Where a shell's logs go, with every known secret redacted. */
  readonly log: Logger;
  /** Back from sleep (or started): overdue jobs run now, each once. */
  wake(): Promise<void>;
  /** What the Local API server asks of the core beyond the contract: tokens, the audit, hh.ru's redirect. */
  readonly localApi: LocalApiAccess;
}

export type { Caller, LocalApiAccess, LocalApiListener, Verified };

/** The services behind a Core, for tests that arrange or inspect state below the contract. */
export interface CoreServices {
  repositories: Repositories;
  vault: Vault;
  redactor: Redactor;
  hh: Hh;
  notices: Notices;
  /** The automation's on/off switch (the tray's Pause, the top bar's toggle). */
  pause: AutomationSwitch;
  /** The automation: saved searches on their schedule, the pipeline, the syncs. */
  automation: Automation;
  localApiService: LocalApi;
  /** Requests sent to the database worker so far (round trips a screen costs). */
  databaseRequests(): number;
  letters: LetterService;
}

/**
 * Builds every service from the ports a shell provides. Plain Node: never imports electron.
 * Rejects with a DatabaseError (its message is for the user) when the data cannot be opened safely.
 */
export async function createCore(ports: CorePorts): Promise<Core> {
  return (await assembleCore(ports)).core;
}

/** createCore, with the services beside it (tests only: shells use the Core). */
export async function assembleCore(ports: CorePorts): Promise<{ core: Core; services: CoreServices }> {
  const { clock, preferences } = ports;
  // Every secret the app knows is registered here, so no log line or error can carry it (the shell's log file shares it).
  const redactor = ports.redactor ?? createRedactor();
  for (const value of secretEnvValues(ports.env)) redactor.addSecret(value);
  const log = redactingLogger(ports.log, redactor);
  const events = new CoreEvents();
  const notices = new Notices(events);
  const pause = new AutomationSwitch(preferences, clock, events);

  const db = await openDatabase(ports.storage, notices, log);
  const repositories = createRepositories(db, clock, (text) => redactor.redactText(text));
  const vault = new Vault({ cipher: ports.cipher, file: openSecretFile(join(ports.storage.dataDir, 'secrets.json')), redactor, log });
  await reportVaultProblems(vault, notices);

  const hh = await createHh({
    identity: ports.identity,
    env: ports.env,
    clock,
    log,
    events,
    vault,
    repositories,
    signInWindow: ports.hhSignInWindow,
    // Cookie values are the user's hh.ru session: known to the redactor before any log could carry one.
    webSession: ports.hhWebSession && rememberingCookies(ports.hhWebSession, (value) => redactor.addSecret(value)),
    websiteIntervalMs: ports.hhWebsiteIntervalMs,
    minRequestIntervalMs: ports.hhMinRequestIntervalMs,
    timeoutMs: ports.hhTimeoutMs,
    retry: ports.hhRetry,
    slowDown: ports.hhSlowDown,
    notices,
    resourcesDir: ports.resourcesDir,
    pagesDir: join(ports.storage.dataDir, 'hh-pages'),
    // Said while the app waits, so nobody reads a silent pause as a hang.
    onSlowDown: (untilMs) =>
      untilMs === null
        ? notices.clear('hh.slowDown')
        : notices.raise({
            id: 'hh.slowDown',
            level: 'info',
            code: 'hh_slow_down',
            message: `hh.ru asked the app to slow down: it waits until ${new Date(untilMs).toISOString()} and then carries on.`,
            params: { until: new Date(untilMs).toISOString() },
            dismissible: false,
          }),
  });

  const ai = createAi({ vault, redactor, log, clock, resourcesDir: ports.resourcesDir, repositories, env: ports.env });

  const cap = new DailyCap(repositories, clock);
  const letters = new LetterService({
    repositories,
    gateway: hh.gateway,
    provider: ai.provider,
    cap,
    pacer: ports.applyPacing ? createPacer(ports.applyPacing) : settingsPacer(() => cap.settings()),
    automation: pause,
    notices,
    log,
    siteUrl: hhSiteUrlFrom(ports.env),
  });
  const chats = new ChatService({ repositories, gateway: hh.gateway, clock });
  const signedIn = async () => (await hh.account.status()).signedIn;
  const automation = createAutomation({
    repositories,
    gateway: hh.gateway,
    letters,
    chats,
    cap,
    automation: pause,
    clock,
    log,
    signedIn,
    pages: hh.pages,
    checkpoint: () => db.flush(),
    compact: () => db.compact(),
    events,
    provider: ai.provider,
    notices,
    keepApiSignIn: async () => ((await hh.tokens.isSignedIn()) ? (await hh.tokens.accessToken(), true) : false),
  });
  events.on('hh.accountChanged', (status) => {
    if (status.signedIn && status.account)
      void prefillProfile(repositories, status.account).catch((err: unknown) =>
        log.warn('could not fill the profile from hh.ru', { error: String(err) }),
      );
    // At sign-in: does the app understand the pages this account gets?
    // At sign-in (one check for the burst of changes a sign-in makes): does the app understand the pages this account gets?
    if (status.signedIn && status.via === 'website') void hh.pages.checkIfStale(60_000);
  });
  // In the background: hh.ru may be slow, and the app is usable meanwhile.
  void letters.reconcile().catch((err: unknown) => log.warn('could not reconcile interrupted applications', { error: String(err) }));

  const localApi = new LocalApi({ repositories, vault, redactor, clock, log });

  const updates = new UpdateService({
    updater: ports.updater,
    clock,
    events,
    notices,
    log,
    currentVersion: ports.identity.version,
    sending: letters.sending,
    setting: autoUpdateSetting(repositories),
  });

  const handlers: Handlers = {
    ...appHandlers({
      identity: ports.identity,
      clock,
      preferences,
      events,
      notices,
      automation: pause,
      vault,
      repositories,
      startup: ports.startup,
      resealStored: () => hh.tokens.resealStored(),
      scrubDatabase: () => db.scrub(),
    }),
    ...hh.handlers,
    ...aiHandlers({ repositories, vault, keys: ai.keys, settings: ai.settings, provider: ai.provider, trialProvider: ai.trialProvider }),
    ...profileHandlers({
      repositories,
      onEmail: (email) => hh.setContact(email),
      gateway: hh.gateway,
      refreshList: async () => {
        const status = await hh.account.status();
        if (status.signedIn && status.via) await hh.account.refresh(status.via);
      },
    }),
    ...automationHandlers({ repositories, scheduler: automation.scheduler, status: automation.status }),
    ...searchesHandlers({ repositories, runNow: automation.runSearchNow }),
    ...dashboardHandlers({ repositories, clock, notices }),
    ...vacanciesHandlers({ repositories, gateway: hh.gateway, provider: ai.provider, siteUrl: hhSiteUrlFrom(ports.env) }),
    ...lettersHandlers({ repositories, gateway: hh.gateway, letters, cap, window: ports.hhSignInWindow, provider: ai.provider }),
    ...templatesHandlers({ repositories, gateway: hh.gateway, provider: ai.provider, siteUrl: hhSiteUrlFrom(ports.env) }),
    ...chatsHandlers({ chats, provider: ai.provider, signedIn }),
    ...builderHandlers({
      repositories,
      saveFile: ports.saveFile,
      builder: new ResumeBuilder({
        repositories,
        provider: ai.provider,
        printPdf: ports.printPdf,
        now: () => clock.now(),
        resumeContent: (resumeHhId) => resumeContent({ repositories, gateway: hh.gateway }, resumeHhId),
      }),
    }),
    ...localApiHandlers(localApi),
    ...supportHandlers({
      identity: ports.identity,
      clock,
      dataDir: ports.storage.dataDir,
      logsDir: logsDirOf(ports.storage.dataDir),
      preferences,
      repositories,
      vaultStatus: () => vault.status(),
      env: ports.env,
      pages: () => hh.pages.status(),
      hhStatus: () => hh.account.status(),
      notices: () => notices.list(),
      redactor,
      // Opening a stored secret tells the redactor: every key, token and cookie the app keeps, not only those this run used.
      learnSecrets: async () => {
        for (const name of await vault.names()) await vault.get(name).catch(() => undefined);
        await hh.tokens.learnStored();
        for (const value of (await ports.hhWebSession?.secretValues?.().catch(() => [])) ?? []) redactor.addSecret(value);
      },
      openFolder: ports.openFolder,
      saveFile: ports.saveFile,
      log,
    }),
    ...updatesHandlers(updates),
  };

  // The shells pass the minute timer; tests leave it out and call tick() with a clock they move.
  if (ports.minuteTimer) automation.scheduler.start(ports.minuteTimer);
  // At start (in the background: the update server may be slow), then whenever the minute timer finds a check due.
  void updates.start(ports.minuteTimer).catch((err: unknown) => log.warn('could not start checking for updates', { error: String(err) }));

  const core: Core = {
    invoke: async (name, input) => {
      const result = await dispatch(handlers, name, input, log, (value) => redactor.redact(value) as typeof value);
      // Every window (and the Local API's event stream) hears what a change touched, whoever made it.
      const kinds = result.ok && isChannelName(name) ? channelChanges[name] : [];
      if (kinds.length) events.emit('data.changed', { kinds: [...kinds], channel: name });
      return result;
    },
    events,
    flush: () => db.flush(),
    dispose: () => shutDown({ updates, sending: letters.sending, scheduler: automation.scheduler, db }),
    wake: async () => {
      await automation.scheduler.tick();
      await updates.tick();
    },
    pause,
    notices: () => notices.list(),
    hhCallbackPage: (url) => hh.account.callbackPage(url),
    log,
    localApi: {
      verify: (token) => localApi.verify(token),
      audit: (caller, what) => localApi.audit(caller, what),
      useListener: (listener) => localApi.useListener(listener),
      resume: () => localApi.resume(),
      hhCallback: async (url) => {
        try {
          return { ok: true, value: await hh.account.completeSignIn(url) };
        } catch (err) {
          return { ok: false, error: redactor.redact(toAppError(err).toValue()) as AppErrorValue };
        }
      },
    },
  };
  return {
    core,
    services: {
      repositories,
      vault,
      redactor,
      hh,
      notices,
      pause,
      automation,
      localApiService: localApi,
      databaseRequests: () => db.requests,
      letters,
    },
  };
}

import { join } from 'node:path';
import type { ChannelName, Result } from '../../shared/contract';
import { AutomationSwitch } from './automation/pause';
import { dispatch, type Handlers } from './contract/dispatch';
import { openDatabase } from './db/open';
import { createRepositories, type Repositories } from './db/repositories';
import { CoreEvents } from './events';
import { Notices } from './notices';
import type { CorePorts, Logger } from './ports';
import { createRedactor, openSecretFile, redactingLogger, secretEnvValues, Vault, type Redactor } from './secrets';
import { appHandlers, reportVaultProblems } from './app/handlers';
import { createAi } from './ai';
import { ChatService } from './chats/service';
import { DailyCap } from './letters/daily-cap';
import { workHandlers } from './letters/handlers';
import { ApplyingService } from './letters/service';
import { createPacer } from './hh/http/pacer';
import { createHh, type Hh } from './hh';

export type { CorePorts, StoragePorts } from './ports';

export interface Core {
  readonly events: CoreEvents;
  readonly automation: AutomationSwitch;
  readonly notices: Notices;
  readonly repositories: Repositories;
  readonly vault: Vault;
  readonly redactor: Redactor;
  /** The shell's logger behind the redactor: what every part of the app logs through. */
  readonly log: Logger;
  readonly hh: Hh;
  /** The one way in for shells: validated, never throws. */
  invoke(name: ChannelName | string, input: unknown): Promise<Result<unknown>>;
  /** Puts every pending write on disk (quit, suspend). */
  flush(): Promise<void>;
  dispose(): Promise<void>;
}

/**
 * Builds every service from the ports a shell provides. Plain Node: never imports electron.
 * Rejects with a DatabaseError (its message is for the user) when the data cannot be opened safely.
 */
export async function createCore(ports: CorePorts): Promise<Core> {
  const { clock, preferences } = ports;
  // Every secret the app knows is registered here, so no log line or error can carry it.
  const redactor = createRedactor(secretEnvValues(ports.env));
  const log = redactingLogger(ports.log, redactor);
  const events = new CoreEvents();
  const notices = new Notices(events);
  const automation = new AutomationSwitch(preferences, clock, events);

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
    webSession: ports.hhWebSession,
    websiteIntervalMs: ports.hhWebsiteIntervalMs,
    minRequestIntervalMs: ports.hhMinRequestIntervalMs,
    timeoutMs: ports.hhTimeoutMs,
    retry: ports.hhRetry,
  });

  const ai = createAi({
    vault,
    redactor,
    log,
    clock,
    resourcesDir: ports.resourcesDir,
    repositories,
    gateway: hh.gateway,
    onProfileEmail: (email) => hh.setContact(email),
  });

  const cap = new DailyCap(repositories, clock);
  const applying = new ApplyingService({
    repositories,
    gateway: hh.gateway,
    provider: ai.provider,
    cap,
    pacer: createPacer(ports.applyPacing ?? { minIntervalMs: 8_000, jitterMs: 17_000 }),
    automation,
    notices,
    log,
  });
  const chats = new ChatService({ repositories, gateway: hh.gateway, clock });
  // In the background: hh.ru may be slow, and the app is usable meanwhile.
  void applying.reconcile().catch((err: unknown) => log.warn('could not reconcile interrupted applications', { error: String(err) }));

  const handlers: Handlers = {
    ...appHandlers({ identity: ports.identity, clock, preferences, events, notices, automation, vault, repositories }),
    ...hh.handlers,
    ...ai.handlers,
    ...workHandlers({ repositories, gateway: hh.gateway, clock, applying, chats, cap, window: ports.hhSignInWindow, provider: ai.provider }),
  };

  return {
    events,
    automation,
    notices,
    repositories,
    vault,
    redactor,
    log,
    hh,
    invoke: (name, input) => dispatch(handlers, name, input, log, (value) => redactor.redact(value) as typeof value),
    flush: () => db.flush(),
    dispose: () => db.close(),
  };
}

import { join } from 'node:path';
import type { ChannelName, Result } from '../../shared/contract';
import { AutomationSwitch } from './automation/pause';
import { dispatch, type Handlers } from './contract/dispatch';
import { DatabaseClient } from './db/client';
import { databaseOptions } from './db/options';
import { createRepositories, type Repositories } from './db/repositories';
import { CoreEvents } from './events';
import { Notices } from './notices';
import type { CorePorts, Logger } from './ports';
import { createRedactor, openSecretFile, redactingLogger, secretEnvValues, Vault, type Redactor, type VaultStatus } from './secrets';

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

  const { db, report } = await DatabaseClient.open(
    ports.storage.worker,
    databaseOptions(ports.storage.dataDir, {
      ...(ports.storage.wasmPath ? { wasmPath: ports.storage.wasmPath } : {}),
      ...(ports.storage.onDamagedWithoutBackup ? { onDamagedWithoutBackup: ports.storage.onDamagedWithoutBackup } : {}),
    }),
  );
  if (report.restoredFrom) {
    notices.raise({
      id: 'database.restored',
      level: 'warning',
      code: 'database_restored',
      message: `The app's data file was damaged, so it opened the latest good backup (${report.restoredFrom}). Changes made after that backup are lost. The damaged file was kept at ${report.damagedKeptAt}.`,
      params: { backup: report.restoredFrom, damaged: report.damagedKeptAt ?? '' },
      dismissible: true,
    });
    log.warn('database restored from backup', { restoredFrom: report.restoredFrom, damagedKeptAt: report.damagedKeptAt });
  }
  db.onEvent((event) => {
    if (event.type === 'save-failed') {
      log.error('database save failed', { message: event.message });
      notices.raise({
        id: 'database.save_failed',
        level: 'error',
        code: 'database_save_failed',
        message: `The app cannot save its data (${event.message}). It keeps trying; check free disk space and folder permissions.`,
        params: { reason: event.message },
        dismissible: false,
      });
    } else {
      notices.clear('database.save_failed');
    }
  });

  const repositories = createRepositories(db, clock, (text) => redactor.redactText(text));
  const vault = new Vault({ cipher: ports.cipher, file: openSecretFile(join(ports.storage.dataDir, 'secrets.json')), redactor, log });

  const vaultView = (status: VaultStatus) => ({ ...status, weakProtectionAccepted: preferences.get().weakProtectionAccepted });
  const reportVault = async () => {
    const status = await vault.status();
    if (status.problem && status.problem.code !== 'weak_protection_accepted') {
      notices.raise({
        id: 'vault.problem',
        level: 'warning',
        code: status.problem.code,
        message: status.problem.message,
        params: {},
        dismissible: status.problem.code === 'no_vault_key',
      });
    } else {
      notices.clear('vault.problem');
    }
    return vaultView(status);
  };
  await reportVault();
  const uiPreferences = () => {
    const { language, theme, lastScreen } = preferences.get();
    return { language, theme, lastScreen };
  };

  const handlers: Handlers = {
    'app.info': () => ({ ...ports.identity }),
    'app.ping': ({ message }) => ({ reply: `pong: ${message}`, at: clock.now().toISOString() }),
    'automation.get': () => automation.state(),
    'automation.setPaused': ({ paused }) => automation.setPaused(paused),
    'preferences.get': uiPreferences,
    'preferences.set': (patch) => {
      preferences.set(patch);
      const next = uiPreferences();
      events.emit('preferences.changed', next);
      return next;
    },
    'notices.list': () => notices.list(),
    'notices.dismiss': ({ id }) => notices.dismiss(id),
    'audit.list': ({ limit, offset, action }) => repositories.auditLog.list({ limit, offset, action }),
    'vault.status': reportVault,
    'vault.acceptWeakProtection': async ({ accept }) => {
      preferences.set({ weakProtectionAccepted: accept });
      // Secrets entered while protection was off now reach the disk (and stop being lost on restart).
      if (accept && (await vault.status()).persistent) await vault.persistPending();
      await repositories.auditLog.append({
        action: 'vault.weak_protection',
        target: 'secrets',
        outcome: 'ok',
        details: accept ? 'accepted' : 'withdrawn',
      });
      return reportVault();
    },
  };

  return {
    events,
    automation,
    notices,
    repositories,
    vault,
    redactor,
    log,
    invoke: (name, input) => dispatch(handlers, name, input, log, (value) => redactor.redact(value) as typeof value),
    flush: () => db.flush(),
    dispose: () => db.close(),
  };
}

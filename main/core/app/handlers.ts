import type { appChannels, UiPreferences } from '../../../shared/contract';
import type { AutomationSwitch } from '../pause';
import type { HandlersOf } from '../contract/dispatch';
import type { Repositories } from '../db/repositories';
import type { CoreEvents } from '../events';
import type { Notices } from '../notices';
import { AppError, say } from '../errors';
import type { AppIdentity, Clock, PreferenceStore, StartupPort } from '../ports';
import type { Vault } from '../secrets';

export interface AppHandlerDeps {
  identity: AppIdentity;
  clock: Clock;
  preferences: PreferenceStore;
  events: CoreEvents;
  notices: Notices;
  automation: AutomationSwitch;
  vault: Vault;
  repositories: Repositories;
  /** Rows that hold sealed secrets outside the vault's file (hh.ru tokens): sealed again the way the vault seals now. */
  resealStored: () => Promise<void>;
  /** Start at login; absent in the browser mode. */
  startup?: StartupPort;
  /** Writes the database out with no trace of values replaced in it (free pages, journals, backups). */
  scrubDatabase: () => Promise<void>;
}

/** Secrets that cannot be kept on disk are a standing condition the user should see and can fix. */
export async function reportVaultProblems(vault: Vault, notices: Notices) {
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
  return status;
}

export function appHandlers(deps: AppHandlerDeps): HandlersOf<typeof appChannels> {
  const { preferences, events, notices, automation, vault, repositories } = deps;
  const uiPreferences = (): UiPreferences => {
    const { language, theme, lastScreen, setupDone } = preferences.get();
    return { language, theme, lastScreen, setupDone };
  };
  const vaultStatus = async () => ({
    ...(await reportVaultProblems(vault, notices)),
    weakProtectionAccepted: preferences.get().weakProtectionAccepted,
  });

  return {
    'app.info': () => ({ ...deps.identity }),
    'app.ping': ({ message }) => ({ reply: `pong: ${message}`, at: deps.clock.now().toISOString() }),
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
    'app.startup.get': async () =>
      deps.startup ? { supported: true, ...(await deps.startup.get()) } : { supported: false, openAtLogin: false, startHidden: false },
    'app.startup.set': async (next) => {
      if (!deps.startup) throw AppError.of('invalid_input', say('app.autostartDesktopOnly'));
      const now = await deps.startup.set(next);
      await repositories.auditLog.append({
        action: 'app.startup',
        target: 'login',
        outcome: 'ok',
        details: `${now.openAtLogin ? 'on' : 'off'}${now.startHidden ? ', in the tray' : ''}`,
      });
      return { supported: true, ...now };
    },
    'vault.status': vaultStatus,
    'vault.acceptWeakProtection': async ({ accept }) => {
      preferences.set({ weakProtectionAccepted: accept });
      // Secrets entered while protection was off now reach the disk (and stop being lost on restart).
      if (accept && (await vault.status()).persistent) await vault.persistPending();
      // Withdrawn: nothing sealed under the weak key may stay on disk. Secrets live in memory from now on.
      if (!accept && !(await vault.status()).persistent) {
        await vault.keepInMemoryOnly();
        await deps.resealStored();
        await deps.scrubDatabase();
      }
      await repositories.auditLog.append({
        action: 'vault.weak_protection',
        target: 'secrets',
        outcome: 'ok',
        details: accept ? 'accepted' : 'withdrawn',
      });
      return vaultStatus();
    },
  };
}

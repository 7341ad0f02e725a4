import { failureRecord, type Application } from '../../../shared/domain';
import type { AutomationSwitch } from '../pause';
import type { Repositories } from '../db/repositories';
import { AppError, toAppError } from '../errors';
import { HhError } from '../hh/errors';
import type { Notices } from '../notices';
import type { DailyCap } from './daily-cap';
import { HH_STOPPERS as STOPPERS, pauseForHh } from '../hh-stop';

export interface FailureDeps {
  repositories: Repositories;
  cap: DailyCap;
  automation: AutomationSwitch;
  notices: Notices;
}

/** Marks the letters that hh.ru already had: sent, but not by the app, so they take no slot of the cap. */
export const ALREADY_ON_HH = 'already';

/**
 * What hh.ru's refusal means for a letter in 'sending' (only refusals hh.ru considered: an
 * uncertain failure is settled by asking hh.ru first, see service.ts).
 */
export async function recordRefusal(
  deps: FailureDeps,
  application: Application,
  vacancy: { id: number; hhId: string },
  err: unknown,
): Promise<void> {
  const { repositories } = deps;
  const code = err instanceof AppError ? err.code : 'internal';
  // Kept with its code, key and facts, so the window says it in the user's language.
  const appError = toAppError(err).toValue();
  const message = failureRecord(err instanceof Error ? err.message : String(err), {
    code: appError.code,
    ...(appError.key && { key: appError.key }),
    ...(appError.params && { params: appError.params }),
  });
  if (code === 'hh_already_applied') {
    await repositories.applications.transition(application.id, 'sending', 'sent', { transport: ALREADY_ON_HH, vacancyStatus: 'applied' });
    await repositories.auditLog.append({
      action: 'application.sent',
      target: `vacancy ${vacancy.hhId}`,
      outcome: 'ok',
      details: 'already on hh.ru',
    });
    return;
  }
  if (code === 'hh_needs_manual') {
    await repositories.applications.transition(application.id, 'sending', 'failed', { lastError: message, vacancyStatus: 'needs_manual' });
    return;
  }
  if (code === 'hh_limit_exceeded') await deps.cap.recordHhLimit();
  if (STOPPERS.has(code) || code === 'hh_limit_exceeded' || (err instanceof HhError && err.retryable)) {
    // Nothing was applied: back to draft (the state it was sent from; the user never chose an
    // 'approved'), to be sent again by the user or a run once the obstacle is gone. The reason stays on it.
    await repositories.applications.transition(application.id, 'sending', 'draft', { lastError: message });
    // The captcha page hh.ru named goes with the notice, so the window can open it (hh.openPage).
    pauseForHh(deps, err);
    await repositories.auditLog.append({
      action: 'application.sent',
      target: `vacancy ${vacancy.hhId}`,
      outcome: 'refused',
      details: code,
    });
    return;
  }
  await repositories.applications.transition(application.id, 'sending', 'failed', { lastError: message, vacancyStatus: 'failed' });
  await repositories.auditLog.append({ action: 'application.sent', target: `vacancy ${vacancy.hhId}`, outcome: 'failed', details: code });
}

import type { SavedSearch, Vacancy } from '../../../shared/domain';
import type { ApplicationView } from '../../../shared/contract';
import type { Repositories } from '../db/repositories';
import { AppError } from '../errors';
import type { HhGateway } from '../hh/gateway';
import type { LetterService } from '../letters/service';
import type { Logger } from '../ports';

/** What one search run did with what it found. */
export interface PipelineResult {
  drafted: number;
  needsManual: number;
  sent: number;
  /** Why sending stopped early (quiet hours, the daily limit, a captcha), if it did. */
  stoppedBy: string | null;
}

/** Errors after which no further letter of this run is sent (the next run tries again). */
const STOP_SENDING = new Set(['hh_limit_exceeded', 'hh_captcha', 'hh_login_required', 'hh_signed_out', 'hh_csrf', 'storage_full', 'storage_read_only', 'storage_failed']);

/**
 * Search results carry a snippet, not the description: a letter written from them would be written
 * blind. Each vacancy is read in full once (official API or its page) and kept; one hh.ru has closed
 * meanwhile is set aside, one that cannot be read now waits for the next run.
 */
async function enrich(deps: { repositories: Repositories; gateway: HhGateway; log: Logger }, vacancies: Vacancy[]): Promise<Vacancy[]> {
  const ready: Vacancy[] = [];
  for (const vacancy of vacancies) {
    if (vacancy.descriptionText.trim()) {
      ready.push(vacancy);
      continue;
    }
    try {
      await deps.repositories.vacancies.upsertMany([await deps.gateway.vacancy(vacancy.hhId)]);
      const full = await deps.repositories.vacancies.get(vacancy.id);
      if (full) ready.push(full);
    } catch (err) {
      if (err instanceof AppError && err.code === 'hh_vacancy_gone') await deps.repositories.vacancies.setStatus(vacancy.id, 'ignored');
      else deps.log.warn('a vacancy could not be read in full yet', { vacancy: vacancy.hhId, error: err instanceof Error ? err.message : String(err) });
    }
  }
  return ready;
}

/** A vacancy the app cannot apply to by itself: the user applies by hand (assisted apply or the employer's site). */
const needsTheUser = (vacancy: Vacancy) => vacancy.hasTest || Boolean(vacancy.externalUrl);

/**
 * search -> filter -> draft -> (autopilot) send. Letters are drafted ahead of sending at the AI
 * provider's own concurrency (its queue), while sending goes one letter at a time, paced and capped
 * by LetterService.send: a run takes about max(drafting, sending), not their sum.
 */
export async function processFound(
  deps: { repositories: Repositories; gateway: HhGateway; letters: LetterService; log: Logger },
  search: SavedSearch,
  options: { perRun: number; mayNotSend: () => Promise<string | null> },
): Promise<PipelineResult> {
  const { repositories, letters, log } = deps;
  const result: PipelineResult = { drafted: 0, needsManual: 0, sent: 0, stoppedBy: null };
  const found = await enrich(deps, await repositories.vacancies.foundBySearch(search.id, options.perRun));
  const toWrite: Vacancy[] = [];
  for (const vacancy of found) {
    if (vacancy.archived) {
      await repositories.vacancies.setStatus(vacancy.id, 'ignored');
    } else if (needsTheUser(vacancy)) {
      await repositories.vacancies.setStatus(vacancy.id, 'needs_manual');
      result.needsManual += 1;
    } else {
      toWrite.push(vacancy);
    }
  }

  // Every draft is asked for now; the provider's queue decides how many are written at once.
  const drafts = toWrite.map((vacancy) =>
    letters.draft(vacancy.id, null).then(
      (view) => {
        result.drafted += 1;
        return view;
      },
      (err: unknown) => {
        log.warn('a letter could not be drafted', { vacancy: vacancy.hhId, error: err instanceof Error ? err.message : String(err) });
        return undefined;
      },
    ),
  );
  if (search.mode !== 'autopilot') {
    await Promise.all(drafts);
    return result;
  }

  for (const pending of drafts) {
    const view: ApplicationView | undefined = await pending;
    if (!view || result.stoppedBy) continue;
    // An invalid letter (no contacts, a blank left) waits in Letters for the user: never sent as is.
    if (!view.validation.ok) continue;
    const reason = await options.mayNotSend();
    if (reason) {
      result.stoppedBy = reason;
      continue;
    }
    try {
      await letters.send(view.application.id);
      result.sent += 1;
    } catch (err) {
      const code = err instanceof AppError ? err.code : 'internal';
      if (STOP_SENDING.has(code)) result.stoppedBy = code;
      log.warn('an application was not sent', { vacancy: view.vacancy.hhId, code });
    }
  }
  return result;
}

import type { RunProgress } from '../../../shared/contract';
import type { SavedSearch, Vacancy } from '../../../shared/domain';
import type { ApplicationView } from '../../../shared/contract';
import type { TextProvider } from '../ai/provider';
import type { Repositories } from '../db/repositories';
import { AppError } from '../errors';
import type { HhGateway } from '../hh/gateway';
import { resumeForAi, scoringResume } from '../resumes/for-ai';
import type { LetterService } from '../letters/service';
import type { Logger } from '../ports';
import { scoreVacancy } from '../vacancies/scoring';
import { fullVacancy } from '../vacancies/full';
import { excludedWords, reasonToSkip } from '../vacancies/skip-rules';
import { isHhStopper } from '../hh-stop';

/** What one search run did with what it found. */
export interface PipelineResult {
  drafted: number;
  /** Set aside with a reason (ignored, already applied, for the user to apply by hand). */
  skipped: number;
  needsManual: number;
  /** Valid letters kept for the user because they claim something the resume does not back. */
  heldBack: number;
  sent: number;
  /** Why the run stopped early (quiet hours, the daily limit, a captcha, the user's cancel), if it did. */
  stoppedBy: string | null;
}

export interface PipelineDeps {
  repositories: Repositories;
  gateway: HhGateway;
  letters: LetterService;
  log: Logger;
  provider: () => Promise<TextProvider>;
}

export interface PipelineOptions {
  perRun: number;
  mayNotSend: () => Promise<string | null>;
  /** Aborts when the user cancels the run: it stops after the step under way. */
  signal?: AbortSignal;
  /** Hears each step of the run, for the window's progress line. */
  progress?: (step: Omit<RunProgress, 'job'>) => void;
}

/** Errors after which no further letter of this run is sent (the next run tries again). */
const STOP_SENDING = new Set([
  'hh_limit_exceeded',
  'hh_captcha',
  'hh_login_required',
  'hh_signed_out',
  'hh_csrf',
  'storage_full',
  'storage_read_only',
  'storage_failed',
  'app_closing',
]);

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * Each vacancy read in full (../vacancies/full.ts); one hh.ru has closed meanwhile is set aside, one
 * that cannot be read now waits for the next run, and a captcha or an ended session stops the run.
 */
async function enrich(deps: PipelineDeps, vacancies: Vacancy[], options: PipelineOptions): Promise<Vacancy[]> {
  const ready: Vacancy[] = [];
  for (const [index, vacancy] of vacancies.entries()) {
    if (options.signal?.aborted) break;
    options.progress?.({ phase: 'reading', done: index, total: vacancies.length, waitingFor: 'hh', until: null });
    try {
      ready.push(await fullVacancy(deps, vacancy));
    } catch (err) {
      if (isHhStopper(err)) throw err;
      if (!(err instanceof AppError && err.code === 'hh_vacancy_gone'))
        deps.log.warn('a vacancy could not be read in full yet', { vacancy: vacancy.hhId, error: errorText(err) });
    }
  }
  return ready;
}

/**
 * The vacancies that reach the search's fit threshold; the others are set aside with their score.
 * Scores are asked for together: the provider's queue decides how many run at once.
 */
async function keepFitting(
  deps: PipelineDeps,
  vacancies: Vacancy[],
  minScore: number,
  options: PipelineOptions,
): Promise<{ kept: Vacancy[]; skipped: number; problem: string | null }> {
  const resume = scoringResume(await resumeForAi(deps));
  if (!resume) return { kept: [], skipped: 0, problem: 'hh_resume_problem' };
  const provider = await deps.provider();
  if (provider.kind === 'template') return { kept: [], skipped: 0, problem: 'ai_not_configured' };
  let done = 0;
  const outcomes = await Promise.all(
    vacancies.map(async (vacancy) => {
      try {
        const result = await scoreVacancy({ provider, vacancy, resume, cache: deps.repositories.vacancyScores, signal: options.signal });
        return { vacancy, result };
      } catch (err) {
        // Not scored now, not written blind: it stays found and the next run scores it.
        if (!options.signal?.aborted) deps.log.warn('a vacancy could not be scored', { vacancy: vacancy.hhId, error: errorText(err) });
        return { vacancy, result: null };
      } finally {
        options.progress?.({ phase: 'scoring', done: ++done, total: vacancies.length, waitingFor: 'ai', until: null });
      }
    }),
  );
  let skipped = 0;
  const kept: Vacancy[] = [];
  for (const { vacancy, result } of outcomes) {
    if (!result) continue;
    if (result.score >= minScore) kept.push(vacancy);
    else {
      await deps.repositories.vacancies.setSkipped(vacancy.id, 'ignored', 'score_below', `${result.score}: ${result.reason}`);
      skipped += 1;
    }
  }
  return { kept, skipped, problem: null };
}

/**
 * search -> read in full -> filter (each set-aside vacancy with its reason) -> score when the search
 * has a threshold -> draft -> (autopilot) send. Letters are drafted ahead of sending at the AI
 * provider's own concurrency (its queue), while sending goes one letter at a time, paced and capped
 * by LetterService.send: a run takes about max(drafting, sending), not their sum.
 */
export async function processFound(deps: PipelineDeps, search: SavedSearch, options: PipelineOptions): Promise<PipelineResult> {
  const { repositories, letters, log } = deps;
  const { signal } = options;
  const result: PipelineResult = { drafted: 0, skipped: 0, needsManual: 0, heldBack: 0, sent: 0, stoppedBy: null };
  const cancelled = () => {
    if (signal?.aborted) result.stoppedBy ??= 'cancelled';
    return Boolean(signal?.aborted);
  };
  const found = await enrich(deps, await repositories.vacancies.foundBySearch(search.id, options.perRun), options);
  if (cancelled()) return result;

  const context = {
    blacklisted: new Set((await repositories.employerBlacklist.list()).map((entry) => entry.employerId)),
    excluded: excludedWords(search.filters.excludedText),
  };
  let toWrite: Vacancy[] = [];
  for (const [index, vacancy] of found.entries()) {
    options.progress?.({ phase: 'filtering', done: index, total: found.length, waitingFor: null, until: null });
    // Sent by the app (or on its way): hh.ru's own mark may not have reached the stored card yet.
    const applied = (await repositories.applications.forVacancy(vacancy.id)).some((a) => a.state === 'sent' || a.state === 'sending');
    const skip = reasonToSkip(vacancy, search, { ...context, applied });
    if (!skip) toWrite.push(vacancy);
    else {
      await repositories.vacancies.setSkipped(vacancy.id, skip.status, skip.reason, skip.detail);
      if (skip.status === 'needs_manual') result.needsManual += 1;
      else result.skipped += 1;
    }
  }

  if (search.minScore !== null && toWrite.length) {
    const fitting = await keepFitting(deps, toWrite, search.minScore, options);
    result.skipped += fitting.skipped;
    toWrite = fitting.kept;
    if (fitting.problem) result.stoppedBy = fitting.problem;
    if (cancelled() || fitting.problem) return result;
  }

  // Every draft is asked for now; the provider's queue decides how many are written at once.
  let drafted = 0;
  options.progress?.({ phase: 'drafting', done: 0, total: toWrite.length, waitingFor: 'ai', until: null });
  // Review keeps the letters for the user, who sees each one's check when opening it: only Autopilot needs it now.
  const write = (id: number) => (search.mode === 'autopilot' ? letters.draft(id, null) : letters.keepDraft(id, null).then(() => undefined));
  const drafts = toWrite.map((vacancy) =>
    (signal?.aborted ? Promise.reject(signal.reason) : write(vacancy.id)).then(
      (view) => {
        result.drafted += 1;
        options.progress?.({ phase: 'drafting', done: ++drafted, total: toWrite.length, waitingFor: 'ai', until: null });
        return view;
      },
      (err: unknown) => {
        if (!signal?.aborted) log.warn('a letter could not be drafted', { vacancy: vacancy.hhId, error: errorText(err) });
        return undefined;
      },
    ),
  );
  if (search.mode !== 'autopilot') {
    await Promise.all(drafts);
    cancelled();
    return result;
  }

  for (const [index, pending] of drafts.entries()) {
    const view: ApplicationView | undefined = await pending;
    if (!view || result.stoppedBy || cancelled()) continue;
    // An invalid letter (no contacts, a blank left) waits in Letters for the user: never sent as is.
    if (!view.validation.ok) continue;
    // A letter claiming what the resume does not back waits for the user's eyes.
    if (view.validation.unsupported.length) {
      result.heldBack += 1;
      continue;
    }
    const reason = await options.mayNotSend();
    if (reason) {
      result.stoppedBy = reason;
      continue;
    }
    options.progress?.({ phase: 'sending', done: index, total: drafts.length, waitingFor: null, until: null });
    try {
      await letters.send(view.application.id, {
        signal,
        onPause: (until) =>
          options.progress?.({
            phase: 'waiting',
            done: index,
            total: drafts.length,
            waitingFor: 'pause',
            until: new Date(until).toISOString(),
          }),
      });
      result.sent += 1;
    } catch (err) {
      if (cancelled()) continue;
      const code = err instanceof AppError ? err.code : 'internal';
      if (STOP_SENDING.has(code)) result.stoppedBy = code;
      log.warn('an application was not sent', { vacancy: view.vacancy.hhId, code });
    }
  }
  return result;
}

import type { AppNotification, AutomationStatus, RunProgress } from '../../../shared/contract';
import { quietHoursSchema } from '../../../shared/contract';
import { z } from 'zod';
import { AppError } from '../errors';
import { runSearch } from '../searches/run';
import { processFound } from './pipeline';
import { english, readRecord, record } from './reports';
import { DEFAULT_QUIET_HOURS, quietUntil, type QuietHours } from './quiet-hours';
import { Scheduler, type Job } from './scheduler';
import { backupJob, chatsJob, raiseJob, tokenJob } from './jobs';
import type { AutomationDeps } from './deps';
import { pauseForHh, STOPPED_NOTICE } from '../hh-stop';
import type { SearchRunOutcome } from '../../../shared/contract';
import { resumeForAi } from '../resumes/for-ai';

const MINUTE = 60_000;

export type { AutomationDeps } from './deps';

/** Pages are checked before a scheduled run at most this often. */
const PAGES_EVERY_MS = 60 * MINUTE;

/** Why sending stopped, as what the user is told. */
const NOTIFY_ON_STOP: Record<string, AppNotification['kind']> = {
  hh_captcha: 'captcha',
  hh_limit_exceeded: 'limit_reached',
  daily_limit: 'limit_reached',
  hh_login_required: 'signed_out',
  hh_signed_out: 'signed_out',
  hh_csrf: 'signed_out',
};

const searchJobId = (id: number) => `search:${id}`;

/** The engine: saved searches on their own intervals, the pipeline after each, syncs, the daily checkpoint. */
export function createAutomation(deps: AutomationDeps) {
  const { repositories, clock } = deps;

  const quietHours = async (): Promise<QuietHours> =>
    (await repositories.appSettings.get('automation.quietHours', quietHoursSchema)) ?? DEFAULT_QUIET_HOURS;

  /** Why no application may go out right now (quiet hours, the daily limit, a pause), or null. */
  const mayNotSend = async (): Promise<string | null> => {
    if (deps.automation.state().paused) return 'paused';
    if (quietUntil(clock.now(), await quietHours())) return 'quiet_hours';
    if ((await deps.cap.status()).remaining <= 0) return 'daily_limit';
    if (await deps.pages.changedPage()) return 'page_changed';
    return null;
  };

  /** The end of the full cap window the user was last told about (see searchJob). */
  let announcedLimit = '';

  /** Each running job's latest step; gone when the run ends (the jobFinished event says so). */
  const progress = new Map<string, RunProgress>();
  const report = (job: string) => (step: Omit<RunProgress, 'job'>) => {
    const next = { job, ...step };
    progress.set(job, next);
    deps.events.emit('automation.progress', next);
  };

  /**
   * A saved search's whole run: read hh.ru's list, then the pipeline (read each vacancy in full,
   * filter, score, draft; send only in Autopilot). The same for the schedule and for "Run now";
   * `onDone` hears the figures (the window shows them under the search).
   */
  const searchJob = (id: number, intervalHours: number, onDone?: (outcome: SearchRunOutcome) => void): Job => ({
    id: searchJobId(id),
    intervalMs: intervalHours * 60 * MINUTE,
    run: async (signal) => {
      const tell = report(searchJobId(id));
      tell({ phase: 'searching', done: 0, total: 0, waitingFor: 'hh', until: null });
      await deps.pages.checkIfStale(PAGES_EVERY_MS, signal);
      const { search, found, added, updated } = await runSearch(deps, id, signal);
      // The user's "per run" setting (Settings → Automation): vacancies one run drafts (and, in Autopilot, may send) at most.
      const perRun = (await deps.cap.status()).settings.perRunCap;
      const done = await processFound(deps, search, { perRun, mayNotSend, signal, progress: tell });
      onDone?.({
        found,
        added,
        updated,
        cancelled: done.stoppedBy === 'cancelled',
        drafted: done.drafted,
        sent: done.sent,
        skipped: done.skipped,
        needsManual: done.needsManual,
        heldBack: done.heldBack,
        stoppedBy: done.stoppedBy === 'cancelled' ? null : done.stoppedBy,
      });
      if (done.stoppedBy === 'cancelled') return record('searchCancelled', { added, found, drafted: done.drafted, sent: done.sent });
      if (done.sent)
        deps.events.emit('automation.notify', { kind: 'applications_sent', params: { count: done.sent, search: search.name } });
      const stop = done.stoppedBy && NOTIFY_ON_STOP[done.stoppedBy];
      if (stop === 'limit_reached') {
        // Once per limit: every run meeting the same full window would otherwise say it again.
        const until = (await deps.cap.status()).nextSlotAt ?? '';
        if (until !== announcedLimit) deps.events.emit('automation.notify', { kind: stop, params: { search: search.name } });
        announcedLimit = until;
      } else if (stop) deps.events.emit('automation.notify', { kind: stop, params: { search: search.name } });
      if (done.heldBack && search.mode === 'autopilot') await tellHeldBack(search.name, done.heldBack);
      // Autopilot wrote letters and none went out, with no stop to explain it (invalid letters, refusals): say so.
      if (search.mode === 'autopilot' && !done.stoppedBy && done.sent === 0 && done.drafted > done.heldBack) {
        deps.notices.raise({
          id: 'letters.noneSent',
          level: 'warning',
          code: 'letters_none_sent',
          message: `Autopilot wrote ${done.drafted} letters (search "${search.name}") and sent none: they wait in Letters, each saying what is wrong.`,
          params: { count: String(done.drafted), search: search.name },
          dismissible: true,
        });
      }
      const { skipped, drafted, sent, heldBack, needsManual, stoppedBy } = done;
      return record('searchDone', { added, found, skipped, drafted, sent, heldBack, needsManual, ...(stoppedBy && { stoppedBy }) });
    },
  });

  /**
   * Autopilot kept letters for the user's check: one notice, replaced by the next run's, with the count
   * and the reason (the resume unread on hh.ru leaves nothing to check the letters against).
   */
  const tellHeldBack = async (search: string, count: number) => {
    const { unread } = await resumeForAi({ repositories });
    deps.notices.raise({
      id: 'letters.heldBack',
      level: unread ? 'warning' : 'info',
      code: unread ? 'letters_held_back_resume_unread' : 'letters_held_back',
      message: unread
        ? `Autopilot kept ${count} letters (search "${search}") for your check: the app could not read your resume on hh.ru, so their facts could not be checked. Refresh the resume in Settings → Profile.`
        : `Autopilot kept ${count} letters (search "${search}") for your check: they mention things your resume does not. Open Letters to check them.`,
      params: { count: String(count), search },
      dismissible: true,
    });
  };

  const answerBots = async () => (await repositories.appSettings.get('automation.answerBots', z.boolean())) ?? false;
  const raiseResumes = async () => (await repositories.appSettings.get('automation.raiseResumes', z.boolean())) ?? false;

  /** A captcha or an ended session met by any job pauses everything, as when sending meets one. */
  const guarded = (job: Job): Job => ({
    ...job,
    run: async (signal) => {
      try {
        return await job.run(signal);
      } catch (err) {
        pauseForHh(deps, err);
        throw err;
      }
    },
  });

  const jobs = async (): Promise<Job[]> => (await allJobs()).map(guarded);

  const allJobs = async (): Promise<Job[]> => {
    const searches = (await repositories.savedSearches.list()).filter((search) => search.active);
    return [
      ...((await raiseResumes()) ? [raiseJob(deps)] : []),
      tokenJob(deps),
      ...searches.map((search) => searchJob(search.id, search.intervalHours)),
      chatsJob(deps, { report: report('sync:chats'), answerBots }),
      backupJob(deps),
    ];
  };

  const scheduler = new Scheduler({
    jobRuns: repositories.jobRuns,
    clock,
    log: deps.log,
    jobs,
    gate: async () => {
      if (deps.automation.state().paused) return 'paused';
      // Writes are failing (a full disk, a read-only folder): work done now could not be recorded.
      if (deps.notices.list().some((notice) => notice.id === 'database.write_failed')) return 'storage_failed';
      return null;
    },
    onFinished: (job, outcome, message) => {
      progress.delete(job);
      const report = readRecord(message);
      deps.events.emit('automation.jobFinished', { job, outcome, message: report ? english(report) : message });
      // A run (a search, a sync) may have found vacancies, written and sent letters, read chats.
      deps.events.emit('data.changed', { kinds: ['searches', 'vacancies', 'letters', 'chats', 'applying'], channel: 'run' });
    },
  });

  // The app's own pause after a captcha or a sign-out ends with the user: resuming clears its notice,
  // and signing in again after hh.ru ended the session resumes by itself.
  deps.events.on('automation.changed', (state) => {
    if (!state.paused) deps.notices.clear(STOPPED_NOTICE);
  });
  deps.events.on('hh.accountChanged', (account) => {
    const stopped = deps.notices.list().find((notice) => notice.id === STOPPED_NOTICE);
    if (account.signedIn && stopped?.code === 'hh_login_required') deps.automation.setPaused(false);
  });

  const status = async (): Promise<AutomationStatus> => {
    const state = deps.automation.state();
    const quiet = await quietHours();
    const current = await jobs();
    const runs = new Map((await repositories.jobRuns.list()).map((run) => [run.job, run]));
    const now = clock.now();
    const list = current.map((job) => {
      const run = runs.get(job.id) ?? {
        job: job.id,
        lastStartedAt: null,
        lastFinishedAt: null,
        nextDueAt: null,
        outcome: null,
        message: null,
      };
      // A failure's line is the error's own sentence; a success's is a report the window translates.
      const report =
        readRecord(run.message) ??
        (run.outcome === 'failed' && run.message ? { key: 'failed' as const, params: { message: run.message } } : null);
      return {
        ...run,
        message: report ? english(report) : run.message,
        report,
        running: scheduler.isRunning(job.id),
        progress: progress.get(job.id) ?? null,
      };
    });
    const nextRunAt = list.map((run) => run.nextDueAt ?? now.toISOString()).sort()[0] ?? null;
    const base = {
      paused: state.paused,
      nextRunAt,
      quietHours: quiet,
      raiseResumes: await raiseResumes(),
      answerBots: await answerBots(),
      jobs: list,
    };
    const stopped = deps.notices.list().find((notice) => notice.id === STOPPED_NOTICE);
    if (state.paused && stopped) return { ...base, reason: stopped.code === 'hh_captcha' ? 'captcha' : 'signed_out', until: null };
    if (state.paused) return { ...base, reason: 'paused', until: null };
    // Searches may run signed out, but nothing is applied to: a fresh start says to sign in, not "nothing to do".
    if (!(await deps.signedIn())) return { ...base, reason: 'not_signed_in', until: null };
    if (!current.some((job) => job.id.startsWith('search:'))) return { ...base, reason: 'nothing_set_up', until: null };
    const quietEnd = quietUntil(now, quiet);
    if (quietEnd) return { ...base, reason: 'quiet_hours', until: quietEnd.toISOString() };
    const cap = await deps.cap.status();
    if (cap.remaining <= 0) return { ...base, reason: 'daily_limit', until: cap.nextSlotAt };
    return { ...base, reason: 'running', until: null };
  };

  /**
   * "Run now": the search's whole run, as the schedule would do it (with the same progress line and
   * Cancel in the top bar), without moving the search's next scheduled run.
   */
  const runSearchNow = async (id: number): Promise<SearchRunOutcome> => {
    const search = await repositories.savedSearches.get(id);
    if (!search) throw AppError.of('not_found', 'This saved search no longer exists.');
    let outcome: SearchRunOutcome = {
      found: 0,
      added: 0,
      updated: 0,
      cancelled: true,
      drafted: 0,
      sent: 0,
      skipped: 0,
      needsManual: 0,
      heldBack: 0,
      stoppedBy: null,
    };
    await scheduler.runNow(guarded(searchJob(id, search.intervalHours, (done) => (outcome = done))), { keepSchedule: true });
    return outcome;
  };

  return { scheduler, status, runSearchNow };
}

export type Automation = ReturnType<typeof createAutomation>;

import type { AppNotification, AutomationStatus, RunProgress } from '../../../shared/contract';
import type { Notices } from '../notices';
import type { CoreEvents } from '../events';
import { quietHoursSchema } from '../../../shared/contract';
import { z } from 'zod';
import type { TextProvider } from '../ai/provider';
import { AppError } from '../errors';
import type { ChatService } from '../chats/service';
import type { Repositories } from '../db/repositories';
import type { HhGateway } from '../hh/gateway';
import type { HhPageHealth } from '../hh/pages';
import type { DailyCap } from '../letters/daily-cap';
import type { LetterService } from '../letters/service';
import type { Clock, Logger } from '../ports';
import { runSearch } from '../searches/run';
import type { AutomationSwitch } from '../pause';
import { processFound } from './pipeline';
import { english, readRecord, record } from './reports';
import { DEFAULT_QUIET_HOURS, quietUntil, type QuietHours } from './quiet-hours';
import { Scheduler, type Job } from './scheduler';
import { pauseForHh, STOPPED_NOTICE } from '../hh-stop';
import type { SearchRunOutcome } from '../../../shared/contract';
import { resumeForAi } from '../resumes/for-ai';
import { keepBounded } from '../vacancies/retention';

const MINUTE = 60_000;
/** Statuses and employer messages are read this often. */
const SYNC_EVERY_MS = 10 * MINUTE;
/** A checkpoint and, when one is due, a backup, even on a day with no writes big enough for one. */
const BACKUP_EVERY_MS = 24 * 60 * MINUTE;
/** hh.ru lets a resume be raised about every 4 hours; a minute more keeps the app on the right side of it. */
const RAISE_EVERY_MS = 4 * 60 * MINUTE + MINUTE;
/** An API sign-in's token is renewed when it has expired (hh.ru refuses earlier renewals): checked hourly. */
const TOKEN_EVERY_MS = 60 * MINUTE;

export interface AutomationDeps {
  repositories: Repositories;
  gateway: HhGateway;
  letters: LetterService;
  chats: ChatService;
  cap: DailyCap;
  automation: AutomationSwitch;
  clock: Clock;
  log: Logger;
  /** Whether the user is signed in to hh.ru by any path (the syncs need it; searches do not). */
  signedIn: () => Promise<boolean>;
  /** Folds the journal into the data file; the storage makes a backup when one is due. */
  checkpoint: () => Promise<void>;
  /** Rebuilds the data file without free pages and writes it out (after retention freed a lot). */
  compact: () => Promise<void>;
  events: CoreEvents;
  /** The AI, for the few new chat messages the rules cannot classify (never asked with the template). */
  provider: () => Promise<TextProvider>;
  /** Renews an API sign-in's token when it has expired; false when there is no API sign-in. */
  keepApiSignIn: () => Promise<boolean>;
  /** Where the app's own pause after a captcha or a sign-out is explained, and cleared once resolved. */
  notices: Notices;
  /** hh.ru's pages, checked before scheduled runs: a page the app does not understand holds sending. */
  pages: Pick<HhPageHealth, 'checkIfStale' | 'changedPage'>;
}

/** Pages are checked before a scheduled run at most this often. */
const PAGES_EVERY_MS = 60 * MINUTE;

/** Set after the first chat sync, whose invitations and messages predate the app and are not announced. */
const BASELINE_KEY = 'chats.baselineRead';

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

  /** One notification per kind and sync, naming the first chat and how many there are. */
  const announce = async (kind: 'invitation' | 'human_message', chatIds: number[]) => {
    const [first] = chatIds;
    if (first === undefined) return;
    const chat = await repositories.chats.get(first);
    const vacancy = chat?.vacancyId ? await repositories.vacancies.get(chat.vacancyId) : undefined;
    deps.events.emit('automation.notify', {
      kind,
      params: { count: chatIds.length, employer: vacancy?.employer.name ?? '', vacancy: vacancy?.title ?? '' },
    });
  };

  const raiseResumes = async () => (await repositories.appSettings.get('automation.raiseResumes', z.boolean())) ?? false;
  const answerBots = async () => (await repositories.appSettings.get('automation.answerBots', z.boolean())) ?? false;

  const raiseJob: Job = {
    id: 'raise:resumes',
    intervalMs: RAISE_EVERY_MS,
    run: async () => {
      if (!(await deps.signedIn())) return record('notSignedIn');
      const raised: string[] = [];
      for (const resume of await repositories.resumes.list()) {
        try {
          await deps.gateway.raiseResume(resume.hhId);
          raised.push(resume.title);
        } catch (err) {
          // hh.ru's own 4-hour rule: not a failure, the next run tries again.
          if (!(err instanceof AppError) || err.code !== 'hh_rate_limited') throw err;
        }
      }
      return record('raised', { count: raised.length });
    },
  };

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
      ...((await raiseResumes()) ? [raiseJob] : []),
      { id: 'hh:token', intervalMs: TOKEN_EVERY_MS, run: async () => record((await deps.keepApiSignIn()) ? 'apiChecked' : 'noApiSignIn') },
      ...searches.map((search) => searchJob(search.id, search.intervalHours)),
      {
        id: 'sync:chats',
        intervalMs: SYNC_EVERY_MS,
        run: async (signal) => {
          if (!(await deps.signedIn())) return record('notSignedIn');
          const tell = report('sync:chats');
          tell({ phase: 'reading', done: 0, total: 0, waitingFor: 'hh', until: null });
          const provider = await deps.provider();
          const result = await deps.chats.sync(provider, signal);
          // The first sync reads what was there before the app: it is the baseline, not news.
          if (!(await repositories.appSettings.get(BASELINE_KEY, z.boolean()))) {
            await repositories.appSettings.set(BASELINE_KEY, true);
            return record('syncBaseline', { chats: result.chats });
          }
          await announce('invitation', result.invitationChatIds);
          await announce('human_message', result.humanChatIds);
          // An invitation is a person writing too: it gets a draft like any other human message.
          const people = [...new Set([...result.invitationChatIds, ...result.humanChatIds])];
          tell({ phase: 'drafting', done: 0, total: people.length + result.botChatIds.length, waitingFor: 'ai', until: null });
          const replies = await deps.chats.prepareReplies({ human: people, bot: result.botChatIds }, provider, {
            answerBots: await answerBots(),
            signal,
          });
          return record('sync', {
            chats: result.chats,
            messages: result.newMessages,
            people: result.newHumanMessages,
            invitations: result.invitations,
            drafts: replies.drafted,
            answered: replies.answered,
          });
        },
      },
      {
        id: 'backup',
        intervalMs: BACKUP_EVERY_MS,
        run: async () => {
          // Retention first: what it frees is then in this checkpoint (and compacted when it is a lot).
          const kept = await keepBounded({ repositories, clock, log: deps.log, compact: deps.compact });
          if (!kept.compacted) await deps.checkpoint();
          return kept.trimmed
            ? record('checkpointTrimmed', { trimmed: kept.trimmed, freedMb: Math.round(kept.freedBytes / 104_857.6) / 10 })
            : record('checkpoint');
        },
      },
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
        message: report && report.key !== 'failed' ? english(report) : run.message,
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

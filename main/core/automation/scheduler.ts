import { AppError, toAppError } from '../errors';
import { setMaxListeners } from 'node:events';
import { record } from './reports';
import type { JobRunRepository } from '../db/repositories/job-runs';
import type { Clock, Logger, MinuteTimer } from '../ports';

/**
 * A failure as a report the window translates (its code, and its sentence's key and facts when it
 * has one), with the English sentence kept for the CLI and the log.
 */
function failureRecord(err: unknown): string {
  const error = toAppError(err).toValue();
  // An error that is not the app's own keeps its sentence for the log; the window says what its code means.
  const message = err instanceof AppError || !(err instanceof Error) ? error.message : err.message;
  const facts = Object.fromEntries(Object.entries(error.params ?? {}).map(([name, value]) => [`p.${name}`, value]));
  return record('failed', { code: error.code, message, ...(error.key ? { key: error.key } : {}), ...facts });
}

/** One kind of work the app does by itself, every `intervalMs`. */
export interface Job {
  id: string;
  intervalMs: number;
  /** Resolves with a line for the activity record ("12 new of 340"). `signal` aborts when the user cancels the run. */
  run(signal: AbortSignal): Promise<string>;
}

/** Why nothing runs now, or null when the scheduler may run jobs. */
export type Gate = () => Promise<string | null>;

/**
 * Runs each job when it is due, one at a time, never two copies of the same job. A job's next time
 * is counted from when its run ended, so a laptop that slept 9 hours runs each overdue job once, not
 * once per missed interval. `tick()` is what the minute timer, the start and a wake from sleep call;
 * tests call it with a clock they move.
 */
export class Scheduler {
  /** The runs under way, each with the switch that cancels it. */
  readonly #running = new Map<string, AbortController>();
  #ticking?: Promise<void>;
  #stopTimer?: () => void;
  #stopped = false;

  constructor(
    private readonly deps: {
      jobRuns: JobRunRepository;
      clock: Clock;
      log: Logger;
      jobs: () => Promise<Job[]>;
      gate: Gate;
      /** Told after every run, scheduled or not (the tray and the screens refresh). */
      onFinished?: (job: string, outcome: 'ok' | 'failed', message: string) => void;
    },
  ) {}

  /** Checks every minute (and at once): the timer is the shell's (node-schedule), the decisions are here. */
  start(timer: MinuteTimer): void {
    this.#stopTimer?.();
    this.#stopped = false;
    this.#stopTimer = timer.everyMinute(() => void this.tick());
    void this.tick();
  }

  /** No new pass starts; resolves once the one under way has finished (the database closes after it). */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.#stopTimer?.();
    this.#stopTimer = undefined;
    await this.#ticking;
  }

  /** One pass over the due jobs. A pass already under way is joined, not doubled. Never rejects: a failure is logged. */
  tick(): Promise<void> {
    if (this.#stopped) return Promise.resolve();
    this.#ticking ??= this.#pass()
      .catch((err: unknown) =>
        this.deps.log.warn('the scheduler could not check its jobs', { error: err instanceof Error ? err.message : String(err) }),
      )
      .finally(() => (this.#ticking = undefined));
    return this.#ticking;
  }

  /**
   * Runs one job now (the scheduler's pass, or the user's "Run now"), recording its run and its next
   * time: an interval after a run that went through, unless `keepSchedule` (the user's "Run now"
   * leaves the next scheduled run where it was). A cancelled run keeps the time it had (so an
   * overdue one is tried at the next check); a failed one is tried at the next check, or an interval
   * later when the run before it failed too, so a job that keeps failing never hammers hh.ru.
   */
  async runNow(job: Job, options: { keepSchedule?: boolean } = {}): Promise<string> {
    if (this.#running.has(job.id)) throw new JobAlreadyRunning(job.id);
    const { jobRuns, clock } = this.deps;
    const before = await jobRuns.get(job.id);
    const interval = () => new Date(clock.now().getTime() + job.intervalMs);
    const kept = () => (before?.nextDueAt ? new Date(before.nextDueAt) : clock.now());
    const controller = new AbortController();
    // One run listens on its signal from many places at once (each letter, each score): not a leak.
    setMaxListeners(0, controller.signal);
    this.#running.set(job.id, controller);
    try {
      await jobRuns.markStarted(job.id, clock.now());
      try {
        const message = await job.run(controller.signal);
        await jobRuns.markFinished(job.id, 'ok', message, options.keepSchedule && before?.nextDueAt ? kept() : interval());
        this.deps.onFinished?.(job.id, 'ok', message);
        return message;
      } catch (err) {
        if (err instanceof RunCancelled) {
          // The user's cancel is not a failure, and moves nothing: the run that was due is still due.
          const message = record('cancelled');
          await jobRuns.markFinished(job.id, 'ok', message, kept());
          this.deps.onFinished?.(job.id, 'ok', message);
          return message;
        }
        const message = failureRecord(err);
        // Once at the next check; after a second failure in a row, an interval later (never hammering hh.ru).
        const again = before?.outcome === 'failed' ? interval() : clock.now();
        await jobRuns.markFinished(job.id, 'failed', message, again);
        this.deps.onFinished?.(job.id, 'failed', message);
        throw err;
      }
    } finally {
      this.#running.delete(job.id);
    }
  }

  isRunning(jobId: string): boolean {
    return this.#running.has(jobId);
  }

  /** Asks a run under way to stop after its current step; false when the job is not running. */
  cancel(jobId: string): boolean {
    const controller = this.#running.get(jobId);
    controller?.abort(new RunCancelled(jobId));
    return Boolean(controller);
  }

  async #pass(): Promise<void> {
    const { jobRuns, clock, log } = this.deps;
    for (const job of await this.deps.jobs()) {
      // Asked before each job: a pause, a captcha or a sign-out between two jobs stops the rest.
      if (this.#stopped || (await this.deps.gate())) return;
      if (this.#running.has(job.id)) continue;
      const run = await jobRuns.get(job.id);
      if (run?.nextDueAt && Date.parse(run.nextDueAt) > clock.now().getTime()) continue;
      await this.runNow(job).catch((err: unknown) =>
        log.warn('a scheduled job failed', { job: job.id, error: err instanceof Error ? err.message : String(err) }),
      );
    }
  }
}

/** A second start of a running job: a conflict with the state of things (409), never an internal error. */
export class JobAlreadyRunning extends AppError {
  constructor(readonly jobId: string) {
    super('conflict', 'This is already running. Wait for it to finish, or cancel it in the top bar.', undefined, {
      details: { job: jobId },
      next: { kind: 'retry_later' },
    });
  }
}

/** Why a cancelled run's signal aborted: the user asked. */
export class RunCancelled extends Error {
  constructor(readonly jobId: string) {
    super(`${jobId} was cancelled`);
  }
}

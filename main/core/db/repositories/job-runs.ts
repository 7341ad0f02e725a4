import type { JobOutcome, JobRun } from '../../../../shared/domain';
import type { Clock } from '../../ports';
import type { DatabaseClient, Row } from '../client';
import { text } from './rows';

const toJobRun = (row: Row): JobRun => ({
  job: String(row.job),
  lastStartedAt: text(row.last_started_at),
  lastFinishedAt: text(row.last_finished_at),
  nextDueAt: text(row.next_due_at),
  outcome: text(row.outcome) as JobOutcome | null,
  message: text(row.message),
});

/** Times are stored as UTC ISO strings (toISOString), so comparing them as text compares the times. */
export class JobRunRepository {
  constructor(
    private readonly db: DatabaseClient,
    private readonly clock: Clock,
  ) {}

  /** Keeps the previous outcome and schedule: a run that dies half-way must not erase them. */
  async markStarted(job: string, at: Date): Promise<void> {
    await this.db.run(
      `INSERT INTO job_runs (job, last_started_at) VALUES (?, ?)
       ON CONFLICT(job) DO UPDATE SET last_started_at = excluded.last_started_at`,
      [job, at.toISOString()],
    );
  }

  /** nextDueAt null means "due at once" (see due()). */
  async markFinished(job: string, outcome: JobOutcome, message: string | null, nextDueAt: Date | null): Promise<void> {
    await this.db.run(
      `INSERT INTO job_runs (job, last_finished_at, next_due_at, outcome, message) VALUES ($job, $now, $next, $outcome, $message)
       ON CONFLICT(job) DO UPDATE SET last_finished_at = excluded.last_finished_at, next_due_at = excluded.next_due_at,
         outcome = excluded.outcome, message = excluded.message`,
      { $job: job, $now: this.clock.now().toISOString(), $next: nextDueAt?.toISOString() ?? null, $outcome: outcome, $message: message },
    );
  }

  async get(job: string): Promise<JobRun | undefined> {
    const row = await this.db.get('SELECT * FROM job_runs WHERE job = ?', [job]);
    return row ? toJobRun(row) : undefined;
  }

  async list(): Promise<JobRun[]> {
    return (await this.db.all('SELECT * FROM job_runs ORDER BY job')).map(toJobRun);
  }

  /**
   * Jobs whose time has come, most overdue first. Only jobs that have a row: one that never started
   * has none, and the scheduler treats it as due itself.
   */
  async due(now: Date): Promise<JobRun[]> {
    return (
      await this.db.all('SELECT * FROM job_runs WHERE next_due_at IS NULL OR next_due_at <= ? ORDER BY next_due_at NULLS FIRST, job', [
        now.toISOString(),
      ])
    ).map(toJobRun);
  }
}

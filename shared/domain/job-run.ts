import { z } from 'zod';

export const jobOutcomeSchema = z.enum(['ok', 'failed', 'skipped']);
export type JobOutcome = z.infer<typeof jobOutcomeSchema>;

/** The scheduler's memory of one background job, so a restart neither repeats nor forgets a run. */
export const jobRunSchema = z.object({
  job: z.string(),
  lastStartedAt: z.string().nullable(),
  lastFinishedAt: z.string().nullable(),
  /** Null: due now (never scheduled, or its schedule was cleared). */
  nextDueAt: z.string().nullable(),
  /** Null while the first run has not finished. */
  outcome: jobOutcomeSchema.nullable(),
  message: z.string().nullable(),
});
export type JobRun = z.infer<typeof jobRunSchema>;

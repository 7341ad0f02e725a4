import { z } from 'zod';
import { jobRunSchema } from '../../domain/job-run';
import { none, type ChannelSpecs } from './spec';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use HH:MM, e.g. 23:00');

export const quietHoursSchema = z.object({ enabled: z.boolean(), from: hhmm, to: hhmm });

/** What a run is doing now: the step, how far through it, and what it waits for (a pause between letters) until when. */
export const runProgressSchema = z.object({
  job: z.string(),
  phase: z.enum(['searching', 'reading', 'filtering', 'scoring', 'drafting', 'sending', 'waiting']),
  done: z.number().int().min(0),
  total: z.number().int().min(0),
  /** Set while the run waits: 'pause' between applications, 'ai' for a letter, 'hh' for hh.ru. */
  waitingFor: z.enum(['pause', 'ai', 'hh']).nullable(),
  until: z.string().nullable(),
});
export type RunProgress = z.infer<typeof runProgressSchema>;

/**
 * What a run did, as a key with facts the window translates (like errors): the English line stays
 * in `message` for the CLI and logs. `failed` carries the error's code and its own sentence.
 */
export const jobReportKeys = [
  'found',
  'searchDone',
  'searchCancelled',
  'sync',
  'syncBaseline',
  'notSignedIn',
  'raised',
  'apiChecked',
  'noApiSignIn',
  'checkpoint',
  'checkpointTrimmed',
  'cancelled',
  'failed',
] as const;
export const jobReportSchema = z.object({ key: z.enum(jobReportKeys), params: z.record(z.string(), z.union([z.string(), z.number()])) });
export type JobReport = z.infer<typeof jobReportSchema>;

/**
 * Why the automation is or is not working right now, in one word the window translates:
 * running, paused (by the user), waiting for a captcha or signed out (the app paused itself until the
 * user acts), nothing set up yet, quiet hours (searches go on, sending waits until `until`), or the
 * daily limit (until `until`).
 */
export const automationStatusSchema = z.object({
  paused: z.boolean(),
  reason: z.enum(['running', 'paused', 'captcha', 'signed_out', 'not_signed_in', 'nothing_set_up', 'quiet_hours', 'daily_limit']),
  until: z.string().nullable(),
  /** The next time a job is due. */
  nextRunAt: z.string().nullable(),
  quietHours: quietHoursSchema,
  /** Whether the app raises the user's resumes in hh.ru's search by itself (every 4 hours, as hh.ru allows). */
  raiseResumes: z.boolean(),
  /** Whether the app answers employer bots' questionnaires by itself (one of the bot's own buttons, never free text). */
  answerBots: z.boolean(),
  jobs: z.array(jobRunSchema.extend({ running: z.boolean(), progress: runProgressSchema.nullable(), report: jobReportSchema.nullable() })),
});
export type AutomationStatus = z.infer<typeof automationStatusSchema>;

/** The engine: what it does by itself, when, and why not. */
export const automationChannels = {
  'automation.status': { input: none, output: automationStatusSchema },
  'automation.setQuietHours': { input: quietHoursSchema.strict(), output: automationStatusSchema },
  'automation.setRaiseResumes': { input: z.object({ enabled: z.boolean() }).strict(), output: automationStatusSchema },
  'automation.setAnswerBots': { input: z.object({ enabled: z.boolean() }).strict(), output: automationStatusSchema },
  /** Stops a run under way after the step it is in (a letter being sent is finished, never cut). */
  'automation.cancel': { input: z.object({ job: z.string().min(1).max(100) }).strict(), output: automationStatusSchema },
} as const satisfies ChannelSpecs;

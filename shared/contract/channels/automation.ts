import { z } from 'zod';
import { jobRunSchema } from '../../domain/job-run';
import { none, type ChannelSpecs } from './spec';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use HH:MM, e.g. 23:00');

export const quietHoursSchema = z.object({ enabled: z.boolean(), from: hhmm, to: hhmm });

/**
 * Why the automation is or is not working right now, in one word the window translates:
 * running, paused (by the user, or by the app after a captcha or a sign-out), nothing set up yet,
 * quiet hours (searches go on, sending waits until `until`), or the daily limit (until `until`).
 */
export const automationStatusSchema = z.object({
  paused: z.boolean(),
  reason: z.enum(['running', 'paused', 'nothing_set_up', 'quiet_hours', 'daily_limit']),
  until: z.string().nullable(),
  /** The next time a job is due. */
  nextRunAt: z.string().nullable(),
  quietHours: quietHoursSchema,
  /** Whether the app raises the user's resumes in hh.ru's search by itself (every 4 hours, as hh.ru allows). */
  raiseResumes: z.boolean(),
  jobs: z.array(jobRunSchema.extend({ running: z.boolean() })),
});
export type AutomationStatus = z.infer<typeof automationStatusSchema>;

/** The engine: what it does by itself, when, and why not. */
export const automationChannels = {
  'automation.status': { input: none, output: automationStatusSchema },
  'automation.setQuietHours': { input: quietHoursSchema.strict(), output: automationStatusSchema },
  'automation.setRaiseResumes': { input: z.object({ enabled: z.boolean() }).strict(), output: automationStatusSchema },
} as const satisfies ChannelSpecs;

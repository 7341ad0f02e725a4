import { z } from 'zod';
import { type ChannelSpecs } from './spec';

const count = z.number().int().min(0);

/** What happened in a period, counted once per vacancy. */
export const periodCountsSchema = z.object({ found: count, drafted: count, sent: count, viewed: count, invited: count, rejected: count });

/** Letters sent with one template (or one saved search's vacancies) and how many of them led to an invitation. */
export const invitationRateSchema = z.object({ id: z.number().int().nullable(), name: z.string(), sent: count, invited: count });

export const dashboardSchema = z.object({
  days: z.number().int().min(1).max(90),
  /** The period's start: local midnight `days - 1` days ago. */
  from: z.string(),
  totals: periodCountsSchema,
  /**
   * Of the applications sent in the period, how far each got so far (the funnel's lower steps are
   * this cohort's, whenever the employer acted).
   */
  funnel: z.object({ found: count, drafted: count, sent: count, viewed: count, invited: count }),
  /** One entry per local day of the period, oldest first (YYYY-MM-DD). */
  perDay: z.array(z.object({ date: z.string(), found: count, sent: count, invited: count })),
  byTemplate: z.array(invitationRateSchema),
  bySearch: z.array(invitationRateSchema),
  /** What waits for the user now. */
  needsYou: z.object({ lettersToReview: count, unreadChats: count, applyByHand: count, captcha: z.boolean(), signedOut: z.boolean() }),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

/** Numbers for the dashboard. */
export const dashboardChannels = {
  'dashboard.get': {
    input: z.object({ days: z.union([z.literal(1), z.literal(7), z.literal(30)]).default(7) }).strict(),
    output: dashboardSchema,
  },
} as const satisfies ChannelSpecs;

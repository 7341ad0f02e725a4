import { z } from 'zod';
import { savedSearchInputSchema, savedSearchSchema } from '../../domain/search';
import { id, none, type ChannelSpecs } from './spec';

const count = z.number().int().min(0);

/**
 * What one run of a saved search did: hh.ru's list read (`found`, `added`, `updated`), then the
 * pipeline (letters drafted, sent in Autopilot, vacancies set aside or left for the user, letters
 * held back for a look). `stoppedBy`: why the run stopped early (a captcha, the daily limit, no AI).
 * `cancelled`: the user stopped it (top bar's Cancel); what it did until then is kept.
 */
export const searchRunOutcomeSchema = z.object({
  found: count,
  added: count,
  updated: count,
  cancelled: z.boolean(),
  drafted: count,
  sent: count,
  skipped: count,
  needsManual: count,
  heldBack: count,
  stoppedBy: z.string().nullable(),
});
export type SearchRunOutcome = z.infer<typeof searchRunOutcomeSchema>;

/** Saved searches: what the user looks for on hh.ru, and running one now. */
export const searchesChannels = {
  'searches.list': { input: none, output: z.array(savedSearchSchema) },
  'searches.save': { input: z.object({ id: id.optional(), search: savedSearchInputSchema }).strict(), output: z.array(savedSearchSchema) },
  'searches.delete': { input: z.object({ id }).strict(), output: z.array(savedSearchSchema) },
  /** Runs one saved search now, whole (as its schedule would), without moving its next scheduled run. */
  'searches.run': { input: z.object({ id }).strict(), output: searchRunOutcomeSchema },
} as const satisfies ChannelSpecs;

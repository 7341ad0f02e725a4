import { z } from 'zod';
import { savedSearchInputSchema, savedSearchSchema } from '../../domain/search';
import { id, none, type ChannelSpecs } from './spec';

/** Saved searches: what the user looks for on hh.ru, and running one now. */
export const searchesChannels = {
  'searches.list': { input: none, output: z.array(savedSearchSchema) },
  'searches.save': { input: z.object({ id: id.optional(), search: savedSearchInputSchema }).strict(), output: z.array(savedSearchSchema) },
  'searches.delete': { input: z.object({ id }).strict(), output: z.array(savedSearchSchema) },
  /** Runs one saved search now: hh.ru is asked, new vacancies are stored. */
  'searches.run': {
    input: z.object({ id }).strict(),
    /** `cancelled`: the user stopped it (top bar's Cancel) before it had read every page; what it read is kept. */
    output: z.object({ found: z.number().int(), added: z.number().int(), updated: z.number().int(), cancelled: z.boolean() }),
  },
} as const satisfies ChannelSpecs;

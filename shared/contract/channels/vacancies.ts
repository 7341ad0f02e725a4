import { z } from 'zod';
import { vacancySchema, vacancyStatusSchema, vacancySummarySchema } from '../../domain/vacancy';
import { id, pageSchema, paging, type ChannelSpecs } from './spec';

/** The vacancies saved searches found: the list, one vacancy, setting one aside. */
export const vacanciesChannels = {
  'vacancies.list': {
    input: z.object({ ...paging, statuses: z.array(vacancyStatusSchema).max(10).default([]), query: z.string().trim().max(200).default('') }).strict(),
    output: pageSchema(vacancySummarySchema),
  },
  'vacancies.get': { input: z.object({ id }).strict(), output: vacancySchema },
  'vacancies.setStatus': { input: z.object({ id, status: z.enum(['ignored', 'found']) }).strict(), output: vacancySummarySchema },
} as const satisfies ChannelSpecs;

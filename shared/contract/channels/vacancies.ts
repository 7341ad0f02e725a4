import { z } from 'zod';
import { vacancyDetailSchema, vacancyStatusSchema, vacancySummarySchema } from '../../domain/vacancy';
import { vacancyFiltersSchema, vacancySortSchema } from '../../domain/vacancy-list';
import { blacklistedEmployerSchema, blacklistInputSchema } from '../../domain/blacklist';
import { id, none, pageSchema, paging, type ChannelSpecs } from './spec';

const resumeHhId = z.string().trim().min(1).max(100);
const count = z.number().int().min(0);

/** A score the AI gave and the app kept (vacancies.score makes one). */
export const keptScoreSchema = z.object({
  score: z.number().int().min(0).max(100),
  reason: z.string(),
  model: z.string(),
  scoredAt: z.string(),
});
export type KeptScore = z.infer<typeof keptScoreSchema>;

/** How long a vacancy set aside (or closed) keeps its description and hh.ru's raw copy; its row stays. */
export const retentionSchema = z.object({
  days: z
    .number()
    .int('Enter a whole number of days')
    .min(14, 'Keep them at least 14 days')
    .max(3650, 'Keep them at most 3650 days (10 years)'),
});
export type Retention = z.infer<typeof retentionSchema>;

/** The vacancies saved searches found: the list, one vacancy, setting one aside. */
export const vacanciesChannels = {
  'vacancies.list': {
    input: z
      .object({
        ...paging,
        statuses: z.array(vacancyStatusSchema).max(10).default([]),
        query: z.string().trim().max(200).default(''),
        sort: vacancySortSchema.default('date'),
        ...vacancyFiltersSchema.shape,
      })
      .strict(),
    output: pageSchema(vacancySummarySchema),
  },
  'vacancies.get': { input: z.object({ id }).strict(), output: vacancyDetailSchema },
  /** How many vacancies the app keeps in each status (every status named, 0 when none), and in all. */
  'vacancies.counts': {
    input: none,
    output: z.object({ total: count, byStatus: z.record(vacancyStatusSchema, count) }),
  },
  /** A vacancy the user found themselves (a link or its number): read from hh.ru in full and kept, to write to it. */
  'vacancies.add': {
    input: z.object({ link: z.string().trim().min(1, 'Paste an hh.ru vacancy link or its number').max(500) }).strict(),
    output: vacancySummarySchema,
  },
  'vacancies.setStatus': { input: z.object({ id, status: z.enum(['ignored', 'found']) }).strict(), output: vacancySummarySchema },
  /** Sets a vacancy aside here and hides it on hh.ru too, so neither shows it again. */
  'vacancies.hide': { input: z.object({ id }).strict(), output: vacancySummarySchema },
  /** How well the vacancy fits the resume, 0-100 with a reason, by the AI; kept, so asking again costs nothing. */
  'vacancies.score': {
    input: z.object({ id, resumeHhId: resumeHhId.nullable().default(null) }).strict(),
    output: z.object({ score: z.number().int().min(0).max(100), reason: z.string(), model: z.string(), cached: z.boolean() }),
  },
  /** The score vacancies.score kept for this vacancy and resume, if any; never asks the AI. Null without one (or without a resume). */
  'vacancies.keptScore': {
    input: z.object({ id, resumeHhId: resumeHhId.nullable().default(null) }).strict(),
    output: keptScoreSchema.nullable(),
  },
  'vacancies.retention.get': { input: none, output: retentionSchema },
  'vacancies.retention.set': { input: retentionSchema.strict(), output: retentionSchema },
  /** hh.ru's recommendations for a resume, stored like a search's results and marked, so the list can show only them. */
  'vacancies.recommended': {
    input: z.object({ resumeHhId: resumeHhId.nullable().default(null) }).strict(),
    output: z.object({
      found: z.number().int(),
      added: z.number().int(),
      updated: z.number().int(),
      /** Left out: their employer is on the blacklist. */
      blacklisted: z.number().int().min(0).default(0),
    }),
  },
} as const satisfies ChannelSpecs;

/** Employers the user never wants to hear from: left out of every search, and hidden on hh.ru. */
export const blacklistChannels = {
  'blacklist.list': { input: none, output: z.array(blacklistedEmployerSchema) },
  'blacklist.add': { input: blacklistInputSchema.strict(), output: z.array(blacklistedEmployerSchema) },
  /** Removes the employer here; hh.ru's own list is changed on hh.ru (the app cannot undo a hide there). */
  'blacklist.remove': { input: z.object({ employerId: z.string().trim().min(1) }).strict(), output: z.array(blacklistedEmployerSchema) },
} as const satisfies ChannelSpecs;

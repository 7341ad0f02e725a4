import { z } from 'zod';

export const vacancyStatuses = [
  'found',
  'drafted',
  'queued',
  'applied',
  'viewed',
  'invited',
  'rejected',
  'ignored',
  'failed',
  'needs_manual',
] as const;
export const vacancyStatusSchema = z.enum(vacancyStatuses);
export type VacancyStatus = z.infer<typeof vacancyStatusSchema>;

export const salarySchema = z.object({
  from: z.number().int().nullable(),
  to: z.number().int().nullable(),
  currency: z.string().nullable(),
  gross: z.boolean().nullable(),
});
export type Salary = z.infer<typeof salarySchema>;

/** A vacancy as hh.ru described it, before the app adds its own state. */
export const vacancyFactsSchema = z.object({
  hhId: z.string().min(1),
  title: z.string(),
  employer: z.object({ id: z.string().nullable(), name: z.string().nullable() }),
  salary: salarySchema.nullable(),
  area: z.object({ id: z.string().nullable(), name: z.string().nullable() }),
  url: z.string().nullable(),
  publishedAt: z.string().nullable(),
  descriptionHtml: z.string(),
  descriptionText: z.string(),
  keySkills: z.array(z.string()),
  hasTest: z.boolean(),
  letterRequired: z.boolean(),
  archived: z.boolean(),
  /** Set for "direct" vacancies: applying happens on the employer's own site. */
  externalUrl: z.string().nullable(),
  raw: z.unknown(),
});
export type VacancyFacts = z.infer<typeof vacancyFactsSchema>;

/**
 * Why the engine set a vacancy aside instead of writing to it. The codes are a promise to the
 * renderer (it translates them); `detail` is the fact behind it (the excluded word, the score).
 */
export const skipReasons = [
  'already_applied',
  'archived',
  /** Open on hh.ru but no longer taking applications (closedForApplicants, an inactive status). */
  'closed',
  'employer_site',
  'test_required',
  'blacklisted',
  'excluded_word',
  'salary_below',
  'score_below',
  'gone',
] as const;
export const skipReasonSchema = z.enum(skipReasons);
export type SkipReason = z.infer<typeof skipReasonSchema>;
export const vacancySkipSchema = z.object({ reason: skipReasonSchema, detail: z.string().nullable() });
export type VacancySkip = z.infer<typeof vacancySkipSchema>;

export const vacancySchema = vacancyFactsSchema.extend({
  id: z.number().int(),
  status: vacancyStatusSchema,
  /** Set when the engine set the vacancy aside (ignored or for the user to apply by hand), with why. */
  skip: vacancySkipSchema.nullable(),
  foundBySearchId: z.number().int().nullable(),
  firstSeenAt: z.string(),
  updatedAt: z.string(),
});
export type Vacancy = z.infer<typeof vacancySchema>;

/**
 * One vacancy as the window sees it: everything but hh.ru's raw JSON, which stays in the core (it
 * is hh.ru's whole answer, with fields the app neither needs on screen nor vouches for).
 */
export const vacancyDetailSchema = vacancySchema.omit({ raw: true });
export type VacancyDetail = z.infer<typeof vacancyDetailSchema>;

/**
 * What lists show: no description, no raw JSON. `vacancies.list` adds what a row offers beside it
 * (the kept AI score for the user's resume, the vacancy's letter and chat, whether hh.ru recommended
 * it); other channels leave them out, and the window keeps what it had.
 */
export const vacancySummarySchema = vacancySchema.omit({ descriptionHtml: true, descriptionText: true, raw: true }).extend({
  score: z.number().int().min(0).max(100).nullable().optional(),
  letterId: z.number().int().nullable().optional(),
  chatId: z.number().int().nullable().optional(),
  recommended: z.boolean().optional(),
});
export type VacancySummary = z.infer<typeof vacancySummarySchema>;

export const pagingSchema = z.object({
  limit: z.number().int().min(1).max(500).default(100),
  offset: z.number().int().min(0).default(0),
});

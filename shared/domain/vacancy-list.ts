import { z } from 'zod';

/** How the Vacancies list is ordered: newest first, highest salary first, or highest AI score first. */
export const vacancySorts = ['date', 'salary', 'score'] as const;
export const vacancySortSchema = z.enum(vacancySorts);
export type VacancySort = z.infer<typeof vacancySortSchema>;

/** The largest number of days back a date filter reaches (ten years). */
export const MAX_FILTER_DAYS = 3650;

/**
 * What narrows the Vacancies list beside the statuses and the text: the saved search that found a
 * vacancy, a salary floor, the region, the employer, how recent, and hh.ru's recommendations. Null
 * (or false) means "any". The window checks the same bounds with its own translated messages.
 */
export const vacancyFiltersSchema = z.object({
  searchId: z.number().int('Choose a saved search by its number').positive('Choose a saved search by its number').nullable().default(null),
  /** A vacancy whose salary reaches this (its upper bound, or its lower one when it names no upper). */
  salaryFrom: z
    .number()
    .int('Enter the salary as a whole number')
    .min(0, 'The salary cannot be negative')
    .max(100_000_000, 'Enter a salary under 100,000,000')
    .nullable()
    .default(null),
  /** hh.ru's region id (1 is Moscow), or words of the region's name. */
  area: z.string().trim().max(100, 'Keep the region under 100 characters').nullable().default(null),
  /** hh.ru's employer id, or words of the employer's name. */
  employer: z.string().trim().max(200, 'Keep the employer under 200 characters').nullable().default(null),
  /** Published on hh.ru (or, without a date from hh.ru, found) within this many days. */
  days: z
    .number()
    .int('Enter a whole number of days')
    .min(1, 'Enter at least 1 day')
    .max(MAX_FILTER_DAYS, `Enter at most ${MAX_FILTER_DAYS} days`)
    .nullable()
    .default(null),
  /** Published (or found) on or after this day, YYYY-MM-DD. */
  since: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter the date as YYYY-MM-DD')
    .refine((value) => !Number.isNaN(Date.parse(value)), 'Enter a real date as YYYY-MM-DD')
    .nullable()
    .default(null),
  /** Only vacancies hh.ru recommended for a resume (vacancies.recommended). */
  recommended: z.boolean().default(false),
});
export type VacancyFilters = z.output<typeof vacancyFiltersSchema>;

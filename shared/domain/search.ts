import { z } from 'zod';

/** Every hh.ru vacancy-search filter a saved search can hold (names as in hh.ru's API). */
export const searchFiltersSchema = z.object({
  text: z.string().max(500).default(''),
  searchField: z.array(z.enum(['name', 'company_name', 'description'])).default([]),
  areas: z.array(z.string().regex(/^\d+$/)).default([]),
  experience: z.array(z.enum(['noExperience', 'between1And3', 'between3And6', 'moreThan6'])).default([]),
  employmentForm: z.array(z.string()).default([]),
  workFormat: z.array(z.string()).default([]),
  schedule: z.array(z.string()).default([]),
  salary: z.number().int().positive().nullable().default(null),
  currency: z.string().length(3).default('RUR'),
  onlyWithSalary: z.boolean().default(false),
  excludedText: z.string().max(500).default(''),
  periodDays: z.number().int().min(1).max(30).nullable().default(null),
  orderBy: z.enum(['relevance', 'publication_time', 'salary_desc', 'salary_asc']).default('publication_time'),
});
export type SearchFilters = z.infer<typeof searchFiltersSchema>;

export const searchModeSchema = z.enum(['review', 'autopilot']);

export const savedSearchInputSchema = z.object({
  name: z.string().trim().min(1, 'Give the search a name').max(100),
  filters: searchFiltersSchema,
  intervalHours: z.number().min(0.5).max(168).default(4),
  active: z.boolean().default(true),
  mode: searchModeSchema.default('review'),
  /** Vacancies the AI rates below this fit (0-100) are set aside before a letter is written; null: no scoring. */
  minScore: z.number().int().min(0).max(100).nullable().default(null),
});
export type SavedSearchInput = z.input<typeof savedSearchInputSchema>;

export const savedSearchSchema = savedSearchInputSchema.extend({
  id: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SavedSearch = z.infer<typeof savedSearchSchema>;

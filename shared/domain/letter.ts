import { z } from 'zod';

/** Letters are written in the vacancy's language; anything that is not clearly English is Russian. */
export const letterLanguages = ['ru', 'en'] as const;
export const letterLanguageSchema = z.enum(letterLanguages);
export type LetterLanguage = z.infer<typeof letterLanguageSchema>;

/** hh.ru refuses longer letters whatever the user's own limit says. */
export const HH_LETTER_MAX_LENGTH = 10_000;

/**
 * Why a letter may not be sent. The codes are a promise to the renderer (it translates them), so
 * they never change meaning; `message` is the English fallback.
 */
export const letterProblemCodes = [
  'empty',
  'too_long',
  'over_user_limit',
  'placeholder',
  'markdown',
  'ai_disclaimer',
  'missing_contacts',
  'no_contacts_in_profile',
  // The model stopped at its token limit: the letter ends mid-sentence.
  'cut_off',
] as const;
export const letterProblemCodeSchema = z.enum(letterProblemCodes);
export type LetterProblemCode = z.infer<typeof letterProblemCodeSchema>;

export const letterProblemSchema = z.object({ code: letterProblemCodeSchema, message: z.string() });
export type LetterProblem = z.infer<typeof letterProblemSchema>;

/**
 * Something the letter says about the candidate that neither the resume, the profile nor the vacancy
 * backs (an employer, a number, a year, a skill). Shown in Review; it holds the letter back in Autopilot.
 */
export const unsupportedClaimSchema = z.object({ kind: z.enum(['employer', 'number', 'year', 'skill']), text: z.string() });
export type UnsupportedClaim = z.infer<typeof unsupportedClaimSchema>;

export const letterValidationSchema = z.object({
  ok: z.boolean(),
  problems: z.array(letterProblemSchema),
  unsupported: z.array(unsupportedClaimSchema),
});
export type LetterValidation = z.infer<typeof letterValidationSchema>;

/**
 * What "No AI: my template" can fill in. Written as {name} in the template text. A placeholder the
 * app does not know, or one whose value is missing (no Telegram in the profile), stays in the text
 * as is, so validation stops the letter and says which one.
 */
export const letterTemplatePlaceholders = [
  { name: 'vacancy_title', description: 'The vacancy title, as on hh.ru' },
  { name: 'employer', description: 'The employer name' },
  { name: 'name', description: 'Your name from Settings → Profile' },
  { name: 'resume_title', description: 'The title of the resume you apply with' },
  { name: 'skills', description: 'The skills listed in your resume, comma-separated' },
  { name: 'key_skills', description: "The vacancy's key skills, comma-separated" },
  {
    name: 'matching_skills',
    description: 'Skills both in your resume and in the vacancy; the vacancy key skills when none match, then your own',
  },
  { name: 'experience', description: 'Your total experience, e.g. "5 лет 3 месяца" or "5 years 3 months"' },
  { name: 'last_position', description: 'Your most recent position' },
  { name: 'last_company', description: 'Your most recent employer' },
  { name: 'telegram', description: 'Your Telegram' },
  { name: 'email', description: 'Your email' },
  { name: 'phone', description: 'Your phone' },
  { name: 'portfolio', description: 'Your first portfolio link' },
  { name: 'contacts', description: 'The whole contacts block; added at the end when the template does not place it' },
] as const;
export type LetterTemplatePlaceholder = (typeof letterTemplatePlaceholders)[number]['name'];

import { z } from 'zod';

export const letterLengthLimits = { min: 100, max: 10_000 } as const;

/** How the AI should write a cover letter: the user's instruction, tone and a length cap. */
export const letterTemplateInputSchema = z.object({
  name: z.string().trim().min(1, 'Give the template a name').max(100, 'Keep the name under 100 characters'),
  instruction: z
    .string()
    .trim()
    .min(1, 'Write what the letter should say, for example: mention my Go experience')
    .max(5_000, 'Keep the instruction under 5000 characters'),
  tone: z.string().trim().max(200, 'Describe the tone in under 200 characters').default(''),
  maxLength: z
    .number({ error: 'Enter the longest letter length as a number' })
    .int('Enter a whole number of characters')
    .min(letterLengthLimits.min, `A letter needs room: allow at least ${letterLengthLimits.min} characters`)
    .max(letterLengthLimits.max, `hh.ru letters are short: allow at most ${letterLengthLimits.max} characters`)
    .default(2_000),
});
export type LetterTemplateInput = z.input<typeof letterTemplateInputSchema>;

export const letterTemplateSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  instruction: z.string(),
  tone: z.string(),
  maxLength: z.number().int().min(letterLengthLimits.min).max(letterLengthLimits.max),
  /** Exactly one template is the default whenever any exist. */
  isDefault: z.boolean(),
  updatedAt: z.string(),
});
export type LetterTemplate = z.infer<typeof letterTemplateSchema>;

import { z } from 'zod';

/** A resume as hh.ru lists it for the user's account. */
export const resumeSchema = z.object({
  id: z.number().int(),
  hhId: z.string(),
  /** hh.ru's website addresses a resume by this hash (the API by hhId); null when unknown. */
  hash: z.string().nullable(),
  title: z.string(),
  raw: z.unknown(),
  /** When this copy last changed here (not hh.ru's own timestamp, which lives in raw). */
  updatedAt: z.string(),
});
export type Resume = z.infer<typeof resumeSchema>;

export const resumeInputSchema = z.object({
  hhId: z.string().min(1),
  hash: z.string().nullable().default(null),
  title: z.string(),
  raw: z.unknown(),
});
export type ResumeInput = z.input<typeof resumeInputSchema>;

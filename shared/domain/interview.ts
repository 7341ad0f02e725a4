import { z } from 'zod';

/** What a resume interview asks about, in the order it usually goes. */
export const interviewSectionSchema = z.enum(['target', 'experience', 'projects', 'skills', 'education', 'languages']);
export type InterviewSection = z.infer<typeof interviewSectionSchema>;
export const INTERVIEW_SECTIONS = interviewSectionSchema.options;

export const interviewLanguageSchema = z.enum(['ru', 'en']);
export type InterviewLanguage = z.infer<typeof interviewLanguageSchema>;

export const interviewMessageSchema = z.object({
  id: z.number().int(),
  role: z.enum(['assistant', 'user']),
  text: z.string(),
  /** The section an assistant question is about. */
  section: interviewSectionSchema.nullable(),
  /** An assistant question that asks again because the previous answer was vague. */
  followUp: z.boolean(),
  createdAt: z.string(),
});
export type InterviewMessage = z.infer<typeof interviewMessageSchema>;

/** A fact in the finished resume that none of the user's answers backs. */
export const resumeClaimSchema = z.object({ kind: z.enum(['employer', 'number', 'year', 'skill']), text: z.string() });
export type ResumeClaim = z.infer<typeof resumeClaimSchema>;

export const interviewSummarySchema = z.object({
  id: z.number().int(),
  title: z.string(),
  language: interviewLanguageSchema,
  status: z.enum(['active', 'finished']),
  /** Sections the answers cover so far. */
  covered: z.array(interviewSectionSchema),
  /** The hh.ru resume the interview started from ("improve my resume"), if any. */
  sourceResumeHhId: z.string().nullable(),
  answers: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type InterviewSummary = z.infer<typeof interviewSummarySchema>;

export const interviewSchema = interviewSummarySchema.extend({
  messages: z.array(interviewMessageSchema),
  /** The Markdown resume once finished (and as the user edited it); null before. */
  markdown: z.string().nullable(),
  /** Facts in `markdown` the answers do not back, checked on finishing and on every save. */
  unsupported: z.array(resumeClaimSchema),
  /** Text of an imported hh.ru resume the interview improves on; counts as the user's own words. */
  sourceText: z.string().nullable(),
});
export type Interview = z.infer<typeof interviewSchema>;

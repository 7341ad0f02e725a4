import { z } from 'zod';

export const applicationStates = ['draft', 'approved', 'sending', 'sent', 'failed'] as const;
export const applicationStateSchema = z.enum(applicationStates);
export type ApplicationState = z.infer<typeof applicationStateSchema>;

export const applicationSchema = z.object({
  id: z.number().int(),
  vacancyId: z.number().int(),
  resumeHhId: z.string().nullable(),
  letter: z.string(),
  state: applicationStateSchema,
  transport: z.string().nullable(),
  hhNegotiationId: z.string().nullable(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  /**
   * What hh.ru showed when asked after sending: the response with the resume the app used
   * (confirmed), with another resume (resume_mismatch: `confirmedResumeHhId` says which), or not
   * listed yet (missing). Absent until asked.
   */
  confirmation: z.enum(['confirmed', 'resume_mismatch', 'missing']).nullable().optional(),
  confirmedResumeHhId: z.string().nullable().optional(),
  /**
   * When the user discarded the letter (absent or null: not discarded). A discarded letter is never
   * sent and leaves the lists; letters.restore brings it back.
   */
  discardedAt: z.string().nullable().optional(),
  /** The text before the last AI rewrite, kept for one undo (letters.revert); cleared by an edit by hand. */
  previousLetter: z.string().nullable().optional(),
});
export type Application = z.infer<typeof applicationSchema>;

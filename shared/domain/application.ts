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
  /** Why the last attempt did not go out, in English (the Local API, the log). */
  lastError: z.string().nullable(),
  /** The same as the window says it: the error's code, and its sentence's key and facts when it has one. */
  lastErrorDetail: z
    .object({
      code: z.string(),
      key: z.string().optional(),
      params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    })
    .nullable()
    .optional(),
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

export type FailureDetail = NonNullable<Application['lastErrorDetail']>;

/** How a failure is kept (applications.last_error): its English sentence with what the window needs to say it. */
export const failureRecord = (message: string, detail: FailureDetail): string => JSON.stringify({ ...detail, message });

/** A kept failure read back: a record written by failureRecord, or a plain sentence from an older version. */
export function readFailure(stored: string | null): { lastError: string | null; lastErrorDetail: FailureDetail | null } {
  if (!stored?.startsWith('{')) return { lastError: stored, lastErrorDetail: null };
  try {
    const { message, ...detail } = JSON.parse(stored) as FailureDetail & { message?: unknown };
    if (typeof message !== 'string' || typeof detail.code !== 'string') return { lastError: stored, lastErrorDetail: null };
    return { lastError: message, lastErrorDetail: detail };
  } catch {
    return { lastError: stored, lastErrorDetail: null };
  }
}

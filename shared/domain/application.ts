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
});
export type Application = z.infer<typeof applicationSchema>;

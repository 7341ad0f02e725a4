import { z } from 'zod';

export const auditOutcomeSchema = z.enum(['ok', 'failed', 'refused']);

/** One line of the audit log: token use, personal-data reads, applications and messages sent. */
export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  action: z.string(),
  target: z.string(),
  outcome: auditOutcomeSchema,
  details: z.string(),
  /** What the target is called where the app knows it: a vacancy's title. */
  targetName: z.string().nullable().optional(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export type NewAuditEntry = Omit<AuditEntry, 'id' | 'at'> & { at?: string };

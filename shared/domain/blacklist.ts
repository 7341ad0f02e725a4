import { z } from 'zod';

/** An employer the app never applies to, whatever a search finds. */
export const blacklistedEmployerSchema = z.object({
  employerId: z.string(),
  employerName: z.string().nullable(),
  reason: z.string().nullable(),
  createdAt: z.string(),
});
export type BlacklistedEmployer = z.infer<typeof blacklistedEmployerSchema>;

export const blacklistInputSchema = z.object({
  employerId: z.string().trim().min(1, 'Choose the employer to block'),
  employerName: z.string().trim().max(300).nullable().optional(),
  reason: z.string().trim().max(500, 'Keep the reason under 500 characters').nullable().optional(),
});
export type BlacklistInput = z.input<typeof blacklistInputSchema>;

import { z } from 'zod';

export type ChannelSpecs = Record<string, { input: z.ZodType; output: z.ZodType }>;

/** Input of a channel that takes nothing. */
export const none = z.object({}).strict();

export const paging = {
  limit: z.number().int().min(1).max(500).default(50),
  offset: z.number().int().min(0).default(0),
};

import { z } from 'zod';

export type ChannelSpecs = Record<string, { input: z.ZodType; output: z.ZodType }>;

/** Input of a channel that takes nothing. */
export const none = z.object({}).strict();

/** A database id as the contract accepts it. */
export const id = z.number().int().positive();

export const paging = {
  limit: z.number().int().min(1).max(500).default(50),
  offset: z.number().int().min(0).default(0),
};

/** One page of a long list (the shape of `Page<T>` in shared/domain). */
export const pageSchema = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), limit: z.number().int(), offset: z.number().int() });

import { z } from 'zod';

/** The user's own details; letters end with the contacts block built from them. */
export const profileSchema = z.object({
  name: z.string().max(200).default(''),
  telegram: z.string().max(200).default(''),
  email: z.union([z.literal(''), z.string().email('Enter an email like name@example.com')]).default(''),
  phone: z.string().max(50).default(''),
  links: z
    .array(
      z
        .string()
        .url('Enter a full link, starting with https://')
        .refine((link) => /^https?:\/\//i.test(link), 'Enter a full link, starting with https://'),
    )
    .max(10)
    .default([]),
});
export type Profile = z.infer<typeof profileSchema>;

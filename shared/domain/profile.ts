import { z } from 'zod';

/** A Telegram handle (`@ivan_petrov`, `ivan_petrov`) or its link (`https://t.me/ivan_petrov`): Telegram's 5-32 letters, digits and _. */
export const TELEGRAM = /^(?:@?|(?:https?:\/\/)?t\.me\/)[A-Za-z][A-Za-z0-9_]{4,31}\/?$/;
/** A phone in the international form: a plus, then 10-15 digits, spaces, dashes and brackets between them. */
export const PHONE = /^\+\d[\d\s()-]{8,22}\d$/;
const digits = (phone: string) => phone.replace(/\D/g, '').length;

const optional = (check: (value: string) => boolean, rule: string, message: string) =>
  z
    .string()
    .trim()
    .max(200)
    .refine((value) => value === '' || check(value), { message, params: { rule } })
    .default('');

/**
 * The user's own details; letters end with the contacts block built from them. What is kept and
 * read back: lenient, so a profile saved before the checks below still opens.
 */
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
  /** What the user expects to be paid, in their words ("от 250 000 ₽ на руки"): reply drafts may say it when asked. */
  salaryExpectation: z.string().max(100).default(''),
});
export type Profile = z.infer<typeof profileSchema>;
/** A profile as given to a save: fields it does not name take their defaults. */
export type ProfileInput = z.input<typeof profileSchema>;

/** What a save accepts: every contact in a form a recruiter can use, since each letter carries it. */
export const profileInputSchema = profileSchema.extend({
  name: z.string().trim().max(200).default(''),
  telegram: optional(
    (value) => TELEGRAM.test(value),
    'telegram',
    'Enter a Telegram handle like @ivan_petrov or a link https://t.me/ivan_petrov',
  ),
  phone: optional(
    (value) => PHONE.test(value) && digits(value) >= 10 && digits(value) <= 15,
    'phone',
    'Enter the phone in the international form, e.g. +7 912 345-67-89',
  ),
  salaryExpectation: z.string().trim().max(100).default(''),
});

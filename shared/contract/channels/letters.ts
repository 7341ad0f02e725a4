import { z } from 'zod';
import { applicationSchema } from '../../domain/application';
import { letterValidationSchema } from '../../domain/letter';
import { vacancySummarySchema } from '../../domain/vacancy';
import { id, none, pageSchema, paging, type ChannelSpecs } from './spec';

export const applicationViewSchema = z.object({
  application: applicationSchema,
  vacancy: vacancySummarySchema,
  validation: letterValidationSchema,
  /**
   * True when the app has no full copy of the letter's resume (hh.ru's resume page could not be
   * read): the letter was written, and its facts checked, against the resume's title alone.
   */
  resumeUnread: z.boolean().optional(),
  /** The employer chat of a sent application, when a sync has seen one (Letters links to it). */
  chatId: z.number().int().optional(),
});
export type ApplicationView = z.infer<typeof applicationViewSchema>;

export const applyingSettingsSchema = z.object({
  /** Applications the app sends in a rolling 24 hours at most (hh.ru's own limit is about 200). */
  dailyCap: z.number().int().min(1, 'At least one application a day').max(200, 'hh.ru allows about 200 in 24 hours'),
  /** New vacancies one run of a saved search takes at most: it drafts them and, in Autopilot, may send them (read by the engine). */
  perRunCap: z.number().int().min(1, 'At least one application a run').max(200, 'hh.ru allows about 200 in 24 hours'),
  /** A random pause between two applications, between these bounds; under 2 s looks like a robot to hh.ru. */
  pauseMinSeconds: z.number().int().min(2, 'At least 2 seconds between applications').max(3600, 'At most an hour between applications'),
  pauseMaxSeconds: z.number().int().min(2, 'At least 2 seconds between applications').max(3600, 'At most an hour between applications'),
});
export type ApplyingSettings = z.infer<typeof applyingSettingsSchema>;

export const applyingStatusSchema = z.object({
  settings: applyingSettingsSchema,
  sentLast24h: z.number().int(),
  remaining: z.number().int(),
  /** When the next slot frees up, if none is left. */
  nextSlotAt: z.string().nullable(),
  /** hh.ru said its own 24-hour limit is reached: nothing is sent before this time. */
  hhLimitedUntil: z.string().nullable(),
});
export type ApplyingStatus = z.infer<typeof applyingStatusSchema>;

/**
 * Letters and applications: drafting, the user's edits, sending (with the daily limit), assisted
 * apply. The templates that shape every letter are their own feature (./templates.ts).
 */
export const lettersChannels = {
  /** A letter for a vacancy, written now (AI or template) and kept as a draft. */
  'letters.draft': {
    input: z
      .object({
        vacancyId: id,
        resumeHhId: z.string().max(100).nullable().default(null),
        /** The vacancy already has an application (with another resume): the user said to apply again anyway. */
        confirmSecondResume: z.boolean().default(false),
      })
      .strict(),
    output: applicationViewSchema,
  },
  'letters.list': {
    input: z
      .object({
        ...paging,
        states: z
          .array(z.enum(['draft', 'approved', 'sending', 'sent', 'failed']))
          .max(5)
          .default([]),
        /** True: only the letters the user discarded (to bring one back); false: the others. */
        discarded: z.boolean().default(false),
      })
      .strict(),
    output: pageSchema(applicationViewSchema),
  },
  'letters.update': {
    input: z
      .object({
        applicationId: id,
        letter: z.string().max(20_000),
        /** Accepting a rewrite (letters.rewrite): the text it replaces is kept for one undo (letters.revert). */
        keepPrevious: z.boolean().default(false),
      })
      .strict(),
    output: applicationViewSchema,
  },
  /**
   * The user discards an unsent letter (draft or failed): it leaves letters.list at once and is never
   * sent; no run writes its vacancy another letter unless the user asks. letters.restore undoes it.
   */
  'letters.discard': { input: z.object({ applicationId: id }).strict(), output: applicationViewSchema },
  /** A discarded letter back in the state it had (refused when its vacancy has another unsent letter now). */
  'letters.restore': { input: z.object({ applicationId: id }).strict(), output: applicationViewSchema },
  /** Sets the letter's vacancy aside (ignored; with hideOnHh, hidden on hh.ru too) and discards the letter, in one action. */
  'letters.skip': {
    input: z.object({ applicationId: id, hideOnHh: z.boolean().default(false) }).strict(),
    output: applicationViewSchema,
  },
  /**
   * A new text for an unsent letter, with its check (facts included); nothing is kept until the user
   * accepts it with letters.update (keepPrevious). Without AI the template is filled again.
   */
  'letters.rewrite': {
    input: z
      .object({
        applicationId: id,
        /** A short wish for the new version ("короче", "упомяни Go"). */
        instruction: z.string().max(300, 'Keep the wish under 300 characters').default(''),
      })
      .strict(),
    output: z.object({ letter: z.string(), validation: letterValidationSchema, source: z.enum(['ai', 'template']) }),
  },
  /** The text before the last accepted rewrite back in place: one undo. */
  'letters.revert': { input: z.object({ applicationId: id }).strict(), output: applicationViewSchema },
  /** Sends one letter now; invalid letters are refused with the reasons, never sent. */
  'letters.send': {
    input: z
      .object({
        applicationId: id,
        /** The vacancy was applied to with another resume since this letter was written: the user said to apply again anyway. */
        confirmSecondResume: z.boolean().default(false),
      })
      .strict(),
    output: applicationViewSchema,
  },
  /**
   * Assisted apply: hh.ru's own form in the app's hh.ru window with the letter filled in; the user
   * presses hh.ru's button and the app records the result. Headless: the address to open, and the
   * letter to paste, then letters.markSent.
   */
  'letters.assist': {
    input: z.object({ applicationId: id }).strict(),
    output: z.object({ outcome: z.enum(['applied', 'cancelled', 'open_yourself']), url: z.string(), view: applicationViewSchema }),
  },
  'letters.markSent': { input: z.object({ applicationId: id }).strict(), output: applicationViewSchema },
  'applying.status': { input: none, output: applyingStatusSchema },
  /** Only the settings given change; the others keep their values. */
  'applying.setSettings': {
    input: applyingSettingsSchema
      .partial()
      .strict()
      .refine((s) => s.pauseMinSeconds === undefined || s.pauseMaxSeconds === undefined || s.pauseMinSeconds <= s.pauseMaxSeconds, {
        message: 'The shortest pause cannot be longer than the longest',
        path: ['pauseMinSeconds'],
        params: { rule: 'pauseOrder' },
      }),
    output: applyingStatusSchema,
  },

  'letters.validate': {
    input: z.object({ letter: z.string().max(20_000), maxLength: z.number().int().min(100).max(10_000).optional() }).strict(),
    output: letterValidationSchema,
  },
} as const satisfies ChannelSpecs;

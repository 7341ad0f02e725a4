import { z } from 'zod';
import { applicationSchema } from '../../domain/application';
import { chatMessageSchema, chatSchema } from '../../domain/chat';
import { letterValidationSchema } from '../../domain/letter';
import { savedSearchInputSchema, savedSearchSchema } from '../../domain/search';
import { pageSchema, vacancySchema, vacancyStatusSchema, vacancySummarySchema } from '../../domain/vacancy';
import { none, paging, type ChannelSpecs } from './spec';

const id = z.number().int().positive();

export const applicationViewSchema = z.object({
  application: applicationSchema,
  vacancy: vacancySummarySchema,
  validation: letterValidationSchema,
});
export type ApplicationView = z.infer<typeof applicationViewSchema>;

export const applyingSettingsSchema = z.object({
  /** Applications a day at most (hh.ru's own limit is about 200 in 24 hours). */
  dailyCap: z.number().int().min(1, 'At least one application a day').max(200, 'hh.ru allows about 200 in 24 hours'),
});

export const applyingStatusSchema = z.object({
  settings: applyingSettingsSchema,
  sentLast24h: z.number().int(),
  remaining: z.number().int(),
  /** When the next slot frees up, if none is left. */
  nextSlotAt: z.string().nullable(),
});

export const chatViewSchema = chatSchema.extend({ vacancyTitle: z.string().nullable(), employer: z.string().nullable(), lastText: z.string().nullable() });

/** The work itself: saved searches, found vacancies, letters and applications, employer chats. */
export const workChannels = {
  'searches.list': { input: none, output: z.array(savedSearchSchema) },
  'searches.save': { input: z.object({ id: id.optional(), search: savedSearchInputSchema }).strict(), output: z.array(savedSearchSchema) },
  'searches.delete': { input: z.object({ id }).strict(), output: z.array(savedSearchSchema) },
  /** Runs one saved search now: hh.ru is asked, new vacancies are stored. */
  'searches.run': {
    input: z.object({ id }).strict(),
    output: z.object({ found: z.number().int(), added: z.number().int(), updated: z.number().int() }),
  },

  'vacancies.list': {
    input: z.object({ ...paging, statuses: z.array(vacancyStatusSchema).max(10).default([]), query: z.string().trim().max(200).default('') }).strict(),
    output: pageSchema(vacancySummarySchema),
  },
  'vacancies.get': { input: z.object({ id }).strict(), output: vacancySchema },
  'vacancies.setStatus': { input: z.object({ id, status: z.enum(['ignored', 'found']) }).strict(), output: vacancySummarySchema },

  /** A letter for a vacancy, written now (AI or template) and kept as a draft. */
  'letters.draft': { input: z.object({ vacancyId: id, resumeHhId: z.string().max(100).nullable().default(null) }).strict(), output: applicationViewSchema },
  'letters.list': {
    input: z.object({ ...paging, states: z.array(z.enum(['draft', 'approved', 'sending', 'sent', 'failed'])).max(5).default([]) }).strict(),
    output: pageSchema(applicationViewSchema),
  },
  'letters.update': { input: z.object({ applicationId: id, letter: z.string().max(20_000) }).strict(), output: applicationViewSchema },
  /** Sends one letter now; invalid letters are refused with the reasons, never sent. */
  'letters.send': { input: z.object({ applicationId: id }).strict(), output: applicationViewSchema },
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
  'applying.setSettings': { input: applyingSettingsSchema.strict(), output: applyingStatusSchema },

  /** Reads responses and chats from hh.ru into the app. */
  'chats.sync': { input: none, output: z.object({ chats: z.number().int(), newMessages: z.number().int() }) },
  'chats.list': { input: z.object({ ...paging }).strict(), output: pageSchema(chatViewSchema) },
  'chats.messages': { input: z.object({ chatId: id }).strict(), output: z.array(chatMessageSchema) },
  /** A reply drafted by the AI for the last employer message. Never sent by itself: the user sends it. */
  'chats.draftReply': {
    input: z.object({ chatId: id }).strict(),
    output: z.object({
      text: z.string(),
      kind: z.enum(['bot', 'human', 'rejection', 'invitation']),
      reason: z.string(),
      mustBeOneOf: z.array(z.string()).optional(),
      note: z.string().optional(),
    }),
  },
  'chats.send': { input: z.object({ chatId: id, text: z.string().trim().min(1, 'Write a message first').max(4_000) }).strict(), output: z.array(chatMessageSchema) },
} as const satisfies ChannelSpecs;

import { z } from 'zod';
import { chatMessageSchema, chatSchema } from '../../domain/chat';
import { id, none, pageSchema, paging, type ChannelSpecs } from './spec';

export const chatViewSchema = chatSchema.extend({
  vacancyTitle: z.string().nullable(),
  employer: z.string().nullable(),
  lastText: z.string().nullable(),
});

/** Responses and employer chats: read from hh.ru, answered by the user (with an AI draft on request). */
export const chatsChannels = {
  /**
   * Reads what changed on hh.ru into the app: chats with news, new messages from the employer's side
   * (never the user's own), those of them a person wrote, and chats that became invitations.
   */
  'chats.sync': {
    input: none,
    output: z.object({
      chats: z.number().int(),
      newMessages: z.number().int(),
      newHumanMessages: z.number().int(),
      invitations: z.number().int(),
    }),
  },
  /** `unreadOnly`: the chats with something unread (the sidebar's badge counts them). */
  'chats.list': { input: z.object({ ...paging, unreadOnly: z.boolean().optional() }).strict(), output: pageSchema(chatViewSchema) },
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
  'chats.send': {
    input: z.object({ chatId: id, text: z.string().trim().min(1, 'Write a message first').max(4_000) }).strict(),
    output: z.array(chatMessageSchema),
  },
} as const satisfies ChannelSpecs;

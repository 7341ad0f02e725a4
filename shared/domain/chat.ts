import { z } from 'zod';
import { isoTimeSchema } from './time';

/** What the employer's latest message is: a bot, a person, a rejection, an invitation; unknown until they write. */
export const chatKinds = ['bot', 'human', 'rejection', 'invitation', 'unknown'] as const;
export const chatKindSchema = z.enum(chatKinds);
export type ChatKind = z.infer<typeof chatKindSchema>;

export const messageAuthors = ['employer', 'me', 'bot'] as const;
export const messageAuthorSchema = z.enum(messageAuthors);
export type MessageAuthor = z.infer<typeof messageAuthorSchema>;

/** One conversation with an employer on hh.ru, known by its negotiation, its chat, or both. */
export const chatSchema = z.object({
  id: z.number().int(),
  hhNegotiationId: z.string().nullable(),
  hhChatId: z.string().nullable(),
  vacancyId: z.number().int().nullable(),
  /** hh.ru's negotiation state (response, invitation, discard...), as hh.ru names it. */
  state: z.string().nullable(),
  kind: chatKindSchema,
  /** Messages from the other side the user has not read yet. */
  unread: z.number().int().min(0),
  lastMessageAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type Chat = z.infer<typeof chatSchema>;

/**
 * What a sync knows about a chat. Fields left out keep what is stored, so a pass that only sees the
 * negotiation list does not wipe what the chat pass learned (the bot/human verdict above all).
 */
export const chatUpsertSchema = z
  .object({
    hhNegotiationId: z.string().min(1).nullable().optional(),
    hhChatId: z.string().min(1).nullable().optional(),
    vacancyId: z.number().int().nullable().optional(),
    state: z.string().nullable().optional(),
    kind: chatKindSchema.optional(),
    unread: z.number().int().min(0).optional(),
    lastMessageAt: isoTimeSchema.nullable().optional(),
    /** hh.ru's updated_at of the negotiation whose messages are all stored: the next sync skips it while it stays the same. */
    hhUpdatedAt: z.string().min(1).nullable().optional(),
  })
  .refine((chat) => Boolean(chat.hhNegotiationId || chat.hhChatId), {
    message: 'A chat needs an hh.ru negotiation id or chat id',
    path: ['hhNegotiationId'],
  });
export type ChatUpsert = z.input<typeof chatUpsertSchema>;

export const chatMessageSchema = z.object({
  id: z.number().int(),
  chatId: z.number().int(),
  /** Null for a message that exists only here so far (a reply not yet sent). */
  hhMessageId: z.string().nullable(),
  author: messageAuthorSchema,
  text: z.string(),
  /** Quick answers an employer's bot offers. */
  buttons: z.array(z.string()),
  createdAt: z.string(),
  read: z.boolean(),
  /** A reply prepared for the user to approve; never sent by being stored here. */
  draftReply: z.string().nullable(),
});
export type ChatMessage = z.infer<typeof chatMessageSchema>;

export const newChatMessageSchema = z.object({
  hhMessageId: z.string().min(1).nullable(),
  author: messageAuthorSchema,
  text: z.string(),
  buttons: z.array(z.string()).default([]),
  createdAt: isoTimeSchema,
  /** Left out: the user's own messages count as read, everything else as unread. */
  read: z.boolean().optional(),
});
export type NewChatMessage = z.input<typeof newChatMessageSchema>;

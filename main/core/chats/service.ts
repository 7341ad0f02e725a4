import { randomUUID } from 'node:crypto';
import { draftReply } from './replies';
import type { TextProvider } from '../ai/provider';
import type { Repositories } from '../db/repositories';
import { resumeForAi } from '../resumes/for-ai';
import { AppError } from '../errors';
import { LOCAL_PREFIX } from '../db/repositories/chats';
import type { HhGateway } from '../hh/gateway';
import type { Clock } from '../ports';
import { syncChats, type ChatSyncResult } from './sync';

/** Responses and employer chats: read from hh.ru into the app, and the user's replies sent back. */
export class ChatService {
  /** A message being sent keeps its key across retries, so hh.ru never shows it twice. */
  readonly #pendingKeys = new Map<string, string>();

  constructor(private readonly deps: { repositories: Repositories; gateway: HhGateway; clock: Clock }) {}

  #syncing?: Promise<ChatSyncResult>;

  /**
   * Reads what is new on hh.ru (see syncChats). A sync asked for while one runs (the user's refresh
   * during a scheduled one) gets that one's answer instead of reading everything twice.
   */
  sync(provider: TextProvider, signal?: AbortSignal): Promise<ChatSyncResult> {
    this.#syncing ??= syncChats({ ...this.deps, provider, signal }).finally(() => {
      this.#syncing = undefined;
    });
    return this.#syncing;
  }

  async list(options: { limit: number; offset: number; unreadOnly?: boolean }) {
    const { repositories } = this.deps;
    const page = await repositories.chats.list(options);
    const items = await Promise.all(
      page.items.map(async (chat) => {
        const vacancy = chat.vacancyId ? await repositories.vacancies.get(chat.vacancyId) : undefined;
        const messages = await repositories.chats.listMessages(chat.id);
        return {
          ...chat,
          vacancyTitle: vacancy?.title ?? null,
          employer: vacancy?.employer.name ?? null,
          lastText: messages.at(-1)?.text ?? null,
        };
      }),
    );
    return { ...page, items };
  }

  async messages(chatId: number) {
    await this.deps.repositories.chats.markRead(chatId);
    return this.deps.repositories.chats.listMessages(chatId);
  }

  /**
   * The AI's draft answer to the last employer message, grounded in the resume and profile. Drafts
   * are shown to the user; nothing here sends them.
   */
  async draftReply(chatId: number, provider: TextProvider) {
    const { repositories } = this.deps;
    const chat = await repositories.chats.get(chatId);
    if (!chat) throw AppError.of('not_found', 'This chat is no longer in the app.');
    const [messages, profile, resume, vacancy] = await Promise.all([
      repositories.chats.listMessages(chatId),
      repositories.profile.get(),
      resumeForAi(this.deps).then((forAi) => forAi.text),
      chat.vacancyId ? repositories.vacancies.get(chat.vacancyId) : Promise.resolve(undefined),
    ]);
    const draft = await draftReply({ provider, messages, resume, profile, vacancy: vacancy ?? null });
    return {
      text: draft.text,
      kind: draft.kind,
      reason: draft.classification.reason,
      ...(draft.mustBeOneOf && { mustBeOneOf: draft.mustBeOneOf }),
      ...(draft.note && { note: draft.note.message }),
    };
  }

  /**
   * After a sync: a reply draft for each chat where a person wrote (kept on their message for the
   * user to approve; never sent), and, where the user allowed it, a bot questionnaire answered with
   * one of the bot's own buttons. At most `max` chats per call: the AI costs money and time.
   */
  async prepareReplies(
    chatIds: { human: number[]; bot: number[] },
    provider: TextProvider,
    options: { answerBots: boolean; max?: number; signal?: AbortSignal },
  ) {
    const { repositories } = this.deps;
    const done = { drafted: 0, answered: 0 };
    const queue = [...chatIds.human, ...chatIds.bot].slice(0, options.max ?? 10);
    for (const chatId of queue) {
      options.signal?.throwIfAborted();
      const messages = await repositories.chats.listMessages(chatId);
      const target = messages.findLast((message) => message.author !== 'me');
      // Answered already, or a draft waits for the user: nothing to prepare.
      if (!target || messages.at(-1)?.author === 'me' || target.draftReply) continue;
      const chat = await repositories.chats.get(chatId);
      const [profile, resume, vacancy] = await Promise.all([
        repositories.profile.get(),
        resumeForAi(this.deps).then((forAi) => forAi.text),
        chat?.vacancyId ? repositories.vacancies.get(chat.vacancyId) : Promise.resolve(undefined),
      ]);
      const draft = await draftReply({ provider, messages, resume, profile, vacancy: vacancy ?? null, signal: options.signal });
      if (draft.autoSendAllowed && options.answerBots && draft.text) {
        await this.send(chatId, draft.text);
        await repositories.auditLog.append({ action: 'chat.bot.answered', target: `chat ${chatId}`, outcome: 'ok', details: draft.text });
        done.answered += 1;
      } else if (draft.text && draft.problems.length === 0) {
        await repositories.chats.setDraftReply(target.id, draft.text);
        done.drafted += 1;
      }
    }
    return done;
  }

  async send(chatId: number, text: string) {
    const { repositories, gateway } = this.deps;
    const chat = await repositories.chats.get(chatId);
    if (!chat?.hhNegotiationId)
      throw AppError.of('not_found', 'This chat is not linked to a response on hh.ru, so there is nowhere to send the message.');
    const pendingKey = `${chatId}:${text}`;
    const idempotencyKey = this.#pendingKeys.get(pendingKey) ?? randomUUID();
    this.#pendingKeys.set(pendingKey, idempotencyKey);
    try {
      await gateway.sendMessage({ negotiationId: chat.hhNegotiationId, text, idempotencyKey });
    } catch (err) {
      await repositories.auditLog.append({
        action: 'chat.message.sent',
        target: `negotiation ${chat.hhNegotiationId}`,
        outcome: 'failed',
        details: err instanceof Error ? err.message : String(err),
      });
      throw err;
    }
    this.#pendingKeys.delete(pendingKey);
    await repositories.chats.addMessages(chatId, [
      { hhMessageId: `${LOCAL_PREFIX}${idempotencyKey}`, author: 'me', text, createdAt: this.deps.clock.now().toISOString() },
    ]);
    await repositories.auditLog.append({
      action: 'chat.message.sent',
      target: `negotiation ${chat.hhNegotiationId}`,
      outcome: 'ok',
      details: '',
    });
    return repositories.chats.listMessages(chatId);
  }
}

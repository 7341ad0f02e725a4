import { z } from 'zod';
import type { ChatKind, Negotiation, NegotiationMessage, VacancyStatus } from '../../../shared/domain';
import type { TextProvider } from '../ai/provider';
import type { Repositories } from '../db/repositories';
import { HhError } from '../hh/errors';
import type { HhGateway } from '../hh/gateway';
import type { Clock } from '../ports';
import { classifyMessage, type Classification, type IncomingMessage } from './replies';

/** hh.ru's negotiation states, as the app's vacancy statuses. */
export const STATUS_OF_STATE: Record<string, VacancyStatus> = {
  invitation: 'invited',
  interview: 'invited',
  offer: 'invited',
  hired: 'invited',
  discard: 'rejected',
  discard_by_employer: 'rejected',
  viewed: 'viewed',
};

/** At most this many pages of responses per sync (100 a page on the API: 5,000 responses). */
export const MAX_SYNC_PAGES = 50;

/**
 * hh.ru's update times have whole seconds, so a change in the same second as a read looks like
 * nothing changed. A response updated this recently is read again next time instead of being marked.
 */
const SETTLE_MS = 2 * 60_000;

/** Set when a sync read every page it meant to: only then may the next one stop at a page with nothing new. */
const COMPLETE_KEY = 'chats.sync.complete';
const completeSchema = z.object({ at: z.string() });

export interface ChatSyncResult {
  /** Responses with something new since the last sync (read in full this time). */
  chats: number;
  /** New messages from the employer's side (people and bots); never the user's own. */
  newMessages: number;
  /** Of those, messages in chats where a person writes. */
  newHumanMessages: number;
  /** Chats that became an invitation at this sync. */
  invitations: number;
  /** Chats with new messages a person wrote, for a notification. */
  humanChatIds: number[];
  /** Chats that became an invitation (hh.ru's state or the employer's words). */
  invitationChatIds: number[];
  /** Chats where an employer's bot asked something new (it may be answered with one of its buttons). */
  botChatIds: number[];
  /** Pages of responses read. */
  pages: number;
}

export interface ChatSyncDeps {
  repositories: Repositories;
  gateway: HhGateway;
  clock: Clock;
  /** Asked only when the rules cannot tell what a new message is; the template provider is never asked. */
  provider: TextProvider;
  signal?: AbortSignal;
  maxPages?: number;
}

/**
 * Reads what changed on hh.ru into the app: every page of responses (newest change first) until a
 * page holds nothing new since the last complete sync, or the last page, or MAX_SYNC_PAGES. For each
 * changed response: the vacancy's status, the messages (with their buttons), and the chat's kind from
 * its newest employer message. No scheduling here: "Refresh" and a future scheduler both call this.
 *
 * Relies on hh.ru listing responses by their last change, newest first (the API is asked so; the
 * website's responses list is in that order), and on a response's update time moving with every
 * message and state change.
 */
export async function syncChats(deps: ChatSyncDeps): Promise<ChatSyncResult> {
  const { repositories, gateway, signal } = deps;
  const maxPages = deps.maxPages ?? MAX_SYNC_PAGES;
  const mayStopEarly = (await repositories.appSettings.get(COMPLETE_KEY, completeSchema)) !== undefined;
  // A sync cut short (a failure, the app closing) leaves later pages unread; the next one must read them all.
  if (mayStopEarly) await repositories.appSettings.delete(COMPLETE_KEY);

  const result: ChatSyncResult = {
    chats: 0,
    newMessages: 0,
    newHumanMessages: 0,
    invitations: 0,
    humanChatIds: [],
    invitationChatIds: [],
    botChatIds: [],
    pages: 0,
  };
  const invited = new Set<number>();
  for (let page = 0, pages = 1; page < Math.min(pages, maxPages); page += 1) {
    signal?.throwIfAborted();
    const { items, pages: total } = await gateway.negotiations(page, signal);
    pages = total;
    result.pages += 1;
    if (items.length === 0) break;
    const marks = await repositories.chats.syncMarks(items.map((n) => n.id));
    let changed = 0;
    for (const negotiation of items) {
      const mark = marks.get(negotiation.id);
      const statusChanged = await syncStatus(repositories, negotiation);
      if (mark && negotiation.updatedAt !== null && mark.hhUpdatedAt === negotiation.updatedAt && mark.state === negotiation.state) {
        if (statusChanged) changed += 1;
        continue;
      }
      changed += 1;
      const news = await syncNegotiation(deps, negotiation, mark?.state ?? null);
      result.chats += 1;
      result.newMessages += news.newMessages;
      if (news.kind === 'human' && news.newMessages > 0) {
        result.newHumanMessages += news.newMessages;
        result.humanChatIds.push(news.chatId);
      }
      if (news.kind === 'bot' && news.newMessages > 0) result.botChatIds.push(news.chatId);
      if (news.invited) invited.add(news.chatId);
    }
    if (mayStopEarly && changed === 0) break;
  }
  result.invitationChatIds = [...invited];
  result.invitations = invited.size;
  await repositories.appSettings.set(COMPLETE_KEY, { at: deps.clock.now().toISOString() });
  await repositories.auditLog.append({
    action: 'hh.chats.read',
    target: 'negotiations',
    outcome: 'ok',
    details: `${result.pages} pages, ${result.chats} chats with news, ${result.newMessages} new messages (${result.newHumanMessages} from people), ${result.invitations} invitations`,
  });
  return result;
}

/** Moves the vacancy to the status hh.ru's state means; true when it moved. */
async function syncStatus(repositories: Repositories, negotiation: Negotiation): Promise<boolean> {
  if (!negotiation.vacancyId) return false;
  const vacancy = await repositories.vacancies.getByHhId(negotiation.vacancyId);
  const status = STATUS_OF_STATE[negotiation.state] ?? (negotiation.viewedByOpponent ? 'viewed' : undefined);
  if (!vacancy || !status || vacancy.status === status) return false;
  await repositories.vacancies.setStatus(vacancy.id, status);
  return true;
}

async function syncNegotiation(
  deps: ChatSyncDeps,
  negotiation: Negotiation,
  previousState: string | null,
): Promise<{ chatId: number; newMessages: number; kind: ChatKind | undefined; invited: boolean }> {
  const { repositories, gateway, clock, signal } = deps;
  const messages = await readMessages(gateway, negotiation.id, signal);
  const vacancy = negotiation.vacancyId
    ? ((await repositories.vacancies.getByHhId(negotiation.vacancyId)) ?? (await vacancyOfOutsideResponse(deps, negotiation)))
    : undefined;
  const chat = await repositories.chats.upsertChat({
    hhNegotiationId: negotiation.id,
    vacancyId: vacancy?.id ?? null,
    state: negotiation.state,
    lastMessageAt: negotiation.updatedAt,
  });
  const now = clock.now().toISOString();
  const { fresh } = await repositories.chats.addMessages(
    chat.id,
    (messages ?? []).map((m) => ({ hhMessageId: m.id, author: m.author, text: m.text, buttons: m.buttons, createdAt: m.createdAt ?? now })),
  );
  const fromThem = fresh.filter((m) => m.author !== 'me');
  const target = fromThem.findLast((m) => m.text.trim());
  const list = messages ?? [];
  const earlier = target
    ? list.slice(
        0,
        Math.max(
          0,
          list.findIndex((m) => m.id === target.hhMessageId),
        ),
      )
    : [];
  const classification = target ? await classify(deps, target, earlier) : undefined;
  const settled = negotiation.updatedAt !== null && Date.parse(negotiation.updatedAt) <= clock.now().getTime() - SETTLE_MS;
  if (classification || settled) {
    await repositories.chats.upsertChat({
      hhNegotiationId: negotiation.id,
      ...(classification && { kind: classification.kind }),
      // Marked only once its messages are stored: a read that fails throws before this, so the next sync tries again.
      ...(settled && { hhUpdatedAt: negotiation.updatedAt }),
    });
  }
  const invitedNow =
    STATUS_OF_STATE[negotiation.state] === 'invited' && (previousState === null || STATUS_OF_STATE[previousState] !== 'invited');
  return {
    chatId: chat.id,
    newMessages: fromThem.length,
    kind: classification?.kind,
    invited: invitedNow || classification?.kind === 'invitation',
  };
}

/**
 * A response the user made outside the app (in a browser, another tool): its vacancy is read from
 * hh.ru once and kept, so the chat has its title and employer and the vacancy is never applied to
 * again. A vacancy hh.ru no longer shows leaves the chat without one; a captcha or an ended session stops the sync.
 */
async function vacancyOfOutsideResponse(deps: ChatSyncDeps, negotiation: Negotiation) {
  try {
    await deps.repositories.vacancies.upsertMany([await deps.gateway.vacancy(negotiation.vacancyId!, deps.signal)]);
  } catch (err) {
    if (err instanceof HhError && (err.code === 'hh_vacancy_gone' || err.code === 'not_found')) return undefined;
    throw err;
  }
  const stored = await deps.repositories.vacancies.getByHhId(negotiation.vacancyId!);
  if (stored) await deps.repositories.vacancies.setStatus(stored.id, STATUS_OF_STATE[negotiation.state] ?? 'applied');
  return stored && (await deps.repositories.vacancies.get(stored.id));
}

/** The messages, or undefined when hh.ru has no chat for this response (deleted): its state still counts. */
async function readMessages(gateway: HhGateway, negotiationId: string, signal?: AbortSignal): Promise<NegotiationMessage[] | undefined> {
  try {
    return await gateway.messages(negotiationId, signal);
  } catch (err) {
    if (err instanceof HhError && err.code === 'not_found') return undefined;
    throw err;
  }
}

/** Rules first; the AI only when they cannot tell and one is set up; a person when neither can say. */
async function classify(deps: ChatSyncDeps, message: IncomingMessage, earlier: NegotiationMessage[]): Promise<Classification> {
  try {
    return (await classifyMessage({ provider: deps.provider, message, history: earlier, signal: deps.signal })).classification;
  } catch (err) {
    deps.signal?.throwIfAborted();
    // An AI that fails must not stop the sync; "human" is the safe answer: a person is never answered by itself.
    return {
      kind: 'human',
      confidence: 0,
      reason: `The AI could not classify the message: ${err instanceof Error ? err.message : String(err)}`,
      source: 'fallback',
    };
  }
}

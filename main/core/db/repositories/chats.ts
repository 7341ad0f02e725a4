import {
  chatUpsertSchema,
  newChatMessageSchema,
  type Chat,
  type ChatKind,
  type ChatMessage,
  type ChatUpsert,
  type MessageAuthor,
  type NewChatMessage,
  type Page,
} from '../../../../shared/domain';
import type { Clock } from '../../ports';
import type { DatabaseClient, Row, Statement } from '../client';
import { bool, flag, int, json, text } from './rows';

const toChat = (row: Row): Chat => ({
  id: Number(row.id),
  hhNegotiationId: text(row.hh_negotiation_id),
  hhChatId: text(row.hh_chat_id),
  vacancyId: int(row.vacancy_id),
  state: text(row.state),
  kind: (text(row.kind) ?? 'unknown') as ChatKind,
  unread: int(row.unread) ?? 0,
  lastMessageAt: text(row.last_message_at),
  updatedAt: String(row.updated_at),
});

const toMessage = (row: Row): ChatMessage => ({
  id: Number(row.id),
  chatId: Number(row.chat_id),
  hhMessageId: text(row.hh_message_id),
  author: row.author as MessageAuthor,
  text: String(row.text),
  buttons: json<string[]>(row.buttons_json, []),
  createdAt: String(row.created_at),
  read: bool(row.read),
  draftReply: text(row.draft_reply),
});

const MATCH = 'hh_negotiation_id = $nid OR hh_chat_id = $cid';

// When the negotiation and the chat were first seen apart, they became two rows; once one sync
// names both ids, the chat-only ("loose") row folds into the negotiation's row: its messages move
// (a message both rows hold stays once), what it knew fills the gaps, and it goes away.
const LOOSE = 'hh_chat_id = $cid AND hh_negotiation_id IS NULL';
const MERGE_GUARD = `hh_negotiation_id = $nid AND EXISTS (SELECT 1 FROM chats WHERE ${LOOSE})`;
const MERGE_MESSAGES = `UPDATE OR IGNORE messages SET chat_id = (SELECT id FROM chats WHERE hh_negotiation_id = $nid)
  WHERE chat_id = (SELECT id FROM chats WHERE ${LOOSE}) AND EXISTS (SELECT 1 FROM chats WHERE hh_negotiation_id = $nid)`;
const MERGE_FACTS = `UPDATE chats SET
  vacancy_id = coalesce(vacancy_id, (SELECT vacancy_id FROM chats WHERE ${LOOSE})),
  state = coalesce(state, (SELECT state FROM chats WHERE ${LOOSE})),
  kind = CASE WHEN kind = 'unknown' THEN (SELECT kind FROM chats WHERE ${LOOSE}) ELSE kind END,
  unread = CASE WHEN EXISTS (SELECT 1 FROM messages WHERE chat_id = chats.id)
    THEN (SELECT count(*) FROM messages WHERE chat_id = chats.id AND read = 0 AND author <> 'me')
    ELSE max(unread, (SELECT unread FROM chats WHERE ${LOOSE})) END,
  last_message_at = (SELECT max(v) FROM (SELECT last_message_at AS v FROM chats WHERE hh_negotiation_id = $nid OR (${LOOSE})
    UNION ALL SELECT created_at FROM messages WHERE chat_id = (SELECT id FROM chats WHERE hh_negotiation_id = $nid)))
  WHERE ${MERGE_GUARD}`;
const DROP_MERGED = `DELETE FROM chats WHERE ${LOOSE} AND EXISTS (SELECT 1 FROM chats WHERE hh_negotiation_id = $nid)`;
const INSERT_CHAT = `INSERT INTO chats (hh_negotiation_id, hh_chat_id, vacancy_id, state, kind, unread, last_message_at, updated_at, hh_updated_at)
  VALUES ($nid, $cid, $vacancy, $state, coalesce($kind, 'unknown'), coalesce($unread, 0), $last, $now, $mark)
  ON CONFLICT DO NOTHING`;
const UPDATE_CHAT = `UPDATE chats SET hh_negotiation_id = coalesce($nid, hh_negotiation_id), hh_chat_id = coalesce($cid, hh_chat_id),
  vacancy_id = coalesce($vacancy, vacancy_id), state = coalesce($state, state), kind = coalesce($kind, kind),
  unread = coalesce($unread, unread), hh_updated_at = coalesce($mark, hh_updated_at),
  last_message_at = max(coalesce($last, last_message_at), coalesce(last_message_at, $last)), updated_at = $now
  WHERE ${MATCH}`;

const UPSERT_MESSAGE = `INSERT INTO messages (chat_id, hh_message_id, author, text, buttons_json, created_at, read)
  VALUES ($chat, $hid, $author, $text, $buttons, $created, $read)
  ON CONFLICT(chat_id, hh_message_id) DO UPDATE SET text = excluded.text, buttons_json = excluded.buttons_json,
    read = max(read, excluded.read)`;

// The chat row carries its unread count and newest time so the list needs no join over messages.
const REFRESH_CHAT = `UPDATE chats SET
  unread = (SELECT count(*) FROM messages WHERE chat_id = $chat AND read = 0 AND author <> 'me'),
  last_message_at = (SELECT max(v) FROM (SELECT last_message_at AS v FROM chats WHERE id = $chat
    UNION ALL SELECT max(created_at) FROM messages WHERE chat_id = $chat)),
  updated_at = $now
  WHERE id = $chat`;

type ParsedMessage = ReturnType<typeof newChatMessageSchema.parse>;

/** Messages the app sent, before hh.ru lists them with its own id. */
export const LOCAL_PREFIX = 'local-';

export class ChatRepository {
  constructor(
    private readonly db: DatabaseClient,
    private readonly clock: Clock,
  ) {}

  /**
   * Creates or updates the chat known by either hh.ru id. `unread` is hh.ru's counter, for chats whose
   * messages are not fetched yet; addMessages and markRead recount it from the stored messages.
   * Throws if the two ids already belong to two different negotiations: hh.ru never does that, so it
   * is a sync bug and must not be papered over.
   */
  async upsertChat(input: ChatUpsert): Promise<Chat> {
    const chat = chatUpsertSchema.parse(input);
    const params = {
      $nid: chat.hhNegotiationId ?? null,
      $cid: chat.hhChatId ?? null,
      $vacancy: chat.vacancyId ?? null,
      $state: chat.state ?? null,
      $kind: chat.kind ?? null,
      $unread: chat.unread ?? null,
      $last: chat.lastMessageAt ?? null,
      $mark: chat.hhUpdatedAt ?? null,
      $now: this.clock.now().toISOString(),
    };
    const statements: Statement[] = [];
    if (params.$nid && params.$cid)
      statements.push({ sql: MERGE_MESSAGES, params }, { sql: MERGE_FACTS, params }, { sql: DROP_MERGED, params });
    statements.push({ sql: INSERT_CHAT, params }, { sql: UPDATE_CHAT, params });
    await this.db.batch(statements);
    return (await this.findByHhIds({ hhNegotiationId: params.$nid, hhChatId: params.$cid }))!;
  }

  async get(id: number): Promise<Chat | undefined> {
    const row = await this.db.get('SELECT * FROM chats WHERE id = ?', [id]);
    return row ? toChat(row) : undefined;
  }

  async findByHhIds(ids: { hhNegotiationId?: string | null; hhChatId?: string | null }): Promise<Chat | undefined> {
    const row = await this.db.get(`SELECT * FROM chats WHERE ${MATCH} ORDER BY hh_negotiation_id = $nid DESC LIMIT 1`, {
      $nid: ids.hhNegotiationId ?? null,
      $cid: ids.hhChatId ?? null,
    });
    return row ? toChat(row) : undefined;
  }

  /**
   * What the last sync stored of each negotiation: its state and the hh.ru update whose messages
   * are all here (null when none is). Negotiations the app has never seen are absent.
   */
  async syncMarks(hhNegotiationIds: string[]): Promise<Map<string, { chatId: number; state: string | null; hhUpdatedAt: string | null }>> {
    const marks = new Map<string, { chatId: number; state: string | null; hhUpdatedAt: string | null }>();
    if (hhNegotiationIds.length === 0) return marks;
    const rows = await this.db.all(
      `SELECT id, hh_negotiation_id, state, hh_updated_at FROM chats WHERE hh_negotiation_id IN (${hhNegotiationIds.map(() => '?').join(',')})`,
      hhNegotiationIds,
    );
    for (const row of rows)
      marks.set(String(row.hh_negotiation_id), { chatId: Number(row.id), state: text(row.state), hhUpdatedAt: text(row.hh_updated_at) });
    return marks;
  }

  /** Most recent conversation first; chats with no messages yet go last. */
  async list(options: { limit: number; offset: number; unreadOnly?: boolean }): Promise<Page<Chat>> {
    const where = options.unreadOnly ? 'WHERE unread > 0' : '';
    const [rows, count] = await Promise.all([
      this.db.all(`SELECT * FROM chats ${where} ORDER BY last_message_at DESC NULLS LAST, id DESC LIMIT ? OFFSET ?`, [
        options.limit,
        options.offset,
      ]),
      this.db.get<{ n: number }>(`SELECT count(*) AS n FROM chats ${where}`),
    ]);
    return { items: rows.map(toChat), total: Number(count?.n ?? 0), limit: options.limit, offset: options.offset };
  }

  /**
   * Stores messages in one transaction. A message hh.ru sends again (same hh id in the same chat) is
   * updated, not duplicated, and once read it stays read. Returns how many were new, and the new
   * ones themselves (in the order given).
   */
  async addMessages(chatId: number, messages: NewChatMessage[]): Promise<{ added: number; updated: number; fresh: ParsedMessage[] }> {
    if (messages.length === 0) return { added: 0, updated: 0, fresh: [] };
    const parsed = messages.map((message) => newChatMessageSchema.parse(message));
    const hhIds = parsed.map((m) => m.hhMessageId).filter((id): id is string => id !== null);
    const known = new Set(
      hhIds.length === 0
        ? []
        : (
            await this.db.all<{ hh_message_id: string }>(
              `SELECT hh_message_id FROM messages WHERE chat_id = ? AND hh_message_id IN (${hhIds.map(() => '?').join(',')})`,
              [chatId, ...hhIds],
            )
          ).map((row) => row.hh_message_id),
    );
    const now = this.clock.now().toISOString();
    // A reply the app sent is kept under a provisional 'local-' id until hh.ru lists it; then hh.ru's copy replaces it.
    const confirmed = parsed.filter((m) => m.author === 'me' && m.hhMessageId !== null && !m.hhMessageId.startsWith(LOCAL_PREFIX));
    await this.db.batch([
      ...confirmed.map((m) => ({
        sql: `DELETE FROM messages WHERE chat_id = ? AND author = 'me' AND hh_message_id LIKE '${LOCAL_PREFIX}%' AND text = ?`,
        params: [chatId, m.text],
      })),
      ...parsed.map((m) => ({
        sql: UPSERT_MESSAGE,
        params: {
          $chat: chatId,
          $hid: m.hhMessageId,
          $author: m.author,
          $text: m.text,
          $buttons: JSON.stringify(m.buttons),
          $created: m.createdAt,
          $read: flag(m.read ?? m.author === 'me'),
        },
      })),
      { sql: REFRESH_CHAT, params: { $chat: chatId, $now: now } },
    ]);
    const fresh: ParsedMessage[] = [];
    for (const message of parsed) {
      if (message.hhMessageId !== null && known.has(message.hhMessageId)) continue;
      fresh.push(message);
      if (message.hhMessageId !== null) known.add(message.hhMessageId);
    }
    return { added: fresh.length, updated: parsed.length - fresh.length, fresh };
  }

  /** Oldest first, as a conversation reads. */
  async listMessages(chatId: number): Promise<ChatMessage[]> {
    return (await this.db.all('SELECT * FROM messages WHERE chat_id = ? ORDER BY created_at, id', [chatId])).map(toMessage);
  }

  /** Returns how many messages were unread. */
  async markRead(chatId: number): Promise<number> {
    const [marked] = await this.db.batch([
      { sql: 'UPDATE messages SET read = 1 WHERE chat_id = ? AND read = 0', params: [chatId] },
      { sql: REFRESH_CHAT, params: { $chat: chatId, $now: this.clock.now().toISOString() } },
    ]);
    return marked?.changes ?? 0;
  }

  async setDraftReply(messageId: number, draft: string | null): Promise<boolean> {
    return (await this.db.run('UPDATE messages SET draft_reply = ? WHERE id = ?', [draft, messageId])).changes > 0;
  }
}

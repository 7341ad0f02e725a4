/**
 * Migration 5 rebuilds chats and messages (SQLite cannot widen a CHECK): the user's conversations,
 * buttons and read marks survive, messages still belong to their chats, and the new kinds fit.
 */
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { databaseAtVersion, exportTo } from '../../support/db-helpers';
import { dbSandbox } from '../../support/db-sandbox';

const sandbox = dbSandbox();

it('a version 4 database keeps its chats and messages, and takes the new kinds', async () => {
  const dir = await sandbox.dataDir();
  const old = await databaseAtVersion(4);
  old.exec(`
INSERT INTO chats (id, hh_negotiation_id, hh_chat_id, state, kind, unread, last_message_at, updated_at)
  VALUES (7, 'n-7', 'c-7', 'invitation', 'bot', 1, '2025-03-14T08:00:00.000Z', '2025-03-14T08:00:00.000Z'),
         (9, 'n-9', NULL, 'response', NULL, 0, NULL, '2025-03-14T08:00:00.000Z');
INSERT INTO messages (id, chat_id, hh_message_id, author, text, buttons_json, created_at, read, draft_reply)
  VALUES (3, 7, 'm-3', 'me', 'Здравствуйте!', '[]', '2025-03-14T07:00:00.000Z', 1, NULL),
         (4, 7, 'm-4', 'bot', 'Готовы к переезду?', '["Да","Нет"]', '2025-03-14T08:00:00.000Z', 0, 'Да');
`);
  await exportTo(old, join(dir, 'app.sqlite'));
  old.close();

  const { db } = await sandbox.open(dir);
  expect(await db.all('SELECT id, hh_negotiation_id, hh_chat_id, state, kind, unread, hh_updated_at FROM chats ORDER BY id')).toEqual([
    { id: 7, hh_negotiation_id: 'n-7', hh_chat_id: 'c-7', state: 'invitation', kind: 'bot', unread: 1, hh_updated_at: null },
    { id: 9, hh_negotiation_id: 'n-9', hh_chat_id: null, state: 'response', kind: null, unread: 0, hh_updated_at: null },
  ]);
  expect(await db.all('SELECT id, chat_id, buttons_json, read, draft_reply FROM messages ORDER BY id')).toEqual([
    { id: 3, chat_id: 7, buttons_json: '[]', read: 1, draft_reply: null },
    { id: 4, chat_id: 7, buttons_json: '["Да","Нет"]', read: 0, draft_reply: 'Да' },
  ]);
  await db.run("UPDATE chats SET kind = 'invitation' WHERE id = 7");
  await db.run("UPDATE chats SET kind = 'rejection' WHERE id = 9");
  await expect(db.run("UPDATE chats SET kind = 'robot' WHERE id = 9")).rejects.toThrow(/CHECK/);
  // Messages still belong to their chat: they go with it, and cannot point at a chat that is not there.
  await expect(
    db.run("INSERT INTO messages (chat_id, author, text, created_at) VALUES (99, 'me', 'x', '2025-03-14T08:00:00.000Z')"),
  ).rejects.toThrow(/FOREIGN KEY/);
  await db.run('DELETE FROM chats WHERE id = 7');
  expect(await db.all('SELECT count(*) AS n FROM messages')).toEqual([{ n: 0 }]);
  expect(await db.all("SELECT name FROM sqlite_schema WHERE name LIKE '%_v5'")).toEqual([]);
  expect(await db.all("SELECT name FROM sqlite_schema WHERE type = 'index' AND name = 'messages_chat'")).toEqual([
    { name: 'messages_chat' },
  ]);
});

import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import type { NewChatMessage } from '../../../shared/domain';
import { sampleVacancy, useTestDatabase } from '../../support/db-fixture';

const employer = (hhMessageId: string, createdAt: string, text = 'Здравствуйте! Когда вам удобно созвониться?'): NewChatMessage => ({
  hhMessageId,
  author: 'employer',
  text,
  createdAt,
});

describe('ChatRepository', () => {
  const t = useTestDatabase();

  it("a reply sent from the app shows once: hh.ru's copy replaces the provisional one on the next sync", async () => {
    const { repos } = t();
    const chat = await repos.chats.upsertChat({ hhNegotiationId: 'n-1' });
    await repos.chats.addMessages(chat.id, [
      { hhMessageId: 'local-key-1', author: 'me', text: 'Спасибо, удобно завтра.', createdAt: '2026-11-22T10:00:00.000Z' },
    ]);
    await repos.chats.addMessages(chat.id, [
      { hhMessageId: 'm-1', author: 'employer', text: 'Когда удобно?', createdAt: '2026-11-22T09:00:00.000Z' },
      { hhMessageId: 'm-2', author: 'me', text: 'Спасибо, удобно завтра.', createdAt: '2026-11-22T10:00:01.000Z' },
    ]);
    const texts = (await repos.chats.listMessages(chat.id)).map((m) => `${m.author}:${m.text}`);
    expect(texts).toEqual(['employer:Когда удобно?', 'me:Спасибо, удобно завтра.']);
  });

  it('creates a chat by negotiation id with sensible defaults', async () => {
    const { repos, clock } = t();
    const facts = sampleVacancy();
    await repos.vacancies.upsertMany([facts]);
    const vacancyId = (await repos.vacancies.getByHhId(facts.hhId))!.id;
    const chat = await repos.chats.upsertChat({ hhNegotiationId: 'n-1', vacancyId, state: 'response' });
    expect(chat).toEqual({
      id: expect.any(Number),
      hhNegotiationId: 'n-1',
      hhChatId: null,
      vacancyId,
      state: 'response',
      kind: 'unknown',
      unread: 0,
      lastMessageAt: null,
      updatedAt: clock.now().toISOString(),
    });
    expect(await repos.chats.get(chat.id)).toEqual(chat);
    expect(await repos.chats.get(chat.id + 1)).toBeUndefined();
  });

  it('updates the same chat when found by either id, keeping the kind unless given', async () => {
    const { chats } = t().repos;
    const created = await chats.upsertChat({ hhNegotiationId: 'n-1', kind: 'bot' });
    const byNegotiation = await chats.upsertChat({ hhNegotiationId: 'n-1', hhChatId: 'c-1', state: 'invitation' });
    expect(byNegotiation).toMatchObject({ id: created.id, hhChatId: 'c-1', state: 'invitation', kind: 'bot' });
    const byChat = await chats.upsertChat({ hhChatId: 'c-1', kind: 'human' });
    expect(byChat).toMatchObject({ id: created.id, hhNegotiationId: 'n-1', state: 'invitation', kind: 'human' });
    expect((await chats.list({ limit: 10, offset: 0 })).total).toBe(1);
    expect(await chats.findByHhIds({ hhChatId: 'c-1' })).toEqual(byChat);
    expect(await chats.findByHhIds({ hhNegotiationId: 'n-2' })).toBeUndefined();
  });

  it('merges a chat first seen without its negotiation into the negotiation', async () => {
    const { chats } = t().repos;
    const negotiation = await chats.upsertChat({ hhNegotiationId: 'n-1', state: 'response' });
    const loose = await chats.upsertChat({ hhChatId: 'c-1', kind: 'bot' });
    await chats.addMessages(loose.id, [employer('m-1', '2025-03-14T08:00:00.000Z'), employer('m-2', '2025-03-14T08:05:00.000Z')]);
    await chats.addMessages(negotiation.id, [employer('m-2', '2025-03-14T08:05:00.000Z')]);

    const merged = await chats.upsertChat({ hhNegotiationId: 'n-1', hhChatId: 'c-1' });
    expect(merged).toMatchObject({
      id: negotiation.id,
      hhNegotiationId: 'n-1',
      hhChatId: 'c-1',
      state: 'response',
      kind: 'bot',
      unread: 2,
      lastMessageAt: '2025-03-14T08:05:00.000Z',
    });
    expect(await chats.get(loose.id)).toBeUndefined();
    expect((await chats.listMessages(negotiation.id)).map((m) => m.hhMessageId)).toEqual(['m-1', 'm-2']);
  });

  it('refuses ids that already belong to two different negotiations', async () => {
    const { chats } = t().repos;
    await chats.upsertChat({ hhNegotiationId: 'n-1' });
    await chats.upsertChat({ hhNegotiationId: 'n-2', hhChatId: 'c-2' });
    await expect(chats.upsertChat({ hhNegotiationId: 'n-1', hhChatId: 'c-2' })).rejects.toThrow(/UNIQUE/);
    expect(await chats.findByHhIds({ hhNegotiationId: 'n-1' })).toMatchObject({ hhChatId: null });
  });

  it('keeps the sync mark until a newer one is given, and reads the marks of many responses at once', async () => {
    const { chats } = t().repos;
    await chats.upsertChat({ hhNegotiationId: 'n-1', state: 'response', hhUpdatedAt: '2025-03-14T08:00:00+0300' });
    await chats.upsertChat({ hhNegotiationId: 'n-1', state: 'invitation', kind: 'invitation' });
    const second = await chats.upsertChat({ hhNegotiationId: 'n-2', kind: 'rejection' });
    const marks = await chats.syncMarks(['n-1', 'n-2', 'n-3']);
    expect(Object.fromEntries(marks)).toEqual({
      'n-1': { chatId: expect.any(Number), state: 'invitation', hhUpdatedAt: '2025-03-14T08:00:00+0300' },
      'n-2': { chatId: second.id, state: null, hhUpdatedAt: null },
    });
    expect((await chats.findByHhIds({ hhNegotiationId: 'n-1' }))?.kind).toBe('invitation');
    expect(await chats.syncMarks([])).toEqual(new Map());
  });

  it('needs at least one hh.ru id', async () => {
    await expect(t().repos.chats.upsertChat({ state: 'response' })).rejects.toBeInstanceOf(ZodError);
  });

  it('adds messages once: a message seen again is updated, not duplicated', async () => {
    const { chats } = t().repos;
    const chat = await chats.upsertChat({ hhChatId: 'c-1' });
    const first = [
      { hhMessageId: 'm-1', author: 'me' as const, text: 'Добрый день! Откликаюсь на вакансию.', createdAt: '2025-03-14T10:00:00+03:00' },
      { ...employer('m-2', '2025-03-14T11:00:00+0300', 'Выберите удобное время'), author: 'bot' as const, buttons: ['Сегодня', 'Завтра'] },
    ];
    expect(await chats.addMessages(chat.id, first)).toMatchObject({ added: 2, updated: 0 });
    const again = await chats.addMessages(chat.id, [{ ...first[1]!, buttons: [] }, employer('m-3', '2025-03-14T08:30:00Z')]);
    expect(again).toMatchObject({ added: 1, updated: 1 });
    expect(again.fresh.map((m) => m.hhMessageId)).toEqual(['m-3']);
    expect(await chats.addMessages(chat.id, [])).toMatchObject({ added: 0, updated: 0 });

    const messages = await chats.listMessages(chat.id);
    expect(messages.map((m) => m.hhMessageId)).toEqual(['m-1', 'm-2', 'm-3']);
    expect(messages[0]).toEqual({
      id: expect.any(Number),
      chatId: chat.id,
      hhMessageId: 'm-1',
      author: 'me',
      text: 'Добрый день! Откликаюсь на вакансию.',
      buttons: [],
      createdAt: '2025-03-14T07:00:00.000Z',
      read: true,
      draftReply: null,
    });
    expect(messages[1]).toMatchObject({ author: 'bot', buttons: [], read: false, createdAt: '2025-03-14T08:00:00.000Z' });
  });

  it('does not double-count a message listed twice in one call', async () => {
    const { chats } = t().repos;
    const chat = await chats.upsertChat({ hhChatId: 'c-1' });
    const message = employer('m-1', '2025-03-14T08:00:00Z');
    expect(await chats.addMessages(chat.id, [message, message])).toMatchObject({ added: 1, updated: 1 });
    expect(await chats.listMessages(chat.id)).toHaveLength(1);
  });

  it('keeps messages of different chats apart even with the same hh id', async () => {
    const { chats } = t().repos;
    const a = await chats.upsertChat({ hhChatId: 'c-1' });
    const b = await chats.upsertChat({ hhChatId: 'c-2' });
    await chats.addMessages(a.id, [employer('m-1', '2025-03-14T08:00:00Z')]);
    expect(await chats.addMessages(b.id, [employer('m-1', '2025-03-14T08:00:00Z')])).toMatchObject({ added: 1, updated: 0 });
  });

  it('refuses messages for a chat that does not exist', async () => {
    await expect(t().repos.chats.addMessages(999, [employer('m-1', '2025-03-14T08:00:00Z')])).rejects.toThrow(/FOREIGN KEY/);
  });

  it('refuses a time without a time zone', async () => {
    const { chats } = t().repos;
    const chat = await chats.upsertChat({ hhChatId: 'c-1' });
    await expect(chats.addMessages(chat.id, [employer('m-1', '2025-03-14 08:00')])).rejects.toBeInstanceOf(ZodError);
  });

  it('keeps the unread count and the last message time in step', async () => {
    const { repos, clock } = t();
    const chat = await repos.chats.upsertChat({ hhChatId: 'c-1', unread: 5 });
    expect(chat.unread).toBe(5);
    await repos.chats.addMessages(chat.id, [
      employer('m-1', '2025-03-14T08:00:00Z'),
      employer('m-2', '2025-03-14T08:10:00Z'),
      { hhMessageId: 'm-3', author: 'me', text: 'Спасибо!', createdAt: '2025-03-14T08:20:00Z' },
      { ...employer('m-0', '2025-03-13T08:00:00Z'), read: true },
    ]);
    expect(await repos.chats.get(chat.id)).toMatchObject({ unread: 2, lastMessageAt: '2025-03-14T08:20:00.000Z' });

    clock.advance(1000);
    expect(await repos.chats.markRead(chat.id)).toBe(2);
    expect(await repos.chats.get(chat.id)).toMatchObject({ unread: 0, updatedAt: clock.now().toISOString() });
    expect((await repos.chats.listMessages(chat.id)).every((m) => m.read)).toBe(true);
    expect(await repos.chats.markRead(chat.id)).toBe(0);

    // Read here stays read even if hh.ru still reports the message unread.
    await repos.chats.addMessages(chat.id, [employer('m-1', '2025-03-14T08:00:00Z')]);
    expect((await repos.chats.get(chat.id))?.unread).toBe(0);
    // An older hh.ru time does not move the last message back.
    expect(await repos.chats.upsertChat({ hhChatId: 'c-1', lastMessageAt: '2025-03-01T00:00:00Z' })).toMatchObject({
      lastMessageAt: '2025-03-14T08:20:00.000Z',
    });
  });

  it('lists the most recent conversations first, with paging and an unread filter', async () => {
    const { chats } = t().repos;
    const quiet = await chats.upsertChat({ hhNegotiationId: 'n-0' });
    const old = await chats.upsertChat({ hhNegotiationId: 'n-1' });
    const recent = await chats.upsertChat({ hhNegotiationId: 'n-2' });
    await chats.addMessages(old.id, [employer('m-1', '2025-03-10T08:00:00Z')]);
    await chats.addMessages(recent.id, [{ hhMessageId: 'm-2', author: 'me', text: 'Здравствуйте', createdAt: '2025-03-12T08:00:00Z' }]);

    const page = await chats.list({ limit: 2, offset: 0 });
    expect(page).toMatchObject({ total: 3, limit: 2, offset: 0 });
    expect(page.items.map((c) => c.id)).toEqual([recent.id, old.id]);
    expect((await chats.list({ limit: 2, offset: 2 })).items.map((c) => c.id)).toEqual([quiet.id]);

    const unread = await chats.list({ limit: 10, offset: 0, unreadOnly: true });
    expect(unread.total).toBe(1);
    expect(unread.items).toMatchObject([{ id: old.id, unread: 1 }]);
  });

  it('stores and clears a draft reply', async () => {
    const { chats } = t().repos;
    const chat = await chats.upsertChat({ hhChatId: 'c-1' });
    await chats.addMessages(chat.id, [employer('m-1', '2025-03-14T08:00:00Z')]);
    const [message] = await chats.listMessages(chat.id);
    expect(await chats.setDraftReply(message!.id, 'Удобно завтра после 14:00.')).toBe(true);
    expect((await chats.listMessages(chat.id))[0]?.draftReply).toBe('Удобно завтра после 14:00.');
    // A draft survives hh.ru sending the same message again.
    await chats.addMessages(chat.id, [employer('m-1', '2025-03-14T08:00:00Z')]);
    expect((await chats.listMessages(chat.id))[0]?.draftReply).toBe('Удобно завтра после 14:00.');
    expect(await chats.setDraftReply(message!.id, null)).toBe(true);
    expect((await chats.listMessages(chat.id))[0]?.draftReply).toBeNull();
    expect(await chats.setDraftReply(message!.id + 100, 'x')).toBe(false);
  });

  it('messages go with their chat; a deleted vacancy only unlinks it', async () => {
    const { repos, db } = t();
    const facts = sampleVacancy();
    await repos.vacancies.upsertMany([facts]);
    const vacancyId = (await repos.vacancies.getByHhId(facts.hhId))!.id;
    const chat = await repos.chats.upsertChat({ hhNegotiationId: 'n-1', vacancyId });
    await repos.chats.addMessages(chat.id, [employer('m-1', '2025-03-14T08:00:00Z')]);
    // No repository deletes vacancies yet; this checks the schema the chat repository relies on.
    await db.run('DELETE FROM vacancies WHERE id = ?', [vacancyId]);
    expect((await repos.chats.get(chat.id))?.vacancyId).toBeNull();
    expect(await repos.chats.listMessages(chat.id)).toHaveLength(1);
  });
});

import { describe, expect, it, vi } from 'vitest';
import { ChatService } from '../../../main/core/chats/service';
import { HhError } from '../../../main/core/hh/errors';
import type { HhGateway } from '../../../main/core/hh/gateway';
import type { SendMessageInput } from '../../../main/core/hh/transport';
import { useTestDatabase } from '../../support/db-fixture';

describe('answering an employer in a chat', () => {
  const database = useTestDatabase();

  async function setUp() {
    const { repos, clock } = database();
    const sent: SendMessageInput[] = [];
    const failures: Error[] = [];
    const gateway = {
      sendMessage: vi.fn(async (input: SendMessageInput) => {
        sent.push(input);
        const failure = failures.shift();
        if (failure) throw failure;
      }),
    } as unknown as HhGateway;
    const chat = await repos.chats.upsertChat({ hhNegotiationId: 'neg-1', vacancyId: null, state: 'invitation', lastMessageAt: null });
    return { repos, sent, failures, chats: new ChatService({ repositories: repos, gateway, clock }), chat };
  }

  it('a retry after a failure sends with the same key, so hh.ru shows the message once', async () => {
    const { repos, sent, failures, chats, chat } = await setUp();
    failures.push(new HhError('hh_network', 'offline', { status: 0 }, { retryable: true }));
    await expect(chats.send(chat.id, 'Добрый день! Удобно завтра в 11:00.')).rejects.toMatchObject({ code: 'hh_network' });
    const messages = await chats.send(chat.id, 'Добрый день! Удобно завтра в 11:00.');
    expect(sent).toHaveLength(2);
    expect(sent[1]!.idempotencyKey).toBe(sent[0]!.idempotencyKey);
    expect(messages.filter((m) => m.author === 'me')).toHaveLength(1);
    const audit = (await repos.auditLog.list({ limit: 5, offset: 0 })).items.map((entry) => entry.outcome);
    expect(audit).toEqual(['ok', 'failed']);
  });

  it('a new message (or the same text once it went through) gets a new key', async () => {
    const { sent, chats, chat } = await setUp();
    await chats.send(chat.id, 'Спасибо!');
    await chats.send(chat.id, 'Спасибо!');
    await chats.send(chat.id, 'До встречи.');
    expect(new Set(sent.map((input) => input.idempotencyKey)).size).toBe(3);
  });
});

import { describe, expect, it } from 'vitest';
import type { Negotiation, NegotiationMessage } from '../../../shared/domain';
import { MAX_SYNC_PAGES, syncChats } from '../../../main/core/chats/sync';
import { HhError } from '../../../main/core/hh/errors';
import type { HhGateway } from '../../../main/core/hh/gateway';
import { useTestDatabase } from '../../support/db-fixture';
import { FakeProvider } from '../../support/fake-provider';

const OLD = '2025-03-14T08:00:00+0300';

const negotiation = (id: string, state = 'response'): Negotiation => ({
  id,
  state,
  vacancyId: null,
  resumeId: null,
  viewedByOpponent: false,
  hasUpdates: true,
  updatedAt: OLD,
});
const message = (id: string, author: NegotiationMessage['author'], text: string, buttons: string[] = []): NegotiationMessage => ({
  id,
  author,
  text,
  createdAt: OLD,
  buttons,
});

/** A gateway with `pages` pages of the given responses, and their messages. */
function gatewayOf(pages: Negotiation[][], messages: Record<string, NegotiationMessage[] | Error>) {
  const asked = { pages: [] as number[], messages: [] as string[] };
  const gateway = {
    negotiations: async (page: number) => {
      asked.pages.push(page);
      return { items: pages[page] ?? [], pages: pages.length };
    },
    messages: async (id: string) => {
      asked.messages.push(id);
      const answer = messages[id] ?? [];
      if (answer instanceof Error) throw answer;
      return answer;
    },
  } as unknown as HhGateway;
  return { gateway, asked };
}

describe('syncChats', () => {
  const database = useTestDatabase();

  it('asks the AI only about the chat the rules cannot tell, once per chat, and never the template provider', async () => {
    const { repos, clock } = database();
    const { gateway } = gatewayOf([[negotiation('n-1'), negotiation('n-2'), negotiation('n-3', 'invitation')]], {
      'n-1': [
        message('1', 'me', 'Здравствуйте!'),
        message('2', 'employer', 'Добрый день!'),
        message('3', 'employer', 'А что вы думаете о микросервисах?'),
      ],
      'n-2': [message('4', 'bot', 'Готовы к переезду?', ['Да', 'Нет'])],
      'n-3': [message('5', 'employer', 'Приглашаем вас на собеседование.')],
    });
    const ai = new FakeProvider('{"kind": "human", "confidence": 0.9, "reason": "A person asks"}');
    const result = await syncChats({ repositories: repos, gateway, clock, provider: ai });
    expect(ai.callCount).toBe(1);
    expect(ai.prompt()).toContain('микросервисах');
    expect(result).toMatchObject({ chats: 3, newMessages: 4, newHumanMessages: 2, invitations: 1 });
    const kinds = Object.fromEntries((await repos.chats.list({ limit: 10, offset: 0 })).items.map((c) => [c.hhNegotiationId, c.kind]));
    expect(kinds).toEqual({ 'n-1': 'human', 'n-2': 'bot', 'n-3': 'invitation' });
    expect(result.humanChatIds).toHaveLength(1);
    expect(result.invitationChatIds).toHaveLength(1);

    const template = new FakeProvider('unused', 'template');
    const again = gatewayOf([[negotiation('n-4')]], { 'n-4': [message('6', 'employer', 'Как дела?')] });
    await syncChats({ repositories: repos, gateway: again.gateway, clock, provider: template });
    expect(template.callCount).toBe(0);
    expect((await repos.chats.findByHhIds({ hhNegotiationId: 'n-4' }))?.kind).toBe('human');
  });

  it("an AI that fails does not stop the sync: the message counts as a person's", async () => {
    const { repos, clock } = database();
    const { gateway } = gatewayOf([[negotiation('n-1')]], { 'n-1': [message('1', 'employer', 'Как вам наш продукт?')] });
    const result = await syncChats({ repositories: repos, gateway, clock, provider: new FakeProvider(new Error('model is down')) });
    expect(result).toMatchObject({ newMessages: 1, newHumanMessages: 1 });
  });

  it('a response whose chat hh.ru no longer has keeps its state; other failures stop the sync', async () => {
    const { repos, clock } = database();
    const gone = new HhError('not_found', 'no chat', { status: 404 });
    const { gateway } = gatewayOf([[negotiation('n-1', 'discard')]], { 'n-1': gone });
    await syncChats({ repositories: repos, gateway, clock, provider: new FakeProvider() });
    expect((await repos.chats.findByHhIds({ hhNegotiationId: 'n-1' }))?.state).toBe('discard');

    const broken = gatewayOf([[negotiation('n-2')]], { 'n-2': new HhError('hh_network', 'offline', { status: 0 }) });
    await expect(syncChats({ repositories: repos, gateway: broken.gateway, clock, provider: new FakeProvider() })).rejects.toMatchObject({
      code: 'hh_network',
    });
  });

  it(`reads at most ${MAX_SYNC_PAGES} pages`, async () => {
    const { repos, clock } = database();
    const pages = Array.from({ length: MAX_SYNC_PAGES + 5 }, (_, i) => [negotiation(`n-${i}`)]);
    const { gateway, asked } = gatewayOf(pages, {});
    expect((await syncChats({ repositories: repos, gateway, clock, provider: new FakeProvider() })).pages).toBe(MAX_SYNC_PAGES);
    expect(asked.pages).toEqual(Array.from({ length: MAX_SYNC_PAGES }, (_, i) => i));
  });
});

import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ChannelOutput } from '../../../shared/contract';
import { Chats } from '../../../renderer/src/screens/chats/Chats';
import { FakeClient } from '../support/fake-client';
import { botChat, chatPage, invitationChat, invitationMessages } from '../support/fixtures/chats';
import { renderScreen } from '../support/render';

type Message = ChannelOutput<'chats.messages'>[number];

const mine = (id: number, text: string): Message => ({
  ...invitationMessages[0]!,
  id,
  hhMessageId: `m${id}`,
  text,
  createdAt: '2025-03-10T09:00:00.000Z',
});

/** A bot's questionnaire with its buttons, and the reply the engine prepared for it. */
const botMessages: Message[] = [
  {
    ...invitationMessages[1]!,
    chatId: 12,
    author: 'bot',
    text: 'Сколько лет опыта с TypeScript?',
    buttons: ['Меньше года', '1–3 года', 'Больше 3 лет'],
    draftReply: 'Больше 3 лет',
  },
];

const conversation = () => screen.findByRole('region', { name: /разработчик/ });
const replyBox = () => screen.getByRole('textbox', { name: 'Ответ' });

describe('Chats → one conversation', () => {
  it('opening a chat with unread messages reads them, and the list is asked again', async () => {
    const fake = new FakeClient().ok('chats.list', chatPage([invitationChat])).ok('chats.messages', invitationMessages);
    renderScreen(<Chats />, fake);
    await within(await conversation()).findByText('Когда вам удобно созвониться?');
    await vi.waitFor(() => expect(fake.inputs('chats.list').length).toBeGreaterThan(1));
    expect(fake.inputs('chats.messages')[0]).toEqual({ chatId: 11 });
  });

  it("fills the box with the engine's prepared reply, marked as such until it is edited away or sent", async () => {
    const fake = new FakeClient().ok('chats.list', chatPage([botChat])).ok('chats.messages', botMessages);
    renderScreen(<Chats />, fake);
    const chat = await conversation();
    await vi.waitFor(() => expect(replyBox()).toHaveValue('Больше 3 лет'));
    expect(within(chat).getByTestId('prepared-draft')).toHaveTextContent('Черновик от ИИ — поправьте и отправьте');
    expect(replyBox()).toHaveAccessibleDescription('Черновик от ИИ — поправьте и отправьте');

    const quick = within(chat).getByRole('group', { name: 'Быстрые ответы' });
    expect(
      within(quick)
        .getAllByRole('button')
        .map((button) => button.textContent),
    ).toEqual(['Меньше года', '1–3 года', 'Больше 3 лет']);
    await userEvent.click(within(quick).getByRole('button', { name: '1–3 года' }));
    expect(replyBox()).toHaveValue('1–3 года');
    expect(within(chat).queryByTestId('prepared-draft')).not.toBeInTheDocument();
  });

  it('sends what is in the box (Ctrl+Enter too), shows it, and empties the box; an empty box sends nothing', async () => {
    const fake = new FakeClient()
      .ok('chats.list', chatPage([{ ...invitationChat, unread: 0 }]))
      .ok('chats.messages', invitationMessages)
      .on('chats.send', ({ text }) => ({ ok: true, value: [...invitationMessages, mine(3, text)] }));
    renderScreen(<Chats />, fake);
    const chat = await conversation();
    await within(chat).findByText('Когда вам удобно созвониться?');
    expect(within(chat).getByRole('button', { name: 'Отправить' })).toBeDisabled();

    await userEvent.type(replyBox(), 'Завтра в 11:00 удобно.');
    await userEvent.keyboard('{Control>}{Enter}{/Control}');
    expect(await within(chat).findByText('Завтра в 11:00 удобно.')).toBeVisible();
    expect(replyBox()).toHaveValue('');
    expect(fake.inputs('chats.send')).toEqual([{ chatId: 11, text: 'Завтра в 11:00 удобно.' }]);
    const messages = within(within(chat).getByTestId('messages')).getAllByRole('listitem');
    expect(messages.at(-1)).toHaveAttribute('data-author', 'me');
  });

  it('the AI drafts a reply into the box with what kind of message it answers, and sends nothing by itself', async () => {
    const fake = new FakeClient().ok('chats.list', chatPage([{ ...invitationChat, unread: 0 }])).ok('chats.messages', invitationMessages);
    const drafting = fake.hold('chats.draftReply');
    renderScreen(<Chats />, fake);
    const chat = await conversation();
    await userEvent.click(await within(chat).findByRole('button', { name: 'Черновик ответа (ИИ)' }));
    await drafting.asked;
    expect(within(chat).getByRole('button', { name: 'Пишу черновик…' })).toBeDisabled();
    await drafting.release({
      text: 'Здравствуйте! Удобно завтра после 11:00.',
      kind: 'invitation',
      reason: 'asks for a call',
      note: 'Проверьте время',
    });
    expect(replyBox()).toHaveValue('Здравствуйте! Удобно завтра после 11:00.');
    expect(within(chat).getByTestId('draft-note')).toHaveTextContent('Приглашение · Проверьте время');
    expect(within(chat).queryByTestId('prepared-draft')).not.toBeInTheDocument();
    expect(fake.inputs('chats.send')).toEqual([]);
  });

  it("the draft's note ('a person writes: check the reply') goes once the reply is sent", async () => {
    const sent = [...invitationMessages, mine(99, 'Здравствуйте! Расскажу подробнее.')];
    const fake = new FakeClient()
      .ok('chats.list', chatPage([{ ...invitationChat, unread: 0 }]))
      .ok('chats.messages', invitationMessages)
      .ok('chats.draftReply', { text: 'Здравствуйте! Расскажу подробнее.', kind: 'human', reason: 'a person asks', note: '' })
      .ok('chats.send', sent);
    renderScreen(<Chats />, fake);
    const chat = await conversation();
    await userEvent.click(await within(chat).findByRole('button', { name: 'Черновик ответа (ИИ)' }));
    expect(await within(chat).findByTestId('draft-note')).toHaveTextContent('Пишет человек: проверьте ответ');
    await userEvent.click(within(chat).getByRole('button', { name: 'Отправить' }));
    await within(chat).findByText('Здравствуйте! Расскажу подробнее.');
    expect(within(chat).queryByTestId('draft-note')).not.toBeInTheDocument();
  });
});

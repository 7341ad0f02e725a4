import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Chats } from '../../../renderer/src/screens/chats/Chats';
import { useWorkFocus } from '../../../renderer/src/store/workFocus';
import { FakeClient } from '../support/fake-client';
import { botChat, chatPage, invitationChat, invitationMessages, syncResult } from '../support/fixtures/chats';
import { coreFailed, coreFailedText } from '../support/fixtures/errors';
import { renderScreen } from '../support/render';

describe('Chats', () => {
  it('with no chats says so and the refresh from hh.ru brings what came', async () => {
    const fake = new FakeClient().ok('chats.list', chatPage([])).ok('chats.sync', syncResult);
    renderScreen(<Chats />, fake);
    expect(await screen.findByRole('region', { name: 'Сообщений нет' })).toBeVisible();
    // What a refresh finds is on hh.ru's side: after it the list holds the new chat.
    fake.ok('chats.list', chatPage([botChat])).ok('chats.messages', []);
    await userEvent.click(screen.getByRole('button', { name: 'Обновить из hh.ru' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Чатов с новостями: 3, новых сообщений: 5 (от людей: 2), приглашений: 1');
    expect(await screen.findByRole('button', { name: /TypeScript-разработчик/ })).toBeVisible();
    expect(screen.queryByRole('region', { name: 'Сообщений нет' })).not.toBeInTheDocument();
  });

  it('while the chats are on their way shows that it is loading, not "no messages"', async () => {
    const fake = new FakeClient();
    const list = fake.hold('chats.list');
    renderScreen(<Chats />, fake);
    await list.asked;
    expect(await screen.findByText('Загрузка…')).toBeVisible();
    expect(screen.queryByRole('region', { name: 'Сообщений нет' })).not.toBeInTheDocument();
    await list.release(chatPage([]));
    expect(await screen.findByRole('region', { name: 'Сообщений нет' })).toBeVisible();
  });

  it('when the chats cannot be read says why in Russian', async () => {
    const fake = new FakeClient().fail('chats.list', coreFailed);
    renderScreen(<Chats />, fake);
    expect(await screen.findByRole('alert')).toHaveTextContent(coreFailedText);
    expect(screen.queryByRole('region', { name: 'Сообщений нет' })).not.toBeInTheDocument();
    // Not "Загрузка…" for ever: the screen offers to try again, and trying again loads.
    expect(screen.queryByText('Загрузка…')).not.toBeInTheDocument();
    fake.ok('chats.list', chatPage([]));
    await userEvent.click(screen.getByRole('button', { name: 'Повторить' }));
    expect(await screen.findByRole('region', { name: 'Сообщений нет' })).toBeVisible();
  });

  it('opens the chat Vacancies asked for ("Open chat"), once', async () => {
    useWorkFocus.getState().focusChat(botChat.id);
    const fake = new FakeClient().ok('chats.list', chatPage([invitationChat, botChat])).ok('chats.messages', []);
    renderScreen(<Chats />, fake);
    const list = await screen.findByRole('list', { name: 'Чаты' });
    expect(within(list).getByRole('button', { name: /TypeScript-разработчик/ })).toHaveAttribute('aria-current', 'true');
    expect(useWorkFocus.getState().chatId).toBeUndefined();
  });

  it('lists the chats with their state, writer and unread count, and opens the first', async () => {
    const fake = new FakeClient().ok('chats.list', chatPage([invitationChat, botChat])).ok('chats.messages', invitationMessages);
    renderScreen(<Chats />, fake);
    const list = await screen.findByRole('list', { name: 'Чаты' });
    const first = within(list).getByRole('button', { name: /Frontend-разработчик \(React\)/ });
    expect(first).toHaveTextContent('новых: 2');
    expect(first).toHaveTextContent('ООО «Ромашка»');
    expect(first).toHaveTextContent('Приглашение');
    expect(first).toHaveTextContent('Человек');
    expect(first).toHaveAttribute('aria-current', 'true');
    const second = within(list).getByRole('button', { name: /TypeScript-разработчик/ });
    expect(second).toHaveTextContent('Отклик');
    expect(second).toHaveTextContent('Бот');
    expect(second).not.toHaveTextContent('новых');

    const conversation = screen.getByRole('region', { name: 'Frontend-разработчик (React)' });
    expect(await within(conversation).findByText('Здравствуйте! Откликаюсь на вакансию.')).toBeVisible();
    expect(within(conversation).getAllByText('Когда вам удобно созвониться?')).toHaveLength(1);
  });
});

import type { chatsChannels } from '../../../shared/contract';
import type { TextProvider } from '../ai/provider';
import type { HandlersOf } from '../contract/dispatch';
import type { ChatService } from './service';

export function chatsHandlers(deps: { chats: ChatService; provider: () => Promise<TextProvider> }): HandlersOf<typeof chatsChannels> {
  const { chats } = deps;
  return {
    'chats.sync': async () => {
      const { chats: changed, newMessages, newHumanMessages, invitations } = await chats.sync(await deps.provider());
      return { chats: changed, newMessages, newHumanMessages, invitations };
    },
    'chats.list': (options) => chats.list(options),
    'chats.messages': ({ chatId }) => chats.messages(chatId),
    'chats.draftReply': async ({ chatId }) => chats.draftReply(chatId, await deps.provider()),
    'chats.send': ({ chatId, text }) => chats.send(chatId, text),
  };
}

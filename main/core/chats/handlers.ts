import type { chatsChannels } from '../../../shared/contract';
import type { TextProvider } from '../ai/provider';
import type { HandlersOf } from '../contract/dispatch';
import type { ChatService } from './service';
import { AppError } from '../errors';

export function chatsHandlers(deps: {
  chats: ChatService;
  provider: () => Promise<TextProvider>;
  /** Whether the app says the user is signed in to hh.ru: nothing is read from hh.ru while it says not. */
  signedIn: () => Promise<boolean>;
}): HandlersOf<typeof chatsChannels> {
  const { chats } = deps;
  return {
    'chats.sync': async () => {
      if (!(await deps.signedIn())) {
        throw AppError.of('hh_signed_out', 'Sign in to hh.ru first: the app reads nothing from hh.ru while you are signed out.', {
          next: { kind: 'sign_in' },
        });
      }
      const { chats: changed, newMessages, newHumanMessages, invitations } = await chats.sync(await deps.provider());
      return { chats: changed, newMessages, newHumanMessages, invitations };
    },
    'chats.list': (options) => chats.list(options),
    'chats.messages': ({ chatId }) => chats.messages(chatId),
    'chats.draftReply': async ({ chatId }) => chats.draftReply(chatId, await deps.provider()),
    'chats.send': ({ chatId, text }) => chats.send(chatId, text),
  };
}

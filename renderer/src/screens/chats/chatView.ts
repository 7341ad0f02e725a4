import type { ChannelOutput } from '../../../../shared/contract';

/** One chat as the list shows it. */
export type ChatView = ChannelOutput<'chats.list'>['items'][number];

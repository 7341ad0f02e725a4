import type { z } from 'zod';
import { aiChannels } from './ai';
import { appChannels } from './app';
import { automationChannels } from './automation';
import { chatsChannels } from './chats';
import { hhChannels } from './hh';
import { builderChannels } from './builder';
import { lettersChannels } from './letters';
import { localApiChannels } from './local-api';
import { profileChannels } from './profile';
import { searchesChannels } from './searches';
import { dashboardChannels } from './dashboard';
import { supportChannels } from './support';
import { templatesChannels } from './templates';
import { updatesChannels } from './updates';
import { blacklistChannels, vacanciesChannels } from './vacancies';

export * from './ai';
export * from './app';
export * from './automation';
export * from './chats';
export * from './hh';
export * from './builder';
export * from './letters';
export * from './local-api';
export * from './profile';
export * from './searches';
export * from './dashboard';
export * from './support';
export * from './templates';
export * from './updates';
export * from './vacancies';
export { id, none, pageSchema, paging, type ChannelSpecs } from './spec';

/**
 * The contract: every request the renderer can make of main, one map assembled from one file per
 * feature (the same rooms as main/core). Adding a channel is one entry in its feature's file;
 * TypeScript then demands its handler in core, and IPC, preload, the headless HTTP bridge and the
 * renderer client pick it up from here.
 */
export const channels = {
  ...appChannels,
  ...automationChannels,
  ...hhChannels,
  ...aiChannels,
  ...profileChannels,
  ...searchesChannels,
  ...vacanciesChannels,
  ...blacklistChannels,
  ...lettersChannels,
  ...builderChannels,
  ...chatsChannels,
  ...dashboardChannels,
  ...localApiChannels,
  ...supportChannels,
  ...templatesChannels,
  ...updatesChannels,
};

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type ChannelInput<K extends ChannelName> = z.input<Channels[K]['input']>;
/** What a handler receives: the input after parsing, defaults filled in. */
export type ChannelParsedInput<K extends ChannelName> = z.output<Channels[K]['input']>;
export type ChannelOutput<K extends ChannelName> = z.output<Channels[K]['output']>;

export const channelNames = Object.keys(channels) as ChannelName[];
export const isChannelName = (name: unknown): name is ChannelName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(channels, name);

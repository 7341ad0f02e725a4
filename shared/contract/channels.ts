import { z } from 'zod';

/**
 * The contract: every request the renderer can make of main. Adding a channel is one entry here;
 * TypeScript then demands its handler in core, and IPC, preload, the headless HTTP bridge and the
 * renderer client pick it up from this map without further edits.
 */

export const languageSchema = z.enum(['ru', 'en']);
export type Language = z.infer<typeof languageSchema>;

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  /** Which shell runs the core: the desktop app or the headless server (browser preview). */
  shell: z.enum(['electron', 'headless']),
  platform: z.string(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const automationStateSchema = z.object({
  paused: z.boolean(),
  changedAt: z.string().datetime(),
});
export type AutomationState = z.infer<typeof automationStateSchema>;

export const uiPreferencesSchema = z.object({
  language: languageSchema,
});
export type UiPreferences = z.infer<typeof uiPreferencesSchema>;

const none = z.object({}).strict();

export const channels = {
  'app.info': { input: none, output: appInfoSchema },
  'app.ping': {
    input: z.object({ message: z.string().max(200) }).strict(),
    output: z.object({ reply: z.string(), at: z.string().datetime() }),
  },
  'automation.get': { input: none, output: automationStateSchema },
  'automation.setPaused': {
    input: z.object({ paused: z.boolean() }).strict(),
    output: automationStateSchema,
  },
  'preferences.get': { input: none, output: uiPreferencesSchema },
  'preferences.set': { input: uiPreferencesSchema.partial().strict(), output: uiPreferencesSchema },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type ChannelInput<K extends ChannelName> = z.input<Channels[K]['input']>;
export type ChannelOutput<K extends ChannelName> = z.output<Channels[K]['output']>;

export const channelNames = Object.keys(channels) as ChannelName[];
export const isChannelName = (name: unknown): name is ChannelName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(channels, name);

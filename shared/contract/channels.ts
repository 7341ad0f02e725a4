import { z } from 'zod';
import { auditEntrySchema } from '../domain/audit';
import { pageSchema } from '../domain/vacancy';

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

export const screenSchema = z.enum(['dashboard', 'vacancies', 'letters', 'chats', 'searches', 'settings']);
export type Screen = z.infer<typeof screenSchema>;

export const uiPreferencesSchema = z.object({
  language: languageSchema,
  theme: z.enum(['system', 'light', 'dark']),
  /** The app reopens where the user left it. */
  lastScreen: screenSchema,
});
export type UiPreferences = z.infer<typeof uiPreferencesSchema>;

/**
 * Things the user should know about that are not the answer to a request: a database restored from
 * a backup, secrets kept in memory only. Shown as banners until dismissed (if dismissible).
 */
export const noticeSchema = z.object({
  id: z.string(),
  level: z.enum(['info', 'warning', 'error']),
  code: z.string(),
  message: z.string(),
  /** Values for the renderer's translated text of this code (the message is the English fallback). */
  params: z.record(z.string(), z.string()),
  dismissible: z.boolean(),
});
export type Notice = z.infer<typeof noticeSchema>;

export const vaultStatusSchema = z.object({
  persistent: z.boolean(),
  backend: z.string(),
  problem: z.object({ code: z.string(), message: z.string() }).optional(),
  weakProtectionAccepted: z.boolean(),
});
export type VaultStatusView = z.infer<typeof vaultStatusSchema>;

const none = z.object({}).strict();
const paging = { limit: z.number().int().min(1).max(500).default(50), offset: z.number().int().min(0).default(0) };

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
  'notices.list': { input: none, output: z.array(noticeSchema) },
  'notices.dismiss': { input: z.object({ id: z.string().max(200) }).strict(), output: z.array(noticeSchema) },
  'vault.status': { input: none, output: vaultStatusSchema },
  'vault.acceptWeakProtection': { input: z.object({ accept: z.boolean() }).strict(), output: vaultStatusSchema },
  'audit.list': {
    input: z.object({ ...paging, action: z.string().max(100).optional() }).strict(),
    output: pageSchema(auditEntrySchema),
  },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type ChannelInput<K extends ChannelName> = z.input<Channels[K]['input']>;
/** What a handler receives: the input after parsing, defaults filled in. */
export type ChannelParsedInput<K extends ChannelName> = z.output<Channels[K]['input']>;
export type ChannelOutput<K extends ChannelName> = z.output<Channels[K]['output']>;

export const channelNames = Object.keys(channels) as ChannelName[];
export const isChannelName = (name: unknown): name is ChannelName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(channels, name);

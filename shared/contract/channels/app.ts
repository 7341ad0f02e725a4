import { z } from 'zod';
import { auditEntrySchema } from '../../domain/audit';

import { none, pageSchema, paging, type ChannelSpecs } from './spec';

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

const screens = z.enum(['dashboard', 'vacancies', 'letters', 'chats', 'searches', 'templates', 'builder', 'settings']);
/** The resume builder's screen was called 'resume' before 0.2: a window saved with it reopens there. */
export const screenSchema = z.preprocess((value) => (value === 'resume' ? 'builder' : value), screens);
export type Screen = z.infer<typeof screenSchema>;

export const uiPreferencesSchema = z.object({
  language: languageSchema,
  theme: z.enum(['system', 'light', 'dark']),
  /** The app reopens where the user left it. */
  lastScreen: screenSchema,
  /** The first-run assistant was finished or closed: it is not offered again by itself. */
  setupDone: z.boolean(),
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

/** Starting with the system (desktop app only): whether it is set, and whether the window stays in the tray. */
export const startupSchema = z.object({
  /** False in the browser mode: there is nothing to start at login. */
  supported: z.boolean(),
  openAtLogin: z.boolean(),
  /** Started at login, the app stays in the tray until the user opens it. */
  startHidden: z.boolean(),
});
export type StartupView = z.infer<typeof startupSchema>;

/** The app itself: info, the automation switch, preferences, notices, secrets storage, activity log. */
export const appChannels = {
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
  'app.startup.get': { input: none, output: startupSchema },
  'app.startup.set': { input: z.object({ openAtLogin: z.boolean(), startHidden: z.boolean() }).strict(), output: startupSchema },
  'vault.status': { input: none, output: vaultStatusSchema },
  'vault.acceptWeakProtection': { input: z.object({ accept: z.boolean() }).strict(), output: vaultStatusSchema },
  'audit.list': {
    input: z.object({ ...paging, action: z.string().max(100).optional() }).strict(),
    output: pageSchema(auditEntrySchema),
  },
} as const satisfies ChannelSpecs;

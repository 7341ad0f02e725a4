import { z } from 'zod';
import { hhPagesSchema } from '../domain/hh';
import {
  automationStateSchema,
  hhAccountStatusSchema,
  noticeSchema,
  runProgressSchema,
  uiPreferencesSchema,
  updateStateSchema,
} from './channels';

export const notificationKinds = ['invitation', 'human_message', 'captcha', 'limit_reached', 'signed_out', 'applications_sent'] as const;
export const notificationSchema = z.object({
  kind: z.enum(notificationKinds),
  /** Facts for the text (a count, an employer, a vacancy title); the shells translate the kind. */
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type AppNotification = z.infer<typeof notificationSchema>;

/** What a change touched: the lists and figures that show it ask again (useChanged in the renderer). */
export const dataKinds = [
  'searches',
  'vacancies',
  'letters',
  'chats',
  'applying',
  'profile',
  'account',
  'ai',
  'blacklist',
  'templates',
] as const;
export const dataKindSchema = z.enum(dataKinds);
export type DataKind = z.infer<typeof dataKindSchema>;

/** Everything main pushes to the renderer without being asked. Listeners get only the payload. */
export const events = {
  'automation.changed': automationStateSchema,
  'preferences.changed': uiPreferencesSchema,
  'notices.changed': z.array(noticeSchema),
  'hh.accountChanged': hhAccountStatusSchema,
  /** A check of hh.ru's pages has finished (at sign-in, before a run, on demand): Settings shows it. */
  'hh.pagesChecked': hhPagesSchema,
  /** A job the engine ran (a search, a sync) has finished: screens and the tray refresh what they show. */
  /** A call (from this window, another, or the Local API) or a run changed these; `channel` names the call, or `run`. */
  'data.changed': z.object({ kinds: z.array(dataKindSchema), channel: z.string() }),
  'automation.jobFinished': z.object({ job: z.string(), outcome: z.enum(['ok', 'failed']), message: z.string() }),
  /** Something the user should hear about now: an OS notification (desktop) and a toast in the window. */
  'automation.notify': notificationSchema,
  /** A run's step and count, as it goes (a search run, a sync): the window shows it and offers Cancel. */
  'automation.progress': runProgressSchema,
  /** The app's own update moved on (checked, found, downloading, downloaded, failed, waiting to restart): Settings follows it. */
  'updates.changed': updateStateSchema,
} as const satisfies Record<string, z.ZodType>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<K extends EventName> = z.output<Events[K]>;

export const eventNames = Object.keys(events) as EventName[];
export const isEventName = (name: unknown): name is EventName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name);

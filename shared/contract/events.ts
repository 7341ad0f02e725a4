import { z } from 'zod';
import { automationStateSchema, hhAccountStatusSchema, noticeSchema, uiPreferencesSchema } from './channels';

/** Everything main pushes to the renderer without being asked. Listeners get only the payload. */
export const events = {
  'automation.changed': automationStateSchema,
  'preferences.changed': uiPreferencesSchema,
  'notices.changed': z.array(noticeSchema),
  'hh.accountChanged': hhAccountStatusSchema,
} as const satisfies Record<string, z.ZodType>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<K extends EventName> = z.output<Events[K]>;

export const eventNames = Object.keys(events) as EventName[];
export const isEventName = (name: unknown): name is EventName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name);

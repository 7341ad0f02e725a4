import type { TFunction } from 'i18next';
import type { AuditEntry } from '../../../shared/domain';
import { knownKey } from '../i18n/knownKey';
import { quoted } from './quoted';

/**
 * A line of the activity log in the user's words: the action's code ("hh.sign_in") becomes a
 * sentence, the target ("vacancy 120000036") a phrase. A code the window has no words for is shown
 * as it is rather than dropped.
 */
export function activityAction(t: TFunction, action: string): string {
  const key = knownKey('activity.actions', action.replace(/\./g, '_'));
  return key ? t(key) : action;
}

const TARGET = /^(vacancy|employer|negotiation|chat) (.+)$/;

/** Targets that name no object of their own: "hh.ru" says nothing an action's words do not already say. */
const SILENT_TARGETS = new Set(['hh.ru']);

export function activityTarget(t: TFunction, target: string, name?: string | null): string {
  if (SILENT_TARGETS.has(target)) return '';
  if (name && target.startsWith('vacancy ')) return t('activity.targets.vacancyNamed', { title: quoted(name) });
  const fixed = knownKey('activity.targets.fixed', target);
  if (fixed) return t(fixed);
  const match = TARGET.exec(target);
  if (!match) return target;
  const [, kind, id] = match as unknown as [string, 'vacancy' | 'employer' | 'negotiation' | 'chat', string];
  return t(`activity.targets.${kind}`, { id });
}

export const activityLine = (t: TFunction, entry: Pick<AuditEntry, 'action' | 'target' | 'targetName'>) =>
  [activityAction(t, entry.action), activityTarget(t, entry.target, entry.targetName)].filter(Boolean).join(' · ');

/**
 * What a page check found, in words the core keeps and the window shows: hh.ru changes its pages
 * (rolled out per account), and the app must notice when it no longer understands one.
 */

import type { HhPageId } from '../../../../shared/domain';

export type { HhPageId };

export interface PageCheck {
  page: HhPageId;
  /** ok: read and understood; changed: read, not understood; unreachable: no answer or a refusal; skipped: nothing to check it with. */
  state: 'ok' | 'changed' | 'unreachable' | 'skipped';
  /** Which of hh.ru's layouts the page had, when the app can tell. */
  shape: '2026' | 'older' | null;
  /** What the app looked for and did not find (changed), or the error code (unreachable). */
  detail: string | null;
  /** The page's keys, values dropped, for a bug report (changed only). */
  keys: unknown;
}

const MAX_DEPTH = 6;
const MAX_KEYS = 80;

/**
 * A page state with every value dropped: objects keep their keys (at most 80 a level, 6 levels
 * deep), arrays keep the shape of their first item, values become their type. Names, emails,
 * ids and texts never survive it, so the user may attach it to a bug report as it is.
 */
export function keysOnly(value: unknown, depth = 0): unknown {
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.length ? [keysOnly(value[0], depth + 1)] : [];
  if (typeof value !== 'object') return typeof value;
  if (depth >= MAX_DEPTH) return 'object';
  const entries = Object.entries(value as Record<string, unknown>);
  // hh.ru keys maps by id (vacancies, topics): the ids themselves are data, so they read as "<id>".
  const byId = entries.length > 0 && entries.every(([key]) => /^(\d+|[0-9a-f]{20,})$/i.test(key));
  if (byId) return { '<id>': keysOnly(entries[0]![1], depth + 1) };
  return Object.fromEntries(entries.slice(0, MAX_KEYS).map(([key, inner]) => [key, keysOnly(inner, depth + 1)]));
}

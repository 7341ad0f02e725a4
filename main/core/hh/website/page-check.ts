/**
 * What a page check found, in words the core keeps and the window shows: hh.ru changes its pages
 * (rolled out per account), and the app must notice when it no longer understands one.
 */

import { searchFiltersSchema, type HhPageId, type VacancyFacts } from '../../../../shared/domain';
import type { Negotiation } from '../../../../shared/domain';
import { HhError } from '../errors';
import type { SearchQuery } from '../transport';
import type { ApplicantPage, PageShape } from './parsers';
import type { WebsiteResumeJson } from './resume-page';

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

/** The reads a check makes: the work's own (through its parsers), and each page's state as it came. */
export interface PageReads {
  resumeList(): Promise<ApplicantPage>;
  resume(hash: string): Promise<WebsiteResumeJson>;
  search(query: SearchQuery): Promise<{ shape: PageShape; items: VacancyFacts[] }>;
  vacancy(id: string): Promise<PageShape>;
  responses(): Promise<{ items: Negotiation[]; pages: number }>;
  chats(): Promise<{ items: { vacancy: unknown }[] }>;
  raw: {
    resumeList(): Promise<unknown>;
    resume(hash: string): Promise<unknown>;
    search(query: SearchQuery): Promise<unknown>;
    vacancy(id: string): Promise<unknown>;
    responses(): Promise<unknown>;
    chats(): Promise<unknown>;
  };
}

/**
 * Every page the app depends on, in order: understood (with its layout), changed (with its keys, no
 * values, for a bug report), unreachable, or skipped when there is nothing to check it with (no
 * resume, no vacancy). hh.ru's captcha or an ended session stops the check and goes on up.
 */
export async function checkPages(reads: PageReads): Promise<PageCheck[]> {
  const results: PageCheck[] = [];
  const check = async <T>(
    page: HhPageId,
    read: () => Promise<{ shape: PageShape | null; value: T }>,
    raw: () => Promise<unknown>,
  ): Promise<T | undefined> => {
    try {
      const { shape, value } = await read();
      results.push({ page, state: 'ok', shape, detail: null, keys: null });
      return value;
    } catch (err) {
      if (err instanceof HhError && (err.code === 'hh_login_required' || err.code === 'hh_captcha' || err.code === 'hh_csrf')) throw err;
      const changed =
        err instanceof HhError &&
        (err.code === 'hh_page_changed' || err.code === 'hh_resume_unreadable') &&
        err.details?.reason !== 'not_found';
      if (!changed) {
        results.push({ page, state: 'unreachable', shape: null, detail: err instanceof HhError ? err.code : 'internal', keys: null });
        return undefined;
      }
      const keys = await raw().then(keysOnly, () => null);
      results.push({ page, state: 'changed', shape: null, detail: err.details?.what ?? err.message, keys });
      return undefined;
    }
  };
  const skipped = (page: HhPageId, detail: string) => results.push({ page, state: 'skipped', shape: null, detail, keys: null });

  const list = await check(
    'resumes',
    async () => {
      const page = await reads.resumeList();
      return { shape: page.shape, value: page };
    },
    reads.raw.resumeList,
  );
  const hash = list?.resumes[0]?._attributes.hash;
  if (hash)
    await check(
      'resume',
      async () => ({ shape: (await reads.resume(hash)).source.shape, value: null }),
      () => reads.raw.resume(hash),
    );
  else skipped('resume', 'no resume to read');

  const query = { filters: searchFiltersSchema.parse({}), page: 0, perPage: 20 };
  const found = await check(
    'search',
    async () => {
      const { shape, items } = await reads.search(query);
      return { shape, value: items };
    },
    () => reads.raw.search(query),
  );
  const vacancy = found?.[0]?.hhId;
  if (vacancy)
    await check(
      'vacancy',
      async () => ({ shape: await reads.vacancy(vacancy), value: null }),
      () => reads.raw.vacancy(vacancy),
    );
  else skipped('vacancy', 'no vacancy to read');

  await check('negotiations', async () => ({ shape: null, value: await reads.responses() }), reads.raw.responses);
  await check(
    'chats',
    async () => {
      const page = await reads.chats();
      return { shape: page.items.some((chat) => chat.vacancy) ? '2026' : null, value: page };
    },
    reads.raw.chats,
  );
  return results;
}

import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { AppErrorValue } from '../../../../shared/contract';
import type { VacancyStatus, VacancySummary } from '../../../../shared/domain/vacancy';
import type { VacancyFilters, VacancySort } from '../../../../shared/domain/vacancy-list';
import { useClient } from '../../hooks/useClient';
import { useContractEvent } from '../../hooks/useContractEvent';

/** One page of the list: big enough that a fast scroll rarely waits, small enough to answer at once. */
export const PAGE_SIZE = 100;

export interface VacancyPages {
  /** Undefined until the first page of the current filter is in. */
  items: VacancySummary[] | undefined;
  total: number;
  /** The last page that failed, with why; `retry` asks again. */
  error: AppErrorValue | undefined;
  /** Asks for the next page, unless one is on its way or all are in. */
  loadMore(): void;
  retry(): void;
  /** Starts the current filter again from its first page (after a vacancy was added). */
  reload(): void;
  /**
   * A vacancy an action changed: the row shows the new state in place, or leaves the list at once
   * when its new status is not one the list shows (a vacancy hidden from "Найдена").
   */
  replace(next: VacancySummary): void;
}

/** What the list shows: statuses, words, order and filters; a change starts the list over. */
export interface ListAsk {
  statuses: readonly VacancyStatus[];
  query: string;
  sort: VacancySort;
  filters: VacancyFilters;
}

/**
 * The new state of a vacancy with what only the list's query knows (score, letter, chat) kept from
 * the row, since other channels answer without them.
 */
export const withListExtras = (row: VacancySummary, next: VacancySummary): VacancySummary => ({
  ...next,
  score: next.score === undefined ? row.score : next.score,
  letterId: next.letterId === undefined ? row.letterId : next.letterId,
  chatId: next.chatId === undefined ? row.chatId : next.chatId,
  recommended: next.recommended === undefined ? row.recommended : next.recommended,
});

interface State {
  /** The filter these items belong to: a new filter shows nothing of the old one. */
  key: string;
  items: VacancySummary[] | undefined;
  total: number;
  error: AppErrorValue | undefined;
}

/**
 * The list as pages of `vacancies.list`, loaded as the user scrolls. A new filter starts over, and
 * an answer for an older filter is dropped. Items keep their identity across pages, so memoized
 * rows that did not change do not render again.
 */
export function useVacancyPages(ask: ListAsk): VacancyPages {
  const client = useClient();
  const key = JSON.stringify(ask);
  const [state, setState] = useState<State>({ key, items: undefined, total: 0, error: undefined });
  const current = useRef(state);
  useLayoutEffect(() => {
    current.current = state;
  });
  const generation = useRef(0);
  const inFlight = useRef(false);

  const fetchPage = useCallback(
    async (offset: number) => {
      const asked = generation.current;
      inFlight.current = true;
      const { statuses, query, sort, filters } = JSON.parse(key) as ListAsk;
      const result = await client.invoke('vacancies.list', { statuses: [...statuses], query, sort, ...filters, limit: PAGE_SIZE, offset });
      if (asked !== generation.current) return;
      inFlight.current = false;
      if (!result.ok) {
        setState((s) => ({ ...s, key, items: s.key === key ? s.items : undefined, error: result.error }));
        return;
      }
      setState((s) => {
        const before = offset === 0 || s.key !== key ? [] : (s.items ?? []);
        // Statuses change while the user scrolls, so pages can overlap: a vacancy is listed once.
        const known = new Set(before.map((v) => v.id));
        return {
          key,
          items: [...before, ...result.value.items.filter((v) => !known.has(v.id))],
          total: result.value.total,
          error: undefined,
        };
      });
    },
    [client, key],
  );

  const reload = useCallback(() => {
    generation.current += 1;
    void fetchPage(0);
  }, [fetchPage]);

  useEffect(() => {
    generation.current += 1;
    void fetchPage(0);
    return () => {
      generation.current += 1;
    };
  }, [fetchPage]);

  // A run (a search, a sync) found or changed vacancies: the list shows them without a reload. The
  // user's own actions here update their rows in place, so they do not start the list over.
  useContractEvent('data.changed', (change) => {
    if (change.channel === 'run' && change.kinds.includes('vacancies')) reload();
  });

  const loadMore = useCallback(() => {
    const { key: shown, items, total, error } = current.current;
    if (inFlight.current || error || shown !== key || !items || items.length >= total) return;
    void fetchPage(items.length);
  }, [fetchPage, key]);

  const retry = useCallback(() => {
    const { key: shown, items } = current.current;
    setState((s) => ({ ...s, error: undefined }));
    generation.current += 1;
    void fetchPage(shown === key ? (items?.length ?? 0) : 0);
  }, [fetchPage, key]);

  const replace = useCallback(
    (next: VacancySummary) => {
      const { statuses } = JSON.parse(key) as ListAsk;
      const belongs = !statuses.length || statuses.includes(next.status);
      setState((s) => {
        if (!s.items || !s.items.some((v) => v.id === next.id)) return s;
        if (!belongs) return { ...s, items: s.items.filter((v) => v.id !== next.id), total: Math.max(0, s.total - 1) };
        return { ...s, items: s.items.map((v) => (v.id === next.id ? withListExtras(v, next) : v)) };
      });
    },
    [key],
  );

  const fresh = state.key === key;
  return {
    items: fresh ? state.items : undefined,
    total: fresh ? state.total : 0,
    error: fresh ? state.error : undefined,
    loadMore,
    retry,
    reload,
    replace,
  };
}

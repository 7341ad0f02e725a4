import type { ApplicationView } from '../../../../shared/contract';
import { useContract } from '../../hooks/useContract';
import { useContractEvent } from '../../hooks/useContractEvent';
import { statesOf, type Filter } from './LetterFilter';

/** The page of letters in one filter, and the changes the screen makes to it without asking again. */
export function useLetterPage(filter: Filter) {
  const {
    data: page,
    setData: setPage,
    failed,
    reload,
  } = useContract('letters.list', {
    states: statesOf(filter),
    limit: 200,
    ...(filter === 'discarded' && { discarded: true }),
  });

  // A run (Autopilot, a search run) writes and sends letters: the list shows them without a reload. The
  // user's own actions here change their letters in place (replace, remove), so they do not start it over.
  useContractEvent('data.changed', (change) => {
    if (change.channel === 'run' && change.kinds.includes('letters')) void reload();
  });

  /** A letter as the core answered it now: in place, or first when the page did not have it (restored). */
  const replace = (next: ApplicationView) =>
    setPage((current) => {
      if (!current) return current;
      const known = current.items.some((v) => v.application.id === next.application.id);
      return {
        ...current,
        items: known ? current.items.map((v) => (v.application.id === next.application.id ? next : v)) : [next, ...current.items],
        total: known ? current.total : current.total + 1,
      };
    });

  /** Discarded letters leave the page at once. */
  const remove = (left: ApplicationView[]) =>
    setPage((current) => {
      if (!current) return current;
      const ids = new Set(left.map((v) => v.application.id));
      const items = current.items.filter((v) => !ids.has(v.application.id));
      return { ...current, items, total: current.total - (current.items.length - items.length) };
    });

  return { views: page?.items, total: page?.total ?? 0, failed, reload, replace, remove };
}

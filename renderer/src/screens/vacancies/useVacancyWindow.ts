import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useEffect, type RefObject } from 'react';
import { useScrollMargin } from './useScrollMargin';
import type { VacancyPages } from './useVacancyPages';

/** Rows this close to the end of what is loaded ask for the next page. */
const PREFETCH_ROWS = 30;

/**
 * The rows on screen (and a few either side) of the loaded ones, plus a last row while more are to
 * come or a page failed; nearing the end asks for the next page. `tabbableId`: the one row Tab
 * reaches, the selected one or else the first on screen.
 */
export function useVacancyWindow(pages: VacancyPages, selectedId: number | undefined, body: RefObject<HTMLElement | null>) {
  const items = pages.items ?? [];
  const more = items.length < pages.total;
  const scrollMargin = useScrollMargin(body);
  const virtualizer = useWindowVirtualizer({
    count: items.length + (more || pages.error ? 1 : 0),
    estimateSize: () => 96,
    overscan: 6,
    scrollMargin,
    getItemKey: (index) => items[index]?.id ?? 'more',
  });
  const rows = virtualizer.getVirtualItems();
  const onScreen = rows.map((row) => items[row.index]?.id);
  const tabbableId = selectedId !== undefined && onScreen.includes(selectedId) ? selectedId : onScreen[0];
  const lastShown = rows.at(-1)?.index ?? 0;
  const { loadMore } = pages;

  useEffect(() => {
    if (lastShown >= items.length - PREFETCH_ROWS) loadMore();
  }, [lastShown, items.length, loadMore]);

  return { items, virtualizer, rows, tabbableId, scrollMargin };
}

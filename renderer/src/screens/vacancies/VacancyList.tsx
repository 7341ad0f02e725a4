import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../format/errorText';
import type { VacancyPages } from './useVacancyPages';
import { VacancyRow, type RowActions } from './VacancyRow';

/** Rows this close to the end of what is loaded ask for the next page. */
const PREFETCH_ROWS = 30;
const PAGE_KEYS_STEP = 10;

/**
 * The list, windowed: only the rows on screen (and a few either side) are in the DOM, positioned in
 * a box as tall as all loaded rows. The page itself scrolls (the window virtualizer), so the list
 * reads like the rest of the app. Arrow keys, Page Up/Down, Home and End move the selection; Enter
 * opens the selected vacancy.
 */
export function VacancyList({
  pages,
  selectedId,
  openedId,
  busy,
  actions,
}: {
  pages: VacancyPages;
  selectedId: number | undefined;
  openedId: number | undefined;
  busy(id: number): 'write' | 'status' | undefined;
  actions: RowActions;
}) {
  const { t, i18n } = useTranslation();
  const items = pages.items ?? [];
  const more = items.length < pages.total;
  const body = useRef<HTMLDivElement>(null);

  // Where the list starts on the page: what is above it (the head, chips, a banner) can change height.
  const [scrollMargin, setScrollMargin] = useState(0);
  useLayoutEffect(() => {
    const element = body.current;
    if (!element) return;
    const update = () => setScrollMargin(Math.round(element.getBoundingClientRect().top + window.scrollY));
    update();
    const observer = new ResizeObserver(update);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, []);

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

  // A row reached with the keyboard may not be in the DOM yet: focus it once it is rendered.
  const focusIndex = useRef<number | undefined>(undefined);
  useLayoutEffect(() => {
    if (focusIndex.current === undefined) return;
    const row = body.current?.querySelector<HTMLElement>(`[data-index="${focusIndex.current}"]`);
    if (!row) return;
    focusIndex.current = undefined;
    row.focus({ preventScroll: true });
  });

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!items.length || event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target as HTMLElement;
    const onRow = target.getAttribute('role') === 'row';
    const at = items.findIndex((v) => v.id === selectedId);
    let next: number;
    switch (event.key) {
      case 'ArrowDown':
        next = at < 0 ? 0 : at + 1;
        break;
      case 'ArrowUp':
        next = at < 0 ? 0 : at - 1;
        break;
      case 'PageDown':
        next = at + PAGE_KEYS_STEP;
        break;
      case 'PageUp':
        next = at - PAGE_KEYS_STEP;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = items.length - 1;
        break;
      case 'Enter':
      case ' ':
        // On a row only: Enter on one of its buttons or links does what that button does.
        if (!onRow || at < 0) return;
        event.preventDefault();
        actions.open(items[at]!, true);
        return;
      default:
        return;
    }
    event.preventDefault();
    next = Math.max(0, Math.min(items.length - 1, next));
    actions.select(items[next]!);
    focusIndex.current = next;
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  return (
    <div
      className="vac-list"
      role="grid"
      aria-label={t('vacancies.listLabel')}
      aria-rowcount={pages.total + 1}
      aria-colcount={4}
      data-testid="vacancies"
      onKeyDown={onKeyDown}
    >
      <div role="rowgroup" className="vac-head-group">
        <div role="row" aria-rowindex={1} className="vac-row vac-head">
          <div role="columnheader" className="vac-cell vac-cell--main">
            {t('vacancies.columns.title')}
          </div>
          <div role="columnheader" className="vac-cell vac-cell--salary">
            {t('vacancies.columns.salary')}
          </div>
          <div role="columnheader" className="vac-cell vac-cell--status">
            {t('vacancies.columns.status')}
          </div>
          <div role="columnheader" className="vac-cell vac-cell--actions">
            <span className="visually-hidden">{t('vacancies.columns.actions')}</span>
          </div>
        </div>
      </div>
      <div role="rowgroup" ref={body} className="vac-body" style={{ height: virtualizer.getTotalSize() }}>
        {rows.map((row) => {
          const start = row.start - scrollMargin;
          const vacancy = items[row.index];
          if (vacancy) {
            return (
              <VacancyRow
                key={row.key}
                vacancy={vacancy}
                index={row.index}
                start={start}
                selected={vacancy.id === selectedId}
                tabbable={vacancy.id === tabbableId}
                opened={vacancy.id === openedId}
                busy={busy(vacancy.id)}
                actions={actions}
                measure={virtualizer.measureElement}
              />
            );
          }
          return (
            <div
              key={row.key}
              ref={virtualizer.measureElement}
              data-index={row.index}
              role="row"
              aria-rowindex={row.index + 2}
              className="vac-row vac-more"
              style={{ transform: `translateY(${start}px)` }}
            >
              <div role="gridcell" className="vac-more__cell" data-testid="vacancies-more">
                {pages.error ? (
                  <>
                    <span className="status status--bad" role="alert">
                      {errorText(t, i18n.language, pages.error)}
                    </span>
                    <button type="button" className="button button--small" onClick={pages.retry}>
                      {t('vacancies.retry')}
                    </button>
                  </>
                ) : (
                  <span className="hint" role="status">
                    {t('vacancies.loadingMore')}
                  </span>
                )}
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
}

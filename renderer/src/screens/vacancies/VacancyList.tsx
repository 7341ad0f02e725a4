import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { MoreRow } from './MoreRow';
import { useListKeys } from './useListKeys';
import type { VacancyPages } from './useVacancyPages';
import { useVacancyWindow } from './useVacancyWindow';
import { VacancyListHead } from './VacancyListHead';
import { VacancyRow, type RowActions } from './VacancyRow';

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
  picked,
}: {
  pages: VacancyPages;
  selectedId: number | undefined;
  openedId: number | undefined;
  busy(id: number): 'write' | 'status' | undefined;
  actions: RowActions;
  /** The vacancies ticked for the actions on many at once. */
  picked: ReadonlySet<number>;
}) {
  const { t } = useTranslation();
  const body = useRef<HTMLDivElement>(null);
  const { items, virtualizer, rows, tabbableId, scrollMargin } = useVacancyWindow(pages, selectedId, body);

  const onKeyDown = useListKeys({
    items,
    selectedId,
    actions,
    body,
    scrollToIndex: (index) => virtualizer.scrollToIndex(index, { align: 'auto' }),
  });

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
      <VacancyListHead />
      <div role="rowgroup" ref={body} className="vac-body" style={{ height: virtualizer.getTotalSize() }}>
        {rows.map((row) => {
          const start = row.start - scrollMargin;
          const vacancy = items[row.index];
          return vacancy ? (
            <VacancyRow
              key={row.key}
              vacancy={vacancy}
              index={row.index}
              start={start}
              selected={vacancy.id === selectedId}
              tabbable={vacancy.id === tabbableId}
              opened={vacancy.id === openedId}
              picked={picked.has(vacancy.id)}
              busy={busy(vacancy.id)}
              actions={actions}
              measure={virtualizer.measureElement}
            />
          ) : (
            <MoreRow
              key={row.key}
              index={row.index}
              start={start}
              error={pages.error}
              onRetry={pages.retry}
              measure={virtualizer.measureElement}
            />
          );
        })}
      </div>
    </div>
  );
}

import { useLayoutEffect, useRef, type KeyboardEvent, type RefObject } from 'react';
import type { VacancySummary } from '../../../../shared/domain/vacancy';
import type { RowActions } from './VacancyRow';

const PAGE_KEYS_STEP = 10;

/**
 * The list's keys: arrows, Page Up/Down, Home and End move the selection (scrolling the row into
 * view and focusing it once it is rendered); Enter or Space on a row opens it.
 */
export function useListKeys({
  items,
  selectedId,
  actions,
  body,
  scrollToIndex,
}: {
  items: VacancySummary[];
  selectedId: number | undefined;
  actions: RowActions;
  body: RefObject<HTMLElement | null>;
  scrollToIndex(index: number): void;
}) {
  // A row reached with the keyboard may not be in the DOM yet: focus it once it is rendered.
  const focusIndex = useRef<number | undefined>(undefined);
  useLayoutEffect(() => {
    if (focusIndex.current === undefined) return;
    const row = body.current?.querySelector<HTMLElement>(`[data-index="${focusIndex.current}"]`);
    if (!row) return;
    focusIndex.current = undefined;
    row.focus({ preventScroll: true });
  });

  return (event: KeyboardEvent<HTMLElement>) => {
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
    scrollToIndex(next);
  };
}

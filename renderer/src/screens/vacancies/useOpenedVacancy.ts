import { useCallback, useState } from 'react';
import type { VacancySummary } from '../../../../shared/domain/vacancy';
import { withListExtras } from './useVacancyPages';

export interface Opened {
  vacancy: VacancySummary;
  /** Where the keyboard goes when the pane opens: its heading (Enter), Write letter (a vacancy just added), or nowhere (a click). */
  focus: 'heading' | 'write' | null;
  /** Each opening mounts the pane afresh, so the focus above applies again. */
  seq: number;
}

/** The selected row and the vacancy opened in the pane; closing the pane gives the focus back to its row. */
export function useOpenedVacancy() {
  const [selectedId, setSelectedId] = useState<number>();
  const [opened, setOpened] = useState<Opened>();

  const open = useCallback((vacancy: VacancySummary, focus: Opened['focus'] = null) => {
    setSelectedId(vacancy.id);
    setOpened((current) => ({ vacancy, focus, seq: (current?.seq ?? 0) + 1 }));
  }, []);

  const close = useCallback(() => {
    const id = opened?.vacancy.id;
    setOpened(undefined);
    // Back to the row the pane was opened from, if it is on screen.
    if (id !== undefined)
      requestAnimationFrame(() =>
        document.querySelector<HTMLElement>(`[data-testid="vacancy"][aria-selected="true"]`)?.focus({ preventScroll: true }),
      );
  }, [opened]);

  /** A vacancy an action changed: the pane shows the new one in place. */
  const update = useCallback(
    (next: VacancySummary) =>
      setOpened((current) =>
        current && current.vacancy.id === next.id ? { ...current, vacancy: withListExtras(current.vacancy, next) } : current,
      ),
    [],
  );

  /** The row got the focus (Tab, a click, the arrows): it is the selected one. */
  const selectRow = useCallback((vacancy: VacancySummary) => setSelectedId(vacancy.id), []);

  return { selectedId, selectRow, opened, open, close, update };
}

import type { VacancySummary } from '../../../../shared/domain/vacancy';

/** What a row can ask of the screen; one object for all rows, so it never changes their props. */
export interface RowActions {
  /** From the keyboard (Enter) the pane takes the focus; a click leaves it on the row. */
  open(vacancy: VacancySummary, byKeyboard: boolean): void;
  /** The row got the focus (Tab, a click, the arrows): it is the selected one. */
  select(vacancy: VacancySummary): void;
  write(vacancy: VacancySummary): void;
  setStatus(vacancy: VacancySummary, status: 'ignored' | 'found'): void;
}

/** A letter can be written while the vacancy is found, drafted, or its sending failed. */
export const canWrite = (vacancy: VacancySummary) =>
  vacancy.status === 'found' || vacancy.status === 'drafted' || vacancy.status === 'failed';

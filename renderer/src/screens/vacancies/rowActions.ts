import type { VacancySummary } from '../../../../shared/domain/vacancy';

/** What a row can ask of the screen; one object for all rows, so it never changes their props. */
export interface RowActions {
  /** From the keyboard (Enter) the pane takes the focus; a click leaves it on the row. */
  open(vacancy: VacancySummary, byKeyboard: boolean): void;
  /** The row got the focus (Tab, a click, the arrows): it is the selected one. */
  select(vacancy: VacancySummary): void;
  write(vacancy: VacancySummary): void;
  setStatus(vacancy: VacancySummary, status: 'ignored' | 'found'): void;
  /** The vacancy's letter in Letters, or its chat in Chats. */
  openLetter(letterId: number): void;
  openChat(chatId: number): void;
  /** Its checkbox: picked for the actions on many at once, or not. */
  pick(vacancy: VacancySummary, picked: boolean): void;
}

/**
 * A letter can be written while the vacancy is found, drafted, needs the user (the employer's test:
 * a letter to send by hand), or its sending failed; and only while it has no letter yet (then the
 * row opens that one instead). Vacancies from channels that do not say (letterId undefined) go by status.
 */
export const canWrite = (vacancy: VacancySummary) =>
  (vacancy.status === 'found' || vacancy.status === 'drafted' || vacancy.status === 'failed' || vacancy.status === 'needs_manual') &&
  (vacancy.letterId === null || vacancy.letterId === undefined);

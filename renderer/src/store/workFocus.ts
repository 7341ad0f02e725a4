import { create } from 'zustand';
import type { VacancyStatus } from '../../../shared/domain/vacancy';

/**
 * What one work screen asks another to show: Vacancies → "Write letter" or "Open letter" → that
 * letter in Letters; Vacancies or a sent letter in Letters → "Open chat" → that chat in Chats. The
 * screen that shows it clears it.
 */
export const useWorkFocus = create<{
  applicationId?: number;
  chatId?: number;
  /** Dashboard → "vacancies to apply to by hand" → Open: the list opens filtered to them. */
  vacancyStatuses?: VacancyStatus[];
  focusLetter(id: number | undefined): void;
  focusChat(id: number | undefined): void;
  focusVacancies(statuses: VacancyStatus[] | undefined): void;
}>((set) => ({
  focusLetter: (applicationId) => set({ applicationId }),
  focusChat: (chatId) => set({ chatId }),
  focusVacancies: (vacancyStatuses) => set({ vacancyStatuses }),
}));

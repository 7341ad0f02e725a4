import { create } from 'zustand';

/**
 * What one work screen asks another to show: Vacancies → "Write letter" or "Open letter" → that
 * letter in Letters; Vacancies or a sent letter in Letters → "Open chat" → that chat in Chats. The
 * screen that shows it clears it.
 */
export const useWorkFocus = create<{
  applicationId?: number;
  chatId?: number;
  focusLetter(id: number | undefined): void;
  focusChat(id: number | undefined): void;
}>((set) => ({
  focusLetter: (applicationId) => set({ applicationId }),
  focusChat: (chatId) => set({ chatId }),
}));

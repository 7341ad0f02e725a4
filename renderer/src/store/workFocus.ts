import { create } from 'zustand';

/**
 * What one work screen asks another to show: Vacancies → "Write letter" → that letter in Letters;
 * a sent letter in Letters → "Open chat" → its chat in Chats.
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

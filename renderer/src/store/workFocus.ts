import { create } from 'zustand';

/** What one work screen asks another to show (Vacancies → "Write letter" → that letter in Letters). */
export const useWorkFocus = create<{ applicationId?: number; focusLetter(id: number | undefined): void }>((set) => ({
  focusLetter: (applicationId) => set({ applicationId }),
}));

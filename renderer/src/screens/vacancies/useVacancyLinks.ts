import { useCallback } from 'react';
import type { VacancySummary } from '../../../../shared/domain/vacancy';
import { useClient } from '../../hooks/useClient';
import type { usePending } from '../../hooks/usePending';
import { useApp } from '../../store/useApp';
import { useWorkFocus } from '../../store/workFocus';

/**
 * Where a vacancy leads: its letter in Letters, its chat in Chats, and applying by hand on hh.ru.
 * `run` marks the vacancy busy while hh.ru's page is being opened (as writing does).
 */
export function useVacancyLinks(run: ReturnType<typeof usePending>['run']) {
  const client = useClient();
  const report = useApp((s) => s.report);
  const go = useApp((s) => s.go);
  const focusLetter = useWorkFocus((s) => s.focusLetter);
  const focusChat = useWorkFocus((s) => s.focusChat);

  const openLetter = useCallback(
    (letterId: number) => {
      focusLetter(letterId);
      go('letters');
    },
    [focusLetter, go],
  );
  const openChat = useCallback(
    (chatId: number) => {
      focusChat(chatId);
      go('chats');
    },
    [focusChat, go],
  );

  /**
   * Apply by hand (a vacancy with the employer's test): with a letter, hh.ru's form filled with it
   * (letters.assist); without one, the vacancy's page on hh.ru, in the app's hh.ru window when there is one.
   */
  const assist = useCallback(
    (vacancy: VacancySummary) =>
      void run(`write:${vacancy.id}`, async () => {
        if (vacancy.letterId) {
          const result = await client.invoke('letters.assist', { applicationId: vacancy.letterId });
          if (report(result) && result.value.outcome === 'open_yourself') window.open(result.value.url, '_blank', 'noopener');
          return;
        }
        if (!vacancy.url) return;
        const result = await client.invoke('hh.openPage', { url: vacancy.url });
        if (report(result) && !result.value.openedInApp) window.open(result.value.url, '_blank', 'noopener');
      }),
    [run, client, report],
  );

  return { openLetter, openChat, assist };
}

import { useCallback, useMemo } from 'react';
import type { VacancySummary } from '../../../../shared/domain/vacancy';
import { useClient } from '../../hooks/useClient';
import { useContract } from '../../hooks/useContract';
import { usePending } from '../../hooks/usePending';
import { useApp } from '../../store/useApp';
import type { DetailActions } from './VacancyDetail';
import type { RowActions } from './VacancyRow';
import { useVacancyLinks } from './useVacancyLinks';

/**
 * What can be done to a vacancy from its row or its pane: open it, write a letter (then on to
 * Letters), open its letter or chat, apply by hand, tick it, hide or restore it, put its employer on
 * the blacklist. `changed` gets each vacancy an action changed; `open`, `select` and `pick` are the
 * screen's, for the rows.
 */
export function useVacancyActions({
  changed,
  open,
  select,
  pick,
}: {
  changed(next: VacancySummary): void;
  open(vacancy: VacancySummary, focus: 'heading' | null): void;
  select(vacancy: VacancySummary): void;
  pick(vacancy: VacancySummary, picked: boolean): void;
}) {
  const client = useClient();
  const report = useApp((s) => s.report);
  const { data: blacklist, setData: setBlacklist, failed: blacklistFailed, reload: reloadBlacklist } = useContract('blacklist.list', {});
  const { run, pending } = usePending();

  const { openLetter, openChat, assist } = useVacancyLinks(run);

  const write = useCallback(
    (vacancy: VacancySummary) =>
      void run(`write:${vacancy.id}`, async () => {
        const result = await client.invoke('letters.draft', { vacancyId: vacancy.id, resumeHhId: null });
        if (!report(result)) return;
        changed({ ...result.value.vacancy, letterId: result.value.application.id });
        openLetter(result.value.application.id);
      }),
    [run, client, report, changed, openLetter],
  );

  const setStatus = useCallback(
    (vacancy: VacancySummary, status: 'ignored' | 'found') =>
      void run(`status:${vacancy.id}`, async () => {
        const result = await client.invoke('vacancies.setStatus', { id: vacancy.id, status });
        if (report(result)) changed(result.value);
      }),
    [run, client, report, changed],
  );

  const blacklistEmployer = useCallback(
    async (vacancy: VacancySummary) => {
      if (!vacancy.employer.id) return false;
      const result = await client.invoke('blacklist.add', { employerId: vacancy.employer.id, employerName: vacancy.employer.name });
      if (!report(result)) return false;
      setBlacklist(result.value);
      // The user does not want this employer: its vacancy is set aside too, as the engine would.
      if (vacancy.status === 'found') setStatus(vacancy, 'ignored');
      return true;
    },
    [client, report, setBlacklist, setStatus],
  );

  const busy = (id: number) => (pending(`write:${id}`) ? 'write' : pending(`status:${id}`) ? 'status' : undefined);
  // One object for all rows, so it never changes their props (they are memoized).
  const rowActions = useMemo<RowActions>(
    () => ({
      open: (vacancy, byKeyboard) => open(vacancy, byKeyboard ? 'heading' : null),
      select,
      write,
      setStatus,
      openLetter,
      openChat,
      pick,
    }),
    [open, select, write, setStatus, openLetter, openChat, pick],
  );
  const scored = (vacancy: VacancySummary, score: number) => changed({ ...vacancy, score });
  const paneActions: DetailActions = { write, setStatus, blacklist: blacklistEmployer, busy, openLetter, openChat, assist, scored };
  const blacklisted = new Set(blacklist?.map((entry) => entry.employerId));
  return {
    rowActions,
    paneActions,
    busy,
    blacklist: { list: blacklist, set: setBlacklist, failed: blacklistFailed, reload: () => void reloadBlacklist() },
    isBlacklisted: (employerId: string | null) => employerId !== null && blacklisted.has(employerId),
  };
}

import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VacancySummary } from '../../../../shared/domain/vacancy';
import { errorText } from '../../format/errorText';
import { useClient } from '../../hooks/useClient';
import { canWrite } from './rowActions';

export interface BulkRun {
  kind: 'hide' | 'write';
  done: number;
  total: number;
  /** Each vacancy that did not work, with why, in the user's language. */
  failures: { id: number; title: string; reason: string }[];
  finished: boolean;
}

/**
 * The rows ticked for actions on many at once, and those actions: hide each here and on hh.ru, or
 * write a letter to each (one after another, as hh.ru and the AI pace them), with progress and what
 * failed. Only rows in the list count as ticked: one that left it (hidden, another filter) is
 * dropped, so an action never reaches a vacancy the user no longer sees.
 */
export function useBulkActions(items: VacancySummary[] | undefined, changed: (next: VacancySummary) => void) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const [ids, setIds] = useState<ReadonlySet<number>>(() => new Set());
  const [run, setRun] = useState<BulkRun>();

  const shown = useMemo(() => new Set(items?.map((v) => v.id)), [items]);
  useEffect(() => {
    // While another filter's first page is on its way there is no list to judge by: ticks wait for it.
    if (!items) return;
    setIds((current) => {
      const kept = [...current].filter((id) => shown.has(id));
      return kept.length === current.size ? current : new Set(kept);
    });
  }, [items, shown]);
  const picked = useMemo(() => new Set([...ids].filter((id) => shown.has(id))), [ids, shown]);

  const pick = useCallback(
    (vacancy: VacancySummary, on: boolean) =>
      setIds((current) => {
        const next = new Set(current);
        if (on) next.add(vacancy.id);
        else next.delete(vacancy.id);
        return next;
      }),
    [],
  );
  const pickAll = useCallback((on: boolean) => setIds(on ? new Set(shown) : new Set()), [shown]);

  const act = async (kind: BulkRun['kind']) => {
    const targets = (items ?? []).filter((v) => picked.has(v.id) && (kind === 'hide' || canWrite(v)));
    const failures: BulkRun['failures'] = [];
    setRun({ kind, done: 0, total: targets.length, failures, finished: false });
    let done = 0;
    for (const vacancy of targets) {
      const next =
        kind === 'hide'
          ? await client.invoke('vacancies.hide', { id: vacancy.id })
          : await client.invoke('letters.draft', { vacancyId: vacancy.id, resumeHhId: null });
      if (next.ok) {
        done += 1;
        changed('application' in next.value ? { ...next.value.vacancy, letterId: next.value.application.id } : next.value);
        setIds((current) => {
          const rest = new Set(current);
          rest.delete(vacancy.id);
          return rest;
        });
      } else failures.push({ id: vacancy.id, title: vacancy.title, reason: errorText(t, i18n.language, next.error) });
      setRun({ kind, done, total: targets.length, failures: [...failures], finished: false });
    }
    setRun({ kind, done, total: targets.length, failures: [...failures], finished: true });
  };

  const writable = (items ?? []).filter((v) => picked.has(v.id) && canWrite(v)).length;
  return {
    picked,
    pick,
    pickAll,
    allPicked: shown.size > 0 && picked.size === shown.size,
    writable,
    run,
    busy: run !== undefined && !run.finished,
    hide: () => void act('hide'),
    write: () => void act('write'),
    dismiss: () => setRun(undefined),
  };
}

export type Bulk = ReturnType<typeof useBulkActions>;

import { useCallback, useState } from 'react';
import type { VacancyStatus } from '../../../../shared/domain/vacancy';
import { useWorkFocus } from '../../store/workFocus';

/** The statuses the list shows; none chosen means all. The callbacks keep their identity, so the chips do not re-render for nothing. */
export function useStatusFilter() {
  // Opened from the Dashboard for some statuses: the list starts filtered to them, once.
  const [statuses, setStatuses] = useState<VacancyStatus[]>(() => {
    const asked = useWorkFocus.getState().vacancyStatuses ?? [];
    useWorkFocus.getState().focusVacancies(undefined);
    return asked;
  });
  const toggle = useCallback(
    (status: VacancyStatus) =>
      setStatuses((current) => (current.includes(status) ? current.filter((s) => s !== status) : [...current, status])),
    [],
  );
  const all = useCallback(() => setStatuses([]), []);
  return { statuses, toggle, all };
}

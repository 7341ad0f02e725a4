import { useCallback, useState } from 'react';
import type { VacancyStatus } from '../../../../shared/domain/vacancy';

/** The statuses the list shows; none chosen means all. The callbacks keep their identity, so the chips do not re-render for nothing. */
export function useStatusFilter() {
  const [statuses, setStatuses] = useState<VacancyStatus[]>([]);
  const toggle = useCallback(
    (status: VacancyStatus) =>
      setStatuses((current) => (current.includes(status) ? current.filter((s) => s !== status) : [...current, status])),
    [],
  );
  const all = useCallback(() => setStatuses([]), []);
  return { statuses, toggle, all };
}

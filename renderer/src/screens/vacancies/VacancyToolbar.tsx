import { useTranslation } from 'react-i18next';
import type { VacancyStatus } from '../../../../shared/domain/vacancy';
import { SearchBox } from './SearchBox';
import { StatusChips, type Counts } from './StatusChips';

/** Above the list: the search box with how many are shown, and the status chips with their totals. */
export function VacancyToolbar({
  onQuery,
  shown,
  total,
  statuses,
  counts,
  onToggle,
  onAll,
}: {
  onQuery(query: string): void;
  /** Loaded so far; the count is said once there is any. */
  shown: number;
  total: number;
  statuses: readonly VacancyStatus[];
  counts: Counts | undefined;
  onToggle(status: VacancyStatus): void;
  onAll(): void;
}) {
  const { t } = useTranslation();
  return (
    <div className="work-toolbar">
      <div className="vac-toolbar__search">
        <SearchBox onQuery={onQuery} />
        {shown ? <span className="hint">{t('common.shown', { shown, total })}</span> : null}
      </div>
      <StatusChips statuses={statuses} counts={counts} onToggle={onToggle} onAll={onAll} />
    </div>
  );
}

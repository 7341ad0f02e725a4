import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { VacancyStatus } from '../../../../shared/domain/vacancy';

export const FILTERS = [
  'found',
  'drafted',
  'applied',
  'viewed',
  'invited',
  'rejected',
  'needs_manual',
  'ignored',
] as const satisfies readonly VacancyStatus[];

export interface Counts {
  total: number;
  byStatus: Record<VacancyStatus, number>;
}

/** The status filter: "All" and one chip per status, each with how many vacancies it holds. */
export const StatusChips = memo(function StatusChips({
  statuses,
  counts,
  onToggle,
  onAll,
}: {
  statuses: readonly VacancyStatus[];
  counts: Counts | undefined;
  onToggle(status: VacancyStatus): void;
  onAll(): void;
}) {
  const { t, i18n } = useTranslation();
  const format = (n: number) => n.toLocaleString(i18n.language === 'en' ? 'en-GB' : 'ru-RU');
  // The space keeps the chip's name "Найдена 12", not "Найдена12", and the visible text the same as the name.
  const number = (n: number | undefined) =>
    n === undefined ? null : (
      <>
        {' '}
        <span className="chip__count">{format(n)}</span>
      </>
    );
  return (
    <div className="chips" role="group" aria-label={t('vacancies.filterLabel')}>
      <button type="button" className={statuses.length ? 'chip' : 'chip chip--on'} aria-pressed={!statuses.length} onClick={onAll}>
        {t('common.all')}
        {number(counts?.total)}
      </button>
      {FILTERS.map((status) => (
        <button
          key={status}
          type="button"
          className={statuses.includes(status) ? 'chip chip--on' : 'chip'}
          aria-pressed={statuses.includes(status)}
          onClick={() => onToggle(status)}
        >
          {t(`vacancies.statuses.${status}`)}
          {number(counts?.byStatus[status])}
        </button>
      ))}
    </div>
  );
});

import { useTranslation } from 'react-i18next';
import type { ApplicationState } from '../../../../shared/domain/application';

// No 'approved' filter: the user never approves a letter; the few old 'approved' ones are listed with the drafts.
// 'discarded': the letters the user discarded, to bring one back after the undo bar is gone.
export const FILTERS = ['all', 'draft', 'failed', 'sent', 'discarded'] as const;
export type Filter = (typeof FILTERS)[number];

/** The states a filter lists: "sent" includes the ones on their way, "draft" the old 'approved' ones. */
export const statesOf = (filter: Filter): ApplicationState[] =>
  filter === 'all' || filter === 'discarded'
    ? []
    : filter === 'draft'
      ? ['draft', 'approved']
      : filter === 'sent'
        ? ['sent', 'sending']
        : [filter];

/** All letters, or those in one state. */
export function LetterFilter({ value, onChange }: { value: Filter; onChange(filter: Filter): void }) {
  const { t } = useTranslation();
  return (
    <div className="segmented work-filter" role="radiogroup" aria-label={t('letters.filterLabel')}>
      {FILTERS.map((option) => (
        <label key={option} className={value === option ? 'segmented__item segmented__item--on' : 'segmented__item'}>
          <input type="radio" name="letters-filter" value={option} checked={value === option} onChange={() => onChange(option)} />
          {option === 'all' ? t('common.all') : option === 'discarded' ? t('letters.filterDiscarded') : t(`letters.states.${option}`)}
        </label>
      ))}
    </div>
  );
}

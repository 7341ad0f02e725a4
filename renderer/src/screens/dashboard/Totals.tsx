import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../../../shared/contract';

const ORDER = ['found', 'drafted', 'sent', 'viewed', 'invited', 'rejected'] as const;

/** The period's counts, one tile each. */
export function Totals({ totals }: { totals: Dashboard['totals'] }) {
  const { t } = useTranslation();
  return (
    <ul className="dash-totals" aria-label={t('dashboard.title')}>
      {ORDER.map((key) => (
        <li key={key} className={`dash-total dash-total--${key}`} data-testid={`total-${key}`}>
          <strong>{totals[key].toLocaleString()}</strong>
          <span>{t(`dashboard.totals.${key}`)}</span>
        </li>
      ))}
    </ul>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VacancySummary } from '../../../../shared/domain/vacancy';

/** "Employer to the blacklist", asked once more before it is done; or that the employer is on it already. */
export function BlacklistEmployer({
  summary,
  blacklisted,
  onBlacklist,
}: {
  summary: VacancySummary;
  blacklisted: boolean;
  /** True once the employer is on the list. */
  onBlacklist(): Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  if (!summary.employer.id) return null;
  if (blacklisted) {
    return (
      <p className="hint" data-testid="employer-blacklisted">
        {t('vacancies.detail.blacklisted')}
      </p>
    );
  }
  if (!confirming) {
    return (
      <button type="button" className="link vac-detail__blacklist" onClick={() => setConfirming(true)}>
        {t('vacancies.detail.blacklist')}
      </button>
    );
  }
  return (
    <div className="work-warning vac-detail__confirm" role="group" aria-label={t('vacancies.detail.blacklist')}>
      <p>{t('vacancies.detail.blacklistConfirm', { employer: summary.employer.name ?? summary.employer.id })}</p>
      <div className="row">
        <button
          type="button"
          className="button button--small button--danger"
          onClick={() => void onBlacklist().then((done) => done && setConfirming(false))}
        >
          {t('vacancies.detail.blacklistYes')}
        </button>
        <button type="button" className="button button--small button--ghost" onClick={() => setConfirming(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}

import { Loading } from '../../components/Loading';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { useContract } from '../../hooks/useContract';
import { useApp } from '../../store/useApp';
import { Activity } from './Activity';
import { Funnel, PerDay } from './Charts';
import { CapMeter, NextRuns } from './Automation';
import { NeedsYou } from './NeedsYou';
import { Rates } from './Rates';
import { Totals } from './Totals';
import './dashboard.css';

const PERIODS = [1, 7, 30] as const;
type Period = (typeof PERIODS)[number];

/**
 * What the app did and what waits: counts for today / 7 / 30 days, the funnel, applications per day,
 * the daily limit, the next runs, what needs the user, which letters get invitations, the activity.
 */
export function Dashboard() {
  const { t } = useTranslation();
  const [days, setDays] = useState<Period>(7);
  const openSetup = useApp((s) => s.openSetup);
  // A run, a sync, a letter sent, a search saved: every number here follows at once.
  const follow = ['searches', 'vacancies', 'letters', 'chats', 'applying', 'account'] as const;
  const { data: stats, reload: reloadStats, failed: statsFailed } = useContract('dashboard.get', { days }, { follow });
  const { data: cap, reload: reloadCap, failed: capFailed } = useContract('applying.status', {}, { follow });
  const { data: status, reload: reloadStatus, failed: statusFailed } = useContract('automation.status', {}, { follow });
  if (!stats || !cap || !status) {
    const retry = () => void Promise.all([reloadStats(), reloadCap(), reloadStatus()]);
    return <Loading failed={statsFailed || capFailed || statusFailed} onRetry={retry} />;
  }

  const nothingYet =
    stats.totals.found === 0 && stats.totals.sent === 0 && (status.reason === 'nothing_set_up' || status.reason === 'not_signed_in');
  const steps = t('dashboard.steps', { returnObjects: true });
  return (
    <div className="dashboard" data-testid="dashboard">
      <header className="dash-head">
        <h1>{t('dashboard.title')}</h1>
        <div className="segmented" role="radiogroup" aria-label={t('dashboard.periodLabel')}>
          {PERIODS.map((period) => (
            <button
              key={period}
              type="button"
              role="radio"
              aria-checked={days === period}
              className={`segmented__item dash-period${days === period ? ' segmented__item--on' : ''}`}
              onClick={() => setDays(period)}
            >
              {t(`dashboard.periods.${period}`)}
            </button>
          ))}
        </div>
      </header>
      {nothingYet ? (
        <EmptyState art="dashboard" title={t('dashboard.emptyTitle')} text={t('dashboard.emptyText')}>
          <ol className="steps">
            {steps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
          <button type="button" className="button button--primary" onClick={openSetup}>
            {t('setup.open')}
          </button>
        </EmptyState>
      ) : null}
      <Totals totals={stats.totals} />
      <div className="dash-grid">
        <NeedsYou needs={stats.needsYou} />
        <CapMeter cap={cap} />
        <NextRuns status={status} />
      </div>
      <div className="dash-grid dash-grid--wide">
        <Funnel funnel={stats.funnel} />
        <PerDay perDay={stats.perDay} />
      </div>
      <Rates byTemplate={stats.byTemplate} bySearch={stats.bySearch} />
      <Activity />
    </div>
  );
}

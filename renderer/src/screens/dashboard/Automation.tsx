import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplyingStatus, AutomationStatus } from '../../../../shared/contract';
import { jobLabel } from '../../format/automation';
import { useFormat } from '../../format/useFormat';
import { useSearchNames } from '../../hooks/useSearchNames';

/** The daily limit as a meter: used of the cap in the rolling 24 hours, and when the next slot frees. */
export function CapMeter({ cap }: { cap: ApplyingStatus }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const max = cap.settings.dailyCap;
  const used = Math.min(cap.sentLast24h, max);
  return (
    <section className="card" aria-labelledby="cap-title" data-testid="cap">
      <h2 id="cap-title">{t('dashboard.cap.title')}</h2>
      <meter className="dash-meter" min={0} max={max} value={used} high={max * 0.8} optimum={0} aria-labelledby="cap-title" />
      <p>{t('dashboard.cap.used', { used: cap.sentLast24h, cap: max })}</p>
      {cap.hhLimitedUntil ? <p className="hint">{t('dashboard.cap.hhLimited', { time: fmt.dateTime(cap.hhLimitedUntil) })}</p> : null}
      {!cap.hhLimitedUntil && cap.remaining <= 0 && cap.nextSlotAt ? (
        <p className="hint">{t('dashboard.cap.nextSlot', { time: fmt.dateTime(cap.nextSlotAt) })}</p>
      ) : null}
    </section>
  );
}

/** The next three scheduled runs, in the user's words. */
export function NextRuns({ status }: { status: AutomationStatus }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const names = useSearchNames(status.jobs.map((job) => job.job));
  // When the card was drawn: a job due before then reads "due now".
  const [now] = useState(() => Date.now());
  const next = [...status.jobs].sort((a, b) => (a.nextDueAt ?? '').localeCompare(b.nextDueAt ?? '')).slice(0, 3);
  return (
    <section className="card" aria-labelledby="runs-title" data-testid="next-runs">
      <h2 id="runs-title">{t('dashboard.automation.nextRuns')}</h2>
      {/* Paused, nothing runs: listing runs "now" would claim work that is not happening. */}
      {status.paused ? (
        <p className="hint" data-testid="runs-paused">
          {t('dashboard.automation.paused')}
        </p>
      ) : next.length === 0 ? (
        <p className="hint">{t('dashboard.automation.noRuns')}</p>
      ) : (
        <ul className="dash-runs">
          {next.map((job) => (
            <li key={job.job}>
              <span>{jobLabel(t, job.job, names)}</span>
              <span className="hint">
                {!job.nextDueAt || Date.parse(job.nextDueAt) <= now ? t('dashboard.automation.now') : fmt.dateTime(job.nextDueAt)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

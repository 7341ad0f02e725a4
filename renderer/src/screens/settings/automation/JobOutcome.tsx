import { useTranslation } from 'react-i18next';
import type { AutomationStatus } from '../../../../../shared/contract';
import { jobMessageText, progressStep } from '../../../format/automation';
import type { Format } from '../../../format/useFormat';

/** A job's last outcome with its record in the user's words, or the step a running one is on. */
export function JobOutcome({ job, fmt }: { job: AutomationStatus['jobs'][number]; fmt: Format }) {
  const { t } = useTranslation();
  if (job.running) {
    return (
      <span data-testid="job-running">
        {job.progress ? progressStep(t, job.progress, fmt.time) : t('settings.automation.jobs.running')}
      </span>
    );
  }
  if (!job.outcome) return <span className="hint">{t('settings.automation.jobs.never')}</span>;
  const known = job.report ? jobMessageText(t, job.report) : undefined;
  return (
    <>
      <span className={`badge ${job.outcome === 'ok' ? 'badge--ok' : job.outcome === 'failed' ? 'badge--failed' : ''}`}>
        {t(`settings.automation.jobs.outcomes.${job.outcome}`)}
      </span>{' '}
      {known ? (
        <span className="automation-jobs__message">{known}</span>
      ) : job.message ? (
        // A line the app cannot read back (a failure's own sentence) is shown as the core wrote it.
        <span className="automation-jobs__message hint" lang="en" title={t('settings.automation.jobs.recordHint')}>
          {job.message}
        </span>
      ) : null}
    </>
  );
}

import { useTranslation } from 'react-i18next';
import type { AutomationStatus } from '../../../../../shared/contract';
import { jobLabel } from '../../../format/automation';
import type { Format } from '../../../format/useFormat';
import { JobOutcome } from './JobOutcome';

/** The scheduled jobs: when each last ran, what it did, and when it runs next. */
export function JobsTable({
  jobs,
  names,
  fmt,
}: {
  jobs: AutomationStatus['jobs'];
  /** Saved searches' names, for their jobs. */
  names: ReadonlyMap<number, string> | undefined;
  fmt: Format;
}) {
  const { t } = useTranslation();
  return (
    <table className="table automation-jobs" data-testid="automation-jobs">
      <thead>
        <tr>
          <th>{t('settings.automation.jobs.job')}</th>
          <th>{t('settings.automation.jobs.lastRun')}</th>
          <th>{t('settings.automation.jobs.outcome')}</th>
          <th>{t('settings.automation.jobs.nextRun')}</th>
        </tr>
      </thead>
      <tbody>
        {jobs.map((job) => (
          <tr key={job.job} data-testid="automation-job" data-job={job.job}>
            <td className="automation-jobs__name">{jobLabel(t, job.job, names)}</td>
            <td className="automation-jobs__when">{fmt.dateTime(job.lastFinishedAt ?? job.lastStartedAt) || '—'}</td>
            <td>
              <JobOutcome job={job} fmt={fmt} />
            </td>
            <td className="automation-jobs__when">
              {job.running ? '—' : job.nextDueAt ? fmt.dateTime(job.nextDueAt) : t('settings.automation.jobs.dueNow')}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

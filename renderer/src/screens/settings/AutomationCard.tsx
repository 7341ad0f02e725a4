import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorValue, AutomationStatus } from '../../../../shared/contract';
import { errorText } from '../../format/errorText';
import { jobLabel, jobMessageText, progressStep } from '../../format/automation';
import { useFormat } from '../../format/useFormat';
import { useClient } from '../../hooks/useClient';
import { useContract } from '../../hooks/useContract';
import { useContractEvent } from '../../hooks/useContractEvent';
import { usePending } from '../../hooks/usePending';
import { useSearchNames } from '../../hooks/useSearchNames';
import { useApp } from '../../store/useApp';
import { inlineFailure, issuesByPath } from './errors';
import { PacingForm } from './PacingForm';

type QuietHours = AutomationStatus['quietHours'];
type JobRow = AutomationStatus['jobs'][number];

/**
 * Settings → Automation: quiet hours, raising resumes, answering bots' questionnaires, and what each
 * scheduled job did last and when it runs next.
 */
export function AutomationCard() {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const report = useApp((s) => s.report);
  const fmt = useFormat();
  const { run, pending } = usePending();
  // The form keeps the user's edits: a reload after a job ends does not overwrite them.
  const [quiet, setQuiet] = useState<QuietHours>();
  const [quietError, setQuietError] = useState<AppErrorValue>();
  const [quietSaved, setQuietSaved] = useState(false);
  const {
    data: status,
    setData: setStatus,
    reload,
  } = useContract('automation.status', {}, { onLoad: (loaded) => setQuiet((current) => current ?? loaded.quietHours) });
  useContractEvent('automation.jobFinished', () => void reload());
  useContractEvent('automation.progress', (progress) =>
    setStatus(
      (current) =>
        current && { ...current, jobs: current.jobs.map((job) => (job.job === progress.job ? { ...job, running: true, progress } : job)) },
    ),
  );
  const names = useSearchNames(status?.jobs.map((job) => job.job) ?? []);

  const saveQuiet = (event: FormEvent) => {
    event.preventDefault();
    if (!quiet) return;
    void run('quiet', async () => {
      setQuietSaved(false);
      setQuietError(undefined);
      const result = await client.invoke('automation.setQuietHours', {
        enabled: quiet.enabled,
        from: quiet.from.trim(),
        to: quiet.to.trim(),
      });
      if (!result.ok) {
        setQuietError(inlineFailure(result, report));
        return;
      }
      setStatus(result.value);
      setQuiet(result.value.quietHours);
      setQuietSaved(true);
    });
  };

  // A switch shows the user's choice at once; the core's answer then confirms it, or the old value comes back.
  const [choosing, setChoosing] = useState<{ raise?: boolean; bots?: boolean }>({});
  const toggle = (which: 'raise' | 'bots', enabled: boolean) =>
    run(which, async () => {
      setChoosing((current) => ({ ...current, [which]: enabled }));
      try {
        const result =
          which === 'raise'
            ? await client.invoke('automation.setRaiseResumes', { enabled })
            : await client.invoke('automation.setAnswerBots', { enabled });
        if (report(result)) setStatus(result.value);
      } finally {
        setChoosing((current) => ({ ...current, [which]: undefined }));
      }
    });

  if (!status || !quiet) return null;
  const issues = issuesByPath(quietError);
  // The contract's only complaint about a time is its form; the sentence is ours, in the user's language.
  const timeIssue = (field: 'from' | 'to') => (issues[field] ? t('settings.automation.quiet.invalid') : undefined);
  const edit = (change: Partial<QuietHours>) => {
    setQuiet({ ...quiet, ...change });
    setQuietSaved(false);
  };

  const outcome = (job: JobRow) => {
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
  };

  return (
    <section className="card" aria-labelledby="automation-title" data-testid="automation-settings">
      <h2 id="automation-title">{t('settings.automation.title')}</h2>
      <p className="hint">{t('settings.automation.hint')}</p>

      <h3>{t('settings.automation.quiet.title')}</h3>
      <form className="form automation-quiet" noValidate onSubmit={saveQuiet} data-testid="quiet-hours">
        <label className="check automation-switch">
          <input type="checkbox" role="switch" checked={quiet.enabled} onChange={(e) => edit({ enabled: e.target.checked })} />
          <span>{t('settings.automation.quiet.enabled')}</span>
        </label>
        <div className="automation-quiet__times">
          {(['from', 'to'] as const).map((field) => (
            <div key={field} className="automation-quiet__time">
              <label>
                {t(`settings.automation.quiet.${field}`)}
                <input
                  name={field}
                  value={quiet[field]}
                  onChange={(e) => edit({ [field]: e.target.value })}
                  inputMode="numeric"
                  placeholder={field === 'from' ? '23:00' : '08:00'}
                  maxLength={5}
                  size={5}
                  autoComplete="off"
                  aria-invalid={Boolean(issues[field])}
                  aria-describedby={issues[field] ? `quiet-${field}-error` : undefined}
                />
              </label>
              {/* Beside the field, not in its label: the field keeps its name, the problem is its description. */}
              {issues[field] ? (
                <span className="field-error" role="alert" id={`quiet-${field}-error`}>
                  {timeIssue(field)}
                </span>
              ) : null}
            </div>
          ))}
        </div>
        <p className="hint">{t('settings.automation.quiet.hint')}</p>
        <div className="row">
          <button type="submit" className="button button--primary" disabled={pending('quiet')}>
            {t('settings.automation.quiet.save')}
          </button>
          {quietSaved ? (
            <span className="status status--ok" role="status" data-testid="quiet-saved">
              {t('settings.automation.quiet.saved')}
            </span>
          ) : null}
        </div>
        {quietError && !quietError.issues?.length ? (
          <p className="status status--bad" role="alert">
            {errorText(t, i18n.language, quietError)}
          </p>
        ) : null}
      </form>

      <PacingForm />

      <div className="automation-switches">
        <div>
          <label className="check automation-switch">
            <input
              type="checkbox"
              role="switch"
              checked={choosing.raise ?? status.raiseResumes}
              disabled={pending('raise')}
              onChange={(e) => void toggle('raise', e.target.checked)}
            />
            <span>{t('settings.automation.raiseResumes')}</span>
          </label>
          <p className="hint">{t('settings.automation.raiseResumesHint')}</p>
        </div>
        <div>
          <label className="check automation-switch">
            <input
              type="checkbox"
              role="switch"
              checked={choosing.bots ?? status.answerBots}
              disabled={pending('bots')}
              onChange={(e) => void toggle('bots', e.target.checked)}
            />
            <span>{t('settings.automation.answerBots')}</span>
          </label>
          <p className="hint">{t('settings.automation.answerBotsHint')}</p>
        </div>
      </div>

      <h3>{t('settings.automation.jobs.title')}</h3>
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
          {status.jobs.map((job) => (
            <tr key={job.job} data-testid="automation-job" data-job={job.job}>
              <td className="automation-jobs__name">{jobLabel(t, job.job, names)}</td>
              <td className="automation-jobs__when">{fmt.dateTime(job.lastFinishedAt ?? job.lastStartedAt) || '—'}</td>
              <td>{outcome(job)}</td>
              <td className="automation-jobs__when">
                {job.running ? '—' : job.nextDueAt ? fmt.dateTime(job.nextDueAt) : t('settings.automation.jobs.dueNow')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

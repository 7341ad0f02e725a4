import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format/useFormat';
import { useSearchNames } from '../../hooks/useSearchNames';
import { AutomationSwitches } from './automation/AutomationSwitches';
import { JobsTable } from './automation/JobsTable';
import { QuietHoursForm } from './automation/QuietHoursForm';
import { useAutomationStatus } from './automation/useAutomationStatus';
import { PacingForm } from './PacingForm';

/**
 * Settings → Automation: quiet hours, raising resumes, answering bots' questionnaires, and what each
 * scheduled job did last and when it runs next.
 */
export function AutomationCard() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { status, setStatus } = useAutomationStatus();
  const names = useSearchNames(status?.jobs.map((job) => job.job) ?? []);
  if (!status) return null;
  return (
    <section className="card" aria-labelledby="automation-title" data-testid="automation-settings">
      <h2 id="automation-title">{t('settings.automation.title')}</h2>
      <p className="hint">{t('settings.automation.hint')}</p>

      <h3>{t('settings.automation.quiet.title')}</h3>
      {/* Filled once from what is stored: a reload after a job ends does not overwrite the user's edits. */}
      <QuietHoursForm stored={status.quietHours} onSaved={setStatus} />

      <PacingForm />

      <AutomationSwitches status={status} onStatus={setStatus} />

      <h3>{t('settings.automation.jobs.title')}</h3>
      <JobsTable jobs={status.jobs} names={names} fmt={fmt} />
    </section>
  );
}

import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { AutomationStatus } from '../../../shared/contract';
import { useContract } from '../hooks/useContract';
import { useContractEvent } from '../hooks/useContractEvent';
import { useApp } from '../store/useApp';

/**
 * The engine's state in one line, as it is: working (and when it next runs), paused, nothing to do
 * yet, quiet hours or the daily limit (until when). Never "working" when nothing is set up.
 */
export function AutomationToggle() {
  const { t, i18n } = useTranslation();
  const automation = useApp((s) => s.automation);
  const screen = useApp((s) => s.screen);
  const setPaused = useApp((s) => s.setPaused);
  const { data: status, reload } = useContract('automation.status', {});
  const paused = automation?.paused;
  // Asked again when the switch changes, a job ends, or the user moves on (a search saved, a sign-in).
  useEffect(() => {
    void reload();
  }, [screen, paused, reload]);
  useContractEvent('automation.jobFinished', () => void reload());
  if (!automation) return null;
  const clock = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleTimeString(i18n.language, { hour: '2-digit', minute: '2-digit' }) : '');
  const reason: AutomationStatus['reason'] = automation.paused ? 'paused' : (status?.reason ?? 'running');
  const detail =
    reason === 'paused'
      ? t('automation.since', { time: clock(automation.changedAt) })
      : reason === 'nothing_set_up'
        ? t('automation.setUpFirst')
        : reason === 'running'
          ? status?.nextRunAt
            ? t('automation.nextRun', { time: clock(status.nextRunAt) })
            : ''
          : t('automation.until', { time: clock(status?.until) });
  return (
    <div className={`automation ${reason === 'running' ? 'automation--running' : 'automation--paused'}`} data-testid="automation">
      <span className="automation__dot" aria-hidden="true" />
      <span className="automation__label">
        <strong>{t(`automation.reasons.${reason}`)}</strong>
        {detail ? <small>{detail}</small> : null}
      </span>
      <button type="button" className="button" onClick={() => void setPaused(!automation.paused)}>
        {automation.paused ? t('automation.resume') : t('automation.pause')}
      </button>
    </div>
  );
}

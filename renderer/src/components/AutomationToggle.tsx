import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { AutomationStatus } from '../../../shared/contract';
import { useClient } from '../hooks/useClient';
import { useContract } from '../hooks/useContract';
import { whenText } from '../format/when';
import { useApp } from '../store/useApp';

/** The notice the core raises when it paused itself for a captcha or an ended sign-in. */
const STOPPED_NOTICE = 'hh.stopped';

/**
 * The engine's state in one line, as it is: working (and when it next runs), paused, waiting for a
 * captcha or a new sign-in (with the way to it), nothing to do yet, quiet hours or the daily limit
 * (until when). Never "working" when nothing is set up.
 */
export function AutomationToggle() {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const report = useApp((s) => s.report);
  const automation = useApp((s) => s.automation);
  const screen = useApp((s) => s.screen);
  const openSettings = useApp((s) => s.openSettings);
  const notices = useApp((s) => s.notices);
  const setPaused = useApp((s) => s.setPaused);
  // A search saved, a sign-in, a letter sent (the cap) or a run's end changes what the line says.
  const { data: status, reload } = useContract('automation.status', {}, { follow: ['searches', 'applying', 'account', 'letters'] });
  const paused = automation?.paused;
  const stopped = notices.find((notice) => notice.id === STOPPED_NOTICE);
  // Asked again when the switch changes, a job ends, the app pauses itself, or the user moves on (a search saved, a sign-in).
  useEffect(() => {
    void reload();
  }, [screen, paused, stopped?.code, reload]);
  if (!automation) return null;
  const clock = (iso: string | null | undefined) => whenText(t, i18n.language, iso);
  // The app's own pause (captcha, sign-out) says why; the user's own pause is just "paused".
  const selfPaused = status?.reason === 'captcha' || status?.reason === 'signed_out' ? status.reason : undefined;
  const reason: AutomationStatus['reason'] = automation.paused ? (selfPaused ?? 'paused') : (status?.reason ?? 'running');
  const detail =
    reason === 'paused' || reason === 'captcha' || reason === 'signed_out'
      ? t('automation.since', { time: clock(automation.changedAt) })
      : reason === 'nothing_set_up'
        ? t('automation.setUpFirst')
        : reason === 'not_signed_in'
          ? t('automation.signInFirst')
          : reason === 'running'
            ? status?.nextRunAt
              ? t('automation.nextRun', { time: clock(status.nextRunAt) })
              : ''
            : t('automation.until', { time: clock(status?.until) });
  const captchaUrl = reason === 'captcha' ? stopped?.params.url : undefined;

  // In the desktop app the captcha opens in the app's hh.ru window (same session); in a browser, in a new tab.
  const openCaptcha = async (url: string) => {
    const result = await client.invoke('hh.openPage', { url });
    if (report(result) && !result.value.openedInApp) window.open(result.value.url, '_blank', 'noopener');
  };

  return (
    <div
      className={`automation ${reason === 'running' ? 'automation--running' : 'automation--paused'}`}
      data-testid="automation"
      data-reason={reason}
    >
      <span className="automation__dot" aria-hidden="true" />
      <span className="automation__label">
        <strong>{t(`automation.reasons.${reason}`)}</strong>
        {detail ? <small>{detail}</small> : null}
      </span>
      {captchaUrl ? (
        <button type="button" className="button button--primary" onClick={() => void openCaptcha(captchaUrl)}>
          {t('automation.openCaptcha')}
        </button>
      ) : null}
      {reason === 'signed_out' || reason === 'not_signed_in' ? (
        <button type="button" className="button button--primary" onClick={() => openSettings('account')}>
          {reason === 'signed_out' ? t('automation.openAccount') : t('automation.signIn')}
        </button>
      ) : null}
      <button type="button" className="button" onClick={() => void setPaused(!automation.paused)}>
        {automation.paused ? t('automation.resume') : t('automation.pause')}
      </button>
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { useApp } from '../store/useApp';

export function AutomationToggle() {
  const { t, i18n } = useTranslation();
  const automation = useApp((s) => s.automation);
  const setPaused = useApp((s) => s.setPaused);
  if (!automation) return null;
  const time = new Date(automation.changedAt).toLocaleTimeString(i18n.language, { hour: '2-digit', minute: '2-digit' });
  return (
    <div className={`automation ${automation.paused ? 'automation--paused' : 'automation--running'}`} data-testid="automation">
      <span className="automation__dot" aria-hidden="true" />
      <span className="automation__label">
        <strong>{automation.paused ? t('automation.paused') : t('automation.running')}</strong>
        <small>{t('automation.since', { time })}</small>
      </span>
      <button type="button" className="button" onClick={() => void setPaused(!automation.paused)}>
        {automation.paused ? t('automation.resume') : t('automation.pause')}
      </button>
    </div>
  );
}

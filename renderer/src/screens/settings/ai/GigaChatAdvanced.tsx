import { useTranslation } from 'react-i18next';
import { FieldError } from '../errors';
import type { GigaChatSettings, InsecureSwitch, IssueOf } from './aiForm';

/** GigaChat's own addresses, certificate and certificate checks: folded away, most users never need them. */
export function GigaChatAdvanced({
  settings,
  onChange,
  insecure,
  issue,
}: {
  settings: GigaChatSettings;
  onChange: (next: GigaChatSettings) => void;
  insecure: InsecureSwitch;
  issue: IssueOf;
}) {
  const { t } = useTranslation();
  return (
    <details className="details">
      <summary>{t('settings.ai.advanced')}</summary>
      <p className="hint">{t('settings.ai.advancedHint')}</p>
      <div className="form">
        <label>
          {t('settings.ai.authUrl')}
          <input
            value={settings.authUrl ?? ''}
            onChange={(e) => onChange({ ...settings, authUrl: e.target.value })}
            autoComplete="off"
            placeholder="https://ngw.devices.sberbank.ru:9443/api/v2/oauth"
          />
          <FieldError message={issue('authUrl')} />
        </label>
        <label>
          {t('settings.ai.gigachatBaseUrl')}
          <input
            value={settings.baseUrl ?? ''}
            onChange={(e) => onChange({ ...settings, baseUrl: e.target.value })}
            autoComplete="off"
            placeholder="https://gigachat.devices.sberbank.ru/api/v1"
          />
          <FieldError message={issue('baseUrl')} />
        </label>
        <label>
          {t('settings.ai.caFile')}
          <input
            value={settings.caFile ?? ''}
            onChange={(e) => onChange({ ...settings, caFile: e.target.value })}
            autoComplete="off"
            placeholder="/path/to/ca.pem"
          />
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={settings.insecureSkipVerify ?? false}
            onChange={(e) => insecure.onChange(e.target.checked)}
            data-testid="ai-insecure"
          />
          {t('settings.ai.insecure')}
        </label>
        {settings.insecureSkipVerify ? (
          <label className="check check--danger">
            <input
              type="checkbox"
              checked={insecure.confirmed}
              onChange={(e) => insecure.onConfirm(e.target.checked)}
              required
              data-testid="ai-insecure-confirm"
            />
            {t('settings.ai.insecureConfirm')}
          </label>
        ) : null}
      </div>
    </details>
  );
}

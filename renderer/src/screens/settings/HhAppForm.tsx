import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { HhAccountStatus } from '../../../../shared/contract';
import { SecretField } from '../../components/SecretField';
import { useClient } from '../../hooks/useClient';
import { useApp } from '../../store/useApp';

/** The user's own dev.hh.ru application, for signing in through hh.ru's API. */
export function HhAppForm({ status, onSaved }: { status: HhAccountStatus; onSaved: (status: HhAccountStatus) => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const report = useApp((s) => s.report);
  const [clientId, setClientId] = useState(status.app.clientId ?? '');
  const [clientSecret, setClientSecret] = useState('');
  const [redirectUri, setRedirectUri] = useState(status.app.redirectUri);
  const [saved, setSaved] = useState(false);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const result = await client.invoke('hh.saveApp', { clientId, redirectUri, ...(clientSecret && { clientSecret }) });
    if (!report(result)) return;
    setClientSecret('');
    setSaved(true);
    onSaved(result.value);
  };

  const forget = async () => {
    const result = await client.invoke('hh.forgetApp', {});
    if (!report(result)) return;
    setClientId('');
    onSaved(result.value);
  };

  return (
    <details className="details">
      <summary>{t('settings.hh.app.title')}</summary>
      <p className="hint">{t('settings.hh.app.hint')}</p>
      {status.app.fromEnv ? (
        <p className="hint">{t('settings.hh.app.fromEnv')}</p>
      ) : (
        <form noValidate className="form" onSubmit={(event) => void save(event)}>
          <label>
            {t('settings.hh.app.clientId')}
            <input value={clientId} onChange={(e) => setClientId(e.target.value)} autoComplete="off" required />
          </label>
          <SecretField
            label={t('settings.hh.app.clientSecret')}
            value={clientSecret}
            onChange={setClientSecret}
            stored={status.app.configured}
            storedPlaceholder={t('settings.hh.app.secretKept')}
            required={!status.app.configured}
          />
          <label>
            {t('settings.hh.app.redirectUri')}
            <input value={redirectUri} onChange={(e) => setRedirectUri(e.target.value)} autoComplete="off" required />
          </label>
          <div className="row">
            <button type="submit" className="button">
              {t('settings.hh.app.save')}
            </button>
            {status.app.configured ? (
              <button type="button" className="button button--ghost" onClick={() => void forget()}>
                {t('settings.hh.app.forget')}
              </button>
            ) : null}
            {saved ? <span className="hint">{t('settings.hh.app.saved')}</span> : null}
          </div>
        </form>
      )}
    </details>
  );
}

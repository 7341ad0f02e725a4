import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/Loading';
import { useContract } from '../../hooks/useContract';
import { useContractEvent } from '../../hooks/useContractEvent';
import { useClient } from '../../hooks/useClient';
import { useApp } from '../../store/useApp';

/** Per hh.ru operation: which path works now (official API, website session, assisted) and why others do not. */
export function CapabilitiesCard() {
  const { t } = useTranslation();
  const client = useClient();
  const report = useApp((s) => s.report);
  const [asking, setAsking] = useState(false);
  const { data: capabilities, reload, failed } = useContract('hh.capabilities', {});
  /** hh.ru is asked afresh what it allows (an API that reopened is used again), then the table is read again. */
  const askAgain = async () => {
    setAsking(true);
    try {
      if (report(await client.invoke('hh.refresh', {}))) await reload();
    } finally {
      setAsking(false);
    }
  };
  // Signing in or out changes which paths work.
  useContractEvent('hh.accountChanged', () => void reload());

  if (capabilities && !capabilities.length) return null;
  return (
    <section className="card" aria-labelledby="caps-title" data-testid="capabilities">
      <h2 id="caps-title">{t('settings.capabilities.title')}</h2>
      <p className="hint">{t('settings.capabilities.hint')}</p>
      <button type="button" className="button" disabled={asking} onClick={() => void askAgain()} data-testid="capabilities-refresh">
        {asking ? t('settings.capabilities.refreshing') : t('settings.capabilities.refresh')}
      </button>
      {/* Until the list comes (or when it failed) the card says so instead of being missing. */}
      {!capabilities ? (
        <Loading failed={failed} onRetry={() => void reload()} />
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>{t('settings.capabilities.operation')}</th>
              <th>{t('settings.capabilities.path')}</th>
              <th>{t('settings.capabilities.why')}</th>
            </tr>
          </thead>
          <tbody>
            {capabilities.map((capability) => (
              <tr key={capability.operation} data-testid={`capability-${capability.operation}`}>
                <td>{t(`settings.capabilities.operations.${capability.operation}`)}</td>
                <td>
                  {capability.transport ? t(`settings.capabilities.transports.${capability.transport}`) : t('settings.capabilities.none')}
                </td>
                <td className="hint">
                  {capability.unavailable
                    .map(
                      (u) =>
                        `${t(`settings.capabilities.transports.${u.transport}`)}: ${u.code === 'other' ? u.reason : t(`settings.capabilities.reasons.${u.code}`)}`,
                    )
                    .join('; ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

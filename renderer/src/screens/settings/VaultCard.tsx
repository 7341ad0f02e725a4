import { useTranslation } from 'react-i18next';
import { useClient } from '../../hooks/useClient';
import { useContract } from '../../hooks/useContract';
import { knownKey } from '../../i18n/knownKey';
import { useApp } from '../../store/useApp';

/** Where hh.ru tokens and API keys are kept, and the one explicit choice Linux users may need to make. */
export function VaultCard() {
  const { t } = useTranslation();
  const client = useClient();
  const report = useApp((s) => s.report);
  const { data: status, setData: setStatus } = useContract('vault.status', {});

  const accept = async (value: boolean) => {
    const result = await client.invoke('vault.acceptWeakProtection', { accept: value });
    if (report(result)) setStatus(result.value);
  };

  if (!status) return null;
  const code = status.problem?.code;
  const problemKey = code ? knownKey('settings.vault.problems', code) : undefined;
  return (
    <section className="card" aria-labelledby="vault-title" data-testid="vault">
      <h2 id="vault-title">{t('settings.vault.title')}</h2>
      <p>{status.persistent ? t('settings.vault.persistent', { backend: status.backend }) : t('settings.vault.memoryOnly')}</p>
      {code ? <p className="hint">{problemKey ? t(problemKey) : status.problem?.message}</p> : null}
      {code === 'keyring_unavailable' || status.weakProtectionAccepted ? (
        <label className="check">
          <input type="checkbox" checked={status.weakProtectionAccepted} onChange={(event) => void accept(event.target.checked)} />
          {t('settings.vault.acceptWeak')}
        </label>
      ) : null}
    </section>
  );
}

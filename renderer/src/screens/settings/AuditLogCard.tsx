import { useTranslation } from 'react-i18next';
import { activityAction, activityTarget } from '../../format/activity';
import { useClient } from '../../hooks/useClient';
import { useContract } from '../../hooks/useContract';
import { useContractEvent } from '../../hooks/useContractEvent';
import { useApp } from '../../store/useApp';

const PAGE = 20;

/** Every token use, personal-data read and message sent, newest first: the user can see what the app did. */
export function AuditLogCard() {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const report = useApp((s) => s.report);
  const { data: page, setData: setPage, reload } = useContract('audit.list', { limit: PAGE, offset: 0 });
  // Signing in or out writes to the log: show it without reloading the page.
  useContractEvent('hh.accountChanged', () => void reload());
  const entries = page?.items ?? [];
  const total = page?.total ?? 0;

  const more = async () => {
    const result = await client.invoke('audit.list', { limit: PAGE, offset: entries.length });
    if (report(result)) setPage((current) => ({ ...result.value, items: [...(current?.items ?? []), ...result.value.items] }));
  };

  return (
    <section className="card" aria-labelledby="audit-title">
      <h2 id="audit-title">{t('settings.audit.title')}</h2>
      <p className="hint">{t('settings.audit.hint')}</p>
      {entries.length === 0 ? (
        <p className="hint" data-testid="audit-empty">
          {t('settings.audit.empty')}
        </p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>{t('settings.audit.at')}</th>
              <th>{t('settings.audit.action')}</th>
              <th>{t('settings.audit.target')}</th>
              <th>{t('settings.audit.outcome')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td>{new Date(entry.at).toLocaleString(i18n.language)}</td>
                <td>{activityAction(t, entry.action)}</td>
                <td>{activityTarget(t, entry.target, entry.targetName)}</td>
                <td>{t(`settings.audit.outcomes.${entry.outcome}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {entries.length < total ? (
        <button type="button" className="button" onClick={() => void more()}>
          {t('settings.audit.more', { count: total - entries.length })}
        </button>
      ) : null}
    </section>
  );
}

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../../shared/domain';
import { useClient } from '../../hooks/useClient';
import { useApp } from '../../store/useApp';

const PAGE = 20;

/** Every token use, personal-data read and message sent, newest first: the user can see what the app did. */
export function AuditLogCard() {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const report = useApp((s) => s.report);
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [total, setTotal] = useState(0);

  const load = async (offset: number) => {
    const result = await client.invoke('audit.list', { limit: PAGE, offset });
    if (!report(result)) return;
    setEntries((current) => (offset === 0 ? result.value.items : [...current, ...result.value.items]));
    setTotal(result.value.total);
  };

  useEffect(() => {
    let current = true;
    const reload = () =>
      void client.invoke('audit.list', { limit: PAGE, offset: 0 }).then((result) => {
        if (!current || !report(result)) return;
        setEntries(result.value.items);
        setTotal(result.value.total);
      });
    reload();
    // Signing in or out writes to the log: show it without reloading the page.
    const off = client.on('hh.accountChanged', reload);
    return () => {
      current = false;
      off();
    };
  }, [client, report]);

  return (
    <section className="card" aria-labelledby="audit-title">
      <h2 id="audit-title">{t('settings.audit.title')}</h2>
      <p className="hint">{t('settings.audit.hint')}</p>
      {entries.length === 0 ? (
        <p className="hint" data-testid="audit-empty">{t('settings.audit.empty')}</p>
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
                <td>{entry.action}</td>
                <td>{entry.target}</td>
                <td>{t(`settings.audit.outcomes.${entry.outcome}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {entries.length < total ? (
        <button type="button" className="button" onClick={() => void load(entries.length)}>
          {t('settings.audit.more', { count: total - entries.length })}
        </button>
      ) : null}
    </section>
  );
}

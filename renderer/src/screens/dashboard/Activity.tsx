import { useTranslation } from 'react-i18next';
import { activityLine } from '../../format/activity';
import { useFormat } from '../../format/useFormat';
import { useContract } from '../../hooks/useContract';
import { useContractEvent } from '../../hooks/useContractEvent';
import { useApp } from '../../store/useApp';

/** The last things the app did, in words. */
export function Activity() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const go = useApp((s) => s.go);
  const { data, reload } = useContract('audit.list', { limit: 8, offset: 0 });
  useContractEvent('automation.jobFinished', () => void reload());
  const items = data?.items ?? [];
  return (
    <section className="card" aria-labelledby="activity-title" data-testid="activity">
      <h2 id="activity-title">{t('dashboard.activity.title')}</h2>
      {items.length === 0 ? (
        <p className="hint">{t('dashboard.activity.empty')}</p>
      ) : (
        <ul className="dash-activity">
          {items.map((entry) => (
            <li key={entry.id} className={entry.outcome === 'ok' ? '' : 'dash-activity--problem'}>
              <span className="hint">{fmt.dateTime(entry.at)}</span>
              <span>{activityLine(t, entry)}</span>
              {entry.outcome !== 'ok' ? <span className="badge badge--failed">{t(`settings.audit.outcomes.${entry.outcome}`)}</span> : null}
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="button button--ghost" onClick={() => go('settings')}>
        {t('dashboard.activity.all')}
      </button>
    </section>
  );
}

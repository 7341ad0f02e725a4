import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../../../shared/contract';

type Rate = Dashboard['byTemplate'][number];

function RateTable({ title, rows, fallback }: { title: string; rows: Rate[]; fallback: string }) {
  const { t } = useTranslation();
  const sorted = [...rows].sort((a, b) => b.invited / Math.max(b.sent, 1) - a.invited / Math.max(a.sent, 1) || b.sent - a.sent);
  return (
    <div>
      <h3>{title}</h3>
      <table className="table">
        <thead>
          <tr>
            <th>{t('dashboard.rates.name')}</th>
            <th className="num">{t('dashboard.rates.sent')}</th>
            <th className="num">{t('dashboard.rates.invited')}</th>
            <th className="num">{t('dashboard.rates.rate')}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={String(row.id)}>
              <td>{row.name || fallback}</td>
              <td className="num">{row.sent}</td>
              <td className="num">{row.invited}</td>
              <td className="num">{Math.round((row.invited / Math.max(row.sent, 1)) * 100)}%</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Invitations per application, by letter template and by saved search, with the counts behind each rate. */
export function Rates({ byTemplate, bySearch }: Pick<Dashboard, 'byTemplate' | 'bySearch'>) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="rates-title" data-testid="rates">
      <h2 id="rates-title">{t('dashboard.rates.title')}</h2>
      <p className="hint">{t('dashboard.rates.hint')}</p>
      {byTemplate.length === 0 ? (
        <p className="hint">{t('dashboard.rates.none')}</p>
      ) : (
        <div className="dash-rates">
          <RateTable title={t('dashboard.rates.byTemplate')} rows={byTemplate} fallback={t('dashboard.rates.builtIn')} />
          <RateTable title={t('dashboard.rates.bySearch')} rows={bySearch} fallback={t('dashboard.rates.noSearch')} />
        </div>
      )}
    </section>
  );
}

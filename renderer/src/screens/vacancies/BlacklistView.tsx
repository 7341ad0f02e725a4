import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BlacklistedEmployer } from '../../../../shared/domain/blacklist';
import { Loading } from '../../components/Loading';
import { useFormat } from '../../format/useFormat';
import { useClient } from '../../hooks/useClient';
import { useApp } from '../../store/useApp';

/** One blacklisted employer: name (or hh.ru's number), reason, the day added, Remove. */
function BlacklistRow({
  entry,
  removing,
  onRemove,
}: {
  entry: BlacklistedEmployer;
  removing: boolean;
  onRemove(employerId: string): void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const name = entry.employerName ?? entry.employerId;
  return (
    <tr>
      <td>{name}</td>
      <td className={entry.reason ? undefined : 'hint'}>{entry.reason || t('vacancies.blacklist.noReason')}</td>
      <td>{fmt.date(entry.createdAt)}</td>
      <td>
        <button
          type="button"
          className="button button--small button--ghost"
          disabled={removing}
          aria-label={t('vacancies.blacklist.removeLabel', { employer: name })}
          onClick={() => onRemove(entry.employerId)}
        >
          {t('vacancies.blacklist.remove')}
        </button>
      </td>
    </tr>
  );
}

/**
 * The employer blacklist, a view of Vacancies (it is the vacancies' filter): each employer with the
 * reason and when it was added, and Remove. Removing here does not undo the hide on hh.ru.
 */
export function BlacklistView({
  blacklist,
  failed,
  onRetry,
  onChanged,
  onBack,
}: {
  blacklist: BlacklistedEmployer[] | undefined;
  failed: boolean;
  onRetry(): void;
  onChanged(list: BlacklistedEmployer[]): void;
  onBack(): void;
}) {
  const { t } = useTranslation();
  const client = useClient();
  const report = useApp((s) => s.report);
  const [removing, setRemoving] = useState<string>();

  const remove = (employerId: string) =>
    void (async () => {
      setRemoving(employerId);
      try {
        const result = await client.invoke('blacklist.remove', { employerId });
        if (report(result)) onChanged(result.value);
      } finally {
        setRemoving(undefined);
      }
    })();

  return (
    <section className="card vac-blacklist" aria-labelledby="vac-blacklist-title" data-testid="blacklist">
      <div className="vac-blacklist__head">
        <h2 id="vac-blacklist-title">{t('vacancies.blacklist.title')}</h2>
        <button type="button" className="button button--small" onClick={onBack}>
          {t('vacancies.blacklist.back')}
        </button>
      </div>
      <p className="hint">{t('vacancies.blacklist.hint')}</p>
      {!blacklist ? (
        <Loading failed={failed} onRetry={onRetry} />
      ) : !blacklist.length ? (
        <p className="work-nothing">{t('vacancies.blacklist.empty')}</p>
      ) : (
        <table className="vac-blacklist__table">
          <thead>
            <tr>
              <th scope="col">{t('vacancies.blacklist.columns.employer')}</th>
              <th scope="col">{t('vacancies.blacklist.columns.reason')}</th>
              <th scope="col">{t('vacancies.blacklist.columns.added')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('vacancies.blacklist.columns.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {blacklist.map((entry) => (
              <BlacklistRow key={entry.employerId} entry={entry} removing={removing === entry.employerId} onRemove={remove} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

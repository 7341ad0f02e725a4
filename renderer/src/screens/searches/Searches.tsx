import { Loading } from '../../components/Loading';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedSearch } from '../../../../shared/domain/search';
import { EmptyState } from '../../components/EmptyState';
import { useClient } from '../../hooks/useClient';
import { useContract } from '../../hooks/useContract';
import { usePending } from '../../hooks/usePending';
import { knownKey } from '../../i18n/knownKey';
import { useApp } from '../../store/useApp';
import { filterLabel } from './FilterChips';
import { FILTER_GROUPS } from './filterValues';
import { SearchForm } from './SearchForm';
import { jobMessageText } from '../../format/automation';
import type { Area, SearchRunOutcome } from '../../../../shared/contract';
import '../work.css';
import './searches.css';

/** Every region of hh.ru's tree by its id. */
function namesOf(areas: Area[], out = new Map<string, string>()): Map<string, string> {
  for (const area of areas) {
    out.set(area.id, area.name);
    namesOf(area.areas, out);
  }
  return out;
}

/** A run's figures as the engine's record of a search run has them (the same words as the jobs table). */
const runParams = ({ cancelled: _cancelled, stoppedBy, ...counts }: SearchRunOutcome) => ({ ...counts, ...(stoppedBy && { stoppedBy }) });

/** Saved searches: the list, a create/edit form, delete, and "Run now". */
export function Searches() {
  const { t } = useTranslation();
  const client = useClient();
  const report = useApp((s) => s.report);
  const go = useApp((s) => s.go);
  const { data: searches, setData: setSearches, failed, reload } = useContract('searches.list', {});
  const [editing, setEditing] = useState<SavedSearch | 'new'>();
  const [results, setResults] = useState<Record<number, SearchRunOutcome>>({});
  const [confirming, setConfirming] = useState<number>();
  const { run, pending } = usePending();
  // hh.ru's region tree names the regions picked by name (quiet: without it, codes are shown).
  const { data: areaTree } = useContract('hh.areas', {}, { quiet: true });
  const areaNames = useMemo(() => namesOf(areaTree ?? []), [areaTree]);

  const runNow = (id: number) =>
    run(`run:${id}`, async () => {
      const result = await client.invoke('searches.run', { id });
      if (report(result)) setResults((all) => ({ ...all, [id]: result.value }));
    });

  const remove = (id: number) =>
    run(`delete:${id}`, async () => {
      const result = await client.invoke('searches.delete', { id });
      if (report(result)) setSearches(result.value);
      setConfirming(undefined);
    });

  if (!searches) return <Loading failed={failed} onRetry={() => void reload()} />;

  // A region by its name in the user's language, else by hh.ru's own name from its tree, else its code.
  const areaLabel = (areas: string[]) =>
    areas.length
      ? areas
          .map((id) => {
            const key = knownKey('searches.areaNames', id);
            return key ? t(key) : (areaNames.get(id) ?? id);
          })
          .join(', ')
      : t('searches.anyArea');

  return (
    <div className="work">
      <div className="work__head">
        <h1>{t('searches.title')}</h1>
        {searches.length && !editing ? (
          <button type="button" className="button button--primary" onClick={() => setEditing('new')}>
            {t('searches.create')}
          </button>
        ) : null}
      </div>

      {editing ? (
        <SearchForm
          search={editing === 'new' ? undefined : editing}
          onCancel={() => setEditing(undefined)}
          onSaved={(list) => {
            setSearches(list);
            setEditing(undefined);
          }}
        />
      ) : null}

      {!searches.length && !editing ? (
        <EmptyState art="searches" title={t('searches.emptyTitle')} text={t('searches.emptyText')}>
          <button type="button" className="button button--primary work__empty-action" onClick={() => setEditing('new')}>
            {t('searches.create')}
          </button>
        </EmptyState>
      ) : null}

      {searches.length ? (
        <ul className="work-cards" data-testid="searches">
          {searches.map((search) => {
            const result = results[search.id];
            return (
              <li key={search.id} className="card work-search" data-testid="search" aria-label={search.name}>
                <div className="work-search__main">
                  <h2>
                    {search.name}{' '}
                    <span className={search.active ? 'badge badge--ok' : 'badge'}>
                      {search.active ? t('searches.active') : t('searches.inactive')}
                    </span>{' '}
                    <span className={search.mode === 'autopilot' ? 'badge badge--accent' : 'badge'}>
                      {t(`searches.modes.${search.mode}`)}
                    </span>
                  </h2>
                  <p className="work-meta">
                    {search.filters.text ? <strong>{search.filters.text}</strong> : null}
                    <span>{areaLabel(search.filters.areas)}</span>
                    {FILTER_GROUPS.map((group) =>
                      search.filters[group.field].length ? (
                        <span key={group.field}>
                          {search.filters[group.field].map((id) => filterLabel(t, group.field, { id })).join(', ')}
                        </span>
                      ) : null,
                    )}
                    {search.filters.salary ? (
                      <span>{t('vacancies.salaryFrom', { value: `${search.filters.salary.toLocaleString('ru-RU')} ₽` })}</span>
                    ) : null}
                    <span>{t('searches.every', { hours: search.intervalHours })}</span>
                    {search.minScore !== null ? (
                      <span data-testid="search-min-score">{t('searches.minScoreBadge', { score: search.minScore })}</span>
                    ) : null}
                  </p>
                  {result ? (
                    <p className="status status--ok" role="status" data-testid="run-result">
                      {result.cancelled
                        ? t('searches.runCancelled')
                        : t('searches.runResult', { line: jobMessageText(t, { key: 'searchDone', params: runParams(result) }) })}{' '}
                      {result.found ? (
                        <button type="button" className="link" onClick={() => go('vacancies')}>
                          {t('searches.showVacancies')}
                        </button>
                      ) : null}
                    </p>
                  ) : null}
                </div>
                <div className="row work-search__actions">
                  <button
                    type="button"
                    className="button button--primary"
                    disabled={pending(`run:${search.id}`)}
                    onClick={() => void runNow(search.id)}
                  >
                    {pending(`run:${search.id}`) ? t('searches.running') : t('searches.run')}
                  </button>
                  <button type="button" className="button" onClick={() => setEditing(search)}>
                    {t('searches.edit')}
                  </button>
                  {confirming === search.id ? (
                    <>
                      <button
                        type="button"
                        className="button button--danger"
                        disabled={pending(`delete:${search.id}`)}
                        onClick={() => void remove(search.id)}
                      >
                        {t('searches.confirmDelete')}
                      </button>
                      <button type="button" className="button button--ghost" onClick={() => setConfirming(undefined)}>
                        {t('common.cancel')}
                      </button>
                    </>
                  ) : (
                    <button type="button" className="button button--ghost" onClick={() => setConfirming(search.id)}>
                      {t('searches.delete')}
                    </button>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}

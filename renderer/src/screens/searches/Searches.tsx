import { Loading } from '../../components/Loading';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedSearch } from '../../../../shared/domain/search';
import { EmptyState } from '../../components/EmptyState';
import { useClient } from '../../hooks/useClient';
import { useContract } from '../../hooks/useContract';
import { usePending } from '../../hooks/usePending';
import { useApp } from '../../store/useApp';
import { SearchCard } from './SearchCard';
import { SearchForm } from './SearchForm';
import { useAreaLabel } from './useAreaLabel';
import type { SearchRunOutcome } from '../../../../shared/contract';
import '../work.css';
import './searches.css';

/** Saved searches: the list, a create/edit form, delete, and "Run now". */
export function Searches() {
  const { t } = useTranslation();
  const client = useClient();
  const report = useApp((s) => s.report);
  const { data: searches, setData: setSearches, failed, reload } = useContract('searches.list', {}, { follow: ['searches'] });
  const [editing, setEditing] = useState<SavedSearch | 'new'>();
  const [results, setResults] = useState<Record<number, SearchRunOutcome>>({});
  const [confirming, setConfirming] = useState<number>();
  const { run, pending } = usePending();
  const areaLabel = useAreaLabel();

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
          {searches.map((search) => (
            <SearchCard
              key={search.id}
              search={search}
              areaLabel={areaLabel}
              result={results[search.id]}
              running={pending(`run:${search.id}`)}
              deleting={pending(`delete:${search.id}`)}
              confirming={confirming === search.id}
              onConfirming={(on) => setConfirming(on ? search.id : undefined)}
              onRun={() => void runNow(search.id)}
              onEdit={() => setEditing(search)}
              onDelete={() => void remove(search.id)}
            />
          ))}
        </ul>
      ) : null}
    </div>
  );
}

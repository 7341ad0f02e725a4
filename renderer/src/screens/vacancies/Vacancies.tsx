import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VacancySummary } from '../../../../shared/domain/vacancy';
import { useContract } from '../../hooks/useContract';
import { useContractEvent } from '../../hooks/useContractEvent';
import { useApp } from '../../store/useApp';
import { AddByLink } from './AddByLink';
import { BlacklistView } from './BlacklistView';
import { BulkBar } from './BulkBar';
import { NoVacancies } from './NoVacancies';
import { VacancyDetail } from './VacancyDetail';
import { VacancyListArea } from './VacancyListArea';
import { VacancyToolbar } from './VacancyToolbar';
import { activeFilters, useListFilters } from './useListFilters';
import { useBulkActions } from './useBulkActions';
import { useOpenedVacancy } from './useOpenedVacancy';
import { useStatusFilter } from './useStatusFilter';
import { useVacancyActions } from './useVacancyActions';
import { useVacancyPages } from './useVacancyPages';
import '../work.css';
import './vacancies.css';

/**
 * Found vacancies: a windowed list loaded page by page as it scrolls, status chips with totals, a
 * search box, the order and filters, hh.ru's recommendations, rows ticked for actions on many, a
 * vacancy by its link, and the selected vacancy in full beside the list (or over it on a narrow
 * window). The employer blacklist is a view of its own here.
 */
export function Vacancies() {
  const { t } = useTranslation();
  const go = useApp((s) => s.go);
  const { statuses, toggle, all } = useStatusFilter();
  const [query, setQuery] = useState('');
  const { sort, setSort, filters, setFilters } = useListFilters();
  const [view, setView] = useState<'list' | 'blacklist'>('list');
  const pages = useVacancyPages({ statuses, query, sort, filters });
  const { replace } = pages;
  // A search run or a sync changes statuses: the chips' totals follow (the list keeps its place).
  const { data: counts, reload: reloadCounts } = useContract('vacancies.counts', {});
  useContractEvent('automation.jobFinished', () => void reloadCounts());
  const { selectedId, selectRow, opened, open, close, update } = useOpenedVacancy();

  const changed = useCallback(
    (next: VacancySummary) => {
      replace(next);
      update(next);
      void reloadCounts();
    },
    [replace, update, reloadCounts],
  );
  const bulk = useBulkActions(pages.items, changed);
  const { rowActions, paneActions, busy, isBlacklisted, blacklist } = useVacancyActions({
    changed,
    open,
    select: selectRow,
    pick: bulk.pick,
  });

  const added = useCallback(
    (vacancy: VacancySummary) => {
      open(vacancy, 'write');
      pages.reload();
      void reloadCounts();
    },
    [open, pages, reloadCounts],
  );

  const items = pages.items;
  const nothingAtAll = items && !items.length && !statuses.length && !query && !activeFilters(filters) && !opened;

  return (
    <div className="work work--wide vac-screen">
      <div className="work__head">
        <h1>{t('vacancies.title')}</h1>
        <div className="row vac-head-actions">
          {!nothingAtAll && view === 'list' ? <AddByLink onAdded={added} compact /> : null}
          {view === 'list' ? (
            <button type="button" className="button button--small button--ghost" onClick={() => setView('blacklist')}>
              {t('vacancies.blacklist.open')}
            </button>
          ) : null}
        </div>
      </div>

      {view === 'blacklist' ? (
        <BlacklistView
          blacklist={blacklist.list}
          failed={blacklist.failed}
          onRetry={blacklist.reload}
          onChanged={blacklist.set}
          onBack={() => setView('list')}
        />
      ) : nothingAtAll ? (
        <NoVacancies onAdded={added} />
      ) : (
        <>
          <VacancyToolbar
            onQuery={setQuery}
            shown={items?.length ?? 0}
            total={pages.total}
            statuses={statuses}
            counts={counts}
            onToggle={toggle}
            onAll={all}
            sort={sort}
            onSort={setSort}
            filters={filters}
            onFilters={setFilters}
          />
          {items?.length ? <BulkBar bulk={bulk} onToLetters={() => go('letters')} /> : null}

          <div className={opened ? 'vac-layout vac-layout--open' : 'vac-layout'}>
            <div className="vac-main">
              <VacancyListArea
                pages={pages}
                selectedId={selectedId}
                openedId={opened?.vacancy.id}
                busy={busy}
                actions={rowActions}
                picked={bulk.picked}
              />
            </div>
            {opened ? (
              // Each opening mounts the pane afresh (its key), so where the focus goes applies again.
              <>
                <div className="vac-backdrop" onClick={close} aria-hidden="true" />
                <VacancyDetail
                  key={opened.seq}
                  variant="pane"
                  vacancy={opened.vacancy}
                  actions={paneActions}
                  blacklisted={isBlacklisted(opened.vacancy.employer.id)}
                  focus={opened.focus}
                  onClose={close}
                />
              </>
            ) : null}
          </div>
        </>
      )}
    </div>
  );
}

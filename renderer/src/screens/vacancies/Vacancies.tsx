import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VacancySummary } from '../../../../shared/domain/vacancy';
import { useContract } from '../../hooks/useContract';
import { useContractEvent } from '../../hooks/useContractEvent';
import { AddByLink } from './AddByLink';
import { BlacklistView } from './BlacklistView';
import { BulkBar } from './BulkBar';
import { NoVacancies } from './NoVacancies';
import { VacancyDetail, type DetailActions } from './VacancyDetail';
import { VacancyListArea } from './VacancyListArea';
import { VacancyToolbar } from './VacancyToolbar';
import { activeFilters, useListFilters } from './useListFilters';
import { useBulkActions } from './useBulkActions';
import { useOpenedVacancy, type Opened } from './useOpenedVacancy';
import { useStatusFilter } from './useStatusFilter';
import { useVacancyActions } from './useVacancyActions';
import { useVacancyPages } from './useVacancyPages';
import '../work.css';
import './vacancies.css';

/** The title, the vacancy-by-link field and the way to the blacklist (each when it applies). */
function VacanciesHead({ addByLink, onBlacklist }: { addByLink?: (vacancy: VacancySummary) => void; onBlacklist?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="work__head">
      <h1>{t('vacancies.title')}</h1>
      <div className="row vac-head-actions">
        {addByLink ? <AddByLink onAdded={addByLink} compact /> : null}
        {onBlacklist ? (
          <button type="button" className="button button--small button--ghost" onClick={onBlacklist}>
            {t('vacancies.blacklist.open')}
          </button>
        ) : null}
      </div>
    </div>
  );
}

/** The opened vacancy beside the list, or over it (with a backdrop that closes it) on a narrow window. */
function OpenedPane({
  opened,
  actions,
  blacklisted,
  onClose,
}: {
  opened: Opened;
  actions: DetailActions;
  blacklisted: boolean;
  onClose(): void;
}) {
  return (
    // Each opening mounts the pane afresh (its key), so where the focus goes applies again.
    <>
      <div className="vac-backdrop" onClick={onClose} aria-hidden="true" />
      <VacancyDetail
        key={opened.seq}
        variant="pane"
        vacancy={opened.vacancy}
        actions={actions}
        blacklisted={blacklisted}
        focus={opened.focus}
        onClose={onClose}
      />
    </>
  );
}

/**
 * Found vacancies: a windowed list loaded page by page as it scrolls, status chips with totals, a
 * search box, the order and filters, hh.ru's recommendations, rows ticked for actions on many, a
 * vacancy by its link, and the selected vacancy in full beside the list (or over it on a narrow
 * window). The employer blacklist is a view of its own here.
 */
export function Vacancies() {
  const { statuses, toggle, all } = useStatusFilter();
  const [query, setQuery] = useState('');
  const controls = useListFilters();
  const { sort, filters } = controls;
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
      <VacanciesHead
        addByLink={!nothingAtAll && view === 'list' ? added : undefined}
        onBlacklist={view === 'list' ? () => setView('blacklist') : undefined}
      />

      {view === 'blacklist' ? (
        <BlacklistView
          blacklist={blacklist.list}
          failed={blacklist.failed}
          onRetry={blacklist.reload}
          onChanged={blacklist.set}
          onBack={() => setView('list')}
        />
      ) : nothingAtAll ? (
        <NoVacancies onAdded={added} onRecommended={controls.showRecommended} />
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
            controls={controls}
          />
          {items?.length ? <BulkBar bulk={bulk} /> : null}

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
              <OpenedPane opened={opened} actions={paneActions} blacklisted={isBlacklisted(opened.vacancy.employer.id)} onClose={close} />
            ) : null}
          </div>
        </>
      )}
    </div>
  );
}

import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VacancySummary } from '../../../../shared/domain/vacancy';
import { useContract } from '../../hooks/useContract';
import { useContractEvent } from '../../hooks/useContractEvent';
import { AddByLink } from './AddByLink';
import { NoVacancies } from './NoVacancies';
import { VacancyDetail } from './VacancyDetail';
import { VacancyListArea } from './VacancyListArea';
import { VacancyToolbar } from './VacancyToolbar';
import { useOpenedVacancy } from './useOpenedVacancy';
import { useStatusFilter } from './useStatusFilter';
import { useVacancyActions } from './useVacancyActions';
import { useVacancyPages } from './useVacancyPages';
import '../work.css';
import './vacancies.css';

/**
 * Found vacancies: a windowed list loaded page by page as it scrolls, status chips with totals, a
 * search box, a vacancy by its link, and the selected vacancy in full beside the list (or over it
 * on a narrow window).
 */
export function Vacancies() {
  const { t } = useTranslation();
  const { statuses, toggle, all } = useStatusFilter();
  const [query, setQuery] = useState('');
  const pages = useVacancyPages(statuses, query);
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
  const { rowActions, paneActions, busy, isBlacklisted } = useVacancyActions({ changed, open, select: selectRow });

  const added = useCallback(
    (vacancy: VacancySummary) => {
      open(vacancy, 'write');
      pages.reload();
      void reloadCounts();
    },
    [open, pages, reloadCounts],
  );

  const items = pages.items;
  const nothingAtAll = items && !items.length && !statuses.length && !query && !opened;

  return (
    <div className="work work--wide vac-screen">
      <div className="work__head">
        <h1>{t('vacancies.title')}</h1>
        {!nothingAtAll ? <AddByLink onAdded={added} compact /> : null}
      </div>

      {nothingAtAll ? (
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
          />

          <div className={opened ? 'vac-layout vac-layout--open' : 'vac-layout'}>
            <div className="vac-main">
              <VacancyListArea pages={pages} selectedId={selectedId} openedId={opened?.vacancy.id} busy={busy} actions={rowActions} />
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

import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VacancyStatus, VacancySummary } from '../../../../shared/domain/vacancy';
import { EmptyState } from '../../components/EmptyState';
import { errorText } from '../../format/errorText';
import { useClient } from '../../hooks/useClient';
import { useContract } from '../../hooks/useContract';
import { useContractEvent } from '../../hooks/useContractEvent';
import { usePending } from '../../hooks/usePending';
import { useApp } from '../../store/useApp';
import { useWorkFocus } from '../../store/workFocus';
import { AddByLink } from './AddByLink';
import { SearchBox } from './SearchBox';
import { StatusChips } from './StatusChips';
import { VacancyDetail, type DetailActions } from './VacancyDetail';
import { VacancyList } from './VacancyList';
import type { RowActions } from './VacancyRow';
import { useVacancyPages } from './useVacancyPages';
import '../work.css';
import './vacancies.css';

interface Opened {
  vacancy: VacancySummary;
  /** Where the keyboard goes when the pane opens: its heading (Enter), Write letter (a vacancy just added), or nowhere (a click). */
  focus: 'heading' | 'write' | null;
  /** Each opening mounts the pane afresh, so the focus above applies again. */
  seq: number;
}

/**
 * Found vacancies: a windowed list loaded page by page as it scrolls, status chips with totals, a
 * search box, a vacancy by its link, and the selected vacancy in full beside the list (or over it
 * on a narrow window).
 */
export function Vacancies() {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const report = useApp((s) => s.report);
  const go = useApp((s) => s.go);
  const focusLetter = useWorkFocus((s) => s.focusLetter);
  const [statuses, setStatuses] = useState<VacancyStatus[]>([]);
  const [query, setQuery] = useState('');
  const pages = useVacancyPages(statuses, query);
  const { replace } = pages;
  const { data: counts, reload: reloadCounts } = useContract('vacancies.counts', {});
  const { data: blacklist, setData: setBlacklist } = useContract('blacklist.list', {});
  const [selectedId, setSelectedId] = useState<number>();
  const [opened, setOpened] = useState<Opened>();
  const { run, pending } = usePending();

  // A search run or a sync changes statuses: the chips' totals follow (the list keeps its place).
  useContractEvent('automation.jobFinished', () => void reloadCounts());

  const changed = useCallback(
    (next: VacancySummary) => {
      replace(next);
      setOpened((current) => (current && current.vacancy.id === next.id ? { ...current, vacancy: next } : current));
      void reloadCounts();
    },
    [replace, reloadCounts],
  );

  const open = useCallback((vacancy: VacancySummary, focus: Opened['focus'] = null) => {
    setSelectedId(vacancy.id);
    setOpened((current) => ({ vacancy, focus, seq: (current?.seq ?? 0) + 1 }));
  }, []);

  const close = useCallback(() => {
    const id = opened?.vacancy.id;
    setOpened(undefined);
    // Back to the row the pane was opened from, if it is on screen.
    if (id !== undefined)
      requestAnimationFrame(() =>
        document.querySelector<HTMLElement>(`[data-testid="vacancy"][aria-selected="true"]`)?.focus({ preventScroll: true }),
      );
  }, [opened]);

  const write = useCallback(
    (vacancy: VacancySummary) =>
      void run(`write:${vacancy.id}`, async () => {
        const result = await client.invoke('letters.draft', { vacancyId: vacancy.id, resumeHhId: null });
        if (!report(result)) return;
        changed(result.value.vacancy);
        focusLetter(result.value.application.id);
        go('letters');
      }),
    [run, client, report, changed, focusLetter, go],
  );

  const setStatus = useCallback(
    (vacancy: VacancySummary, status: 'ignored' | 'found') =>
      void run(`status:${vacancy.id}`, async () => {
        const result = await client.invoke('vacancies.setStatus', { id: vacancy.id, status });
        if (report(result)) changed(result.value);
      }),
    [run, client, report, changed],
  );

  const blacklistEmployer = useCallback(
    async (vacancy: VacancySummary) => {
      if (!vacancy.employer.id) return false;
      const result = await client.invoke('blacklist.add', { employerId: vacancy.employer.id, employerName: vacancy.employer.name });
      if (!report(result)) return false;
      setBlacklist(result.value);
      // The user does not want this employer: its vacancy is set aside too, as the engine would.
      if (vacancy.status === 'found') setStatus(vacancy, 'ignored');
      return true;
    },
    [client, report, setBlacklist, setStatus],
  );

  const busy = (id: number) => (pending(`write:${id}`) ? 'write' : pending(`status:${id}`) ? 'status' : undefined);
  const rowActions = useMemo<RowActions>(
    () => ({
      open: (vacancy, byKeyboard) => open(vacancy, byKeyboard ? 'heading' : null),
      select: (vacancy) => setSelectedId(vacancy.id),
      write,
      setStatus,
    }),
    [open, write, setStatus],
  );
  const detailActions: DetailActions = { write, setStatus, blacklist: blacklistEmployer, busy };

  const added = useCallback(
    (vacancy: VacancySummary) => {
      open(vacancy, 'write');
      pages.reload();
      void reloadCounts();
    },
    [open, pages, reloadCounts],
  );

  const toggle = useCallback(
    (status: VacancyStatus) =>
      setStatuses((current) => (current.includes(status) ? current.filter((s) => s !== status) : [...current, status])),
    [],
  );
  const all = useCallback(() => setStatuses([]), []);
  const blacklisted = new Set(blacklist?.map((entry) => entry.employerId));
  const items = pages.items;
  const nothingAtAll = items && !items.length && !statuses.length && !query && !opened;

  return (
    <div className="work work--wide vac-screen">
      <div className="work__head">
        <h1>{t('vacancies.title')}</h1>
        {!nothingAtAll ? <AddByLink onAdded={added} compact /> : null}
      </div>

      {nothingAtAll ? (
        <EmptyState art="vacancies" title={t('vacancies.emptyTitle')} text={t('vacancies.emptyText')}>
          <button type="button" className="button button--primary work__empty-action" onClick={() => go('searches')}>
            {t('vacancies.emptyAction')}
          </button>
          <AddByLink onAdded={added} />
        </EmptyState>
      ) : (
        <>
          <div className="work-toolbar">
            <div className="vac-toolbar__search">
              <SearchBox onQuery={setQuery} />
              {items?.length ? <span className="hint">{t('common.shown', { shown: items.length, total: pages.total })}</span> : null}
            </div>
            <StatusChips statuses={statuses} counts={counts} onToggle={toggle} onAll={all} />
          </div>

          <div className={opened ? 'vac-layout vac-layout--open' : 'vac-layout'}>
            <div className="vac-main">
              {pages.error && !items ? (
                <div className="card vac-state" role="alert" data-testid="vacancies-error">
                  <p>
                    <strong>{t('vacancies.loadFailed')}</strong>
                  </p>
                  <p className="hint">{errorText(t, i18n.language, pages.error)}</p>
                  <button type="button" className="button" onClick={pages.retry}>
                    {t('vacancies.retry')}
                  </button>
                </div>
              ) : !items ? (
                <p className="hint vac-state" role="status" data-testid="vacancies-loading">
                  {t('common.loading')}
                </p>
              ) : !items.length ? (
                <p className="hint work-nothing">{t('vacancies.nothingMatches')}</p>
              ) : (
                <VacancyList pages={pages} selectedId={selectedId} openedId={opened?.vacancy.id} busy={busy} actions={rowActions} />
              )}
            </div>
            {opened ? (
              <>
                <div className="vac-backdrop" onClick={close} aria-hidden="true" />
                <VacancyDetail
                  key={opened.seq}
                  variant="pane"
                  vacancy={opened.vacancy}
                  actions={detailActions}
                  blacklisted={opened.vacancy.employer.id !== null && blacklisted.has(opened.vacancy.employer.id)}
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

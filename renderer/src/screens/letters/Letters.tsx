import { Loading } from '../../components/Loading';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicationView } from '../../../../shared/contract';
import { EmptyState } from '../../components/EmptyState';
import { useFormat } from '../../format/useFormat';
import { useContract } from '../../hooks/useContract';
import { useApp } from '../../store/useApp';
import { useWorkFocus } from '../../store/workFocus';
import type { Budget } from './budget';
import { BulkBar } from './BulkBar';
import { DailyCapControl } from './DailyCapControl';
import { GoneBar, type Gone } from './GoneBar';
import { LetterEditor } from './LetterEditor';
import { LetterFilter, statesOf, type Filter } from './LetterFilter';
import { LetterPicker } from './LetterPicker';
import { useBulkLetters } from './useBulkLetters';
import '../work.css';
import './letters.css';

/** Letters and applications: pick one (or many), edit it, see what stops it, send it within the daily budget, or discard it. */
export function Letters() {
  const { t } = useTranslation();
  const go = useApp((s) => s.go);
  const focused = useWorkFocus((s) => s.applicationId);
  const focusLetter = useWorkFocus((s) => s.focusLetter);
  const fmt = useFormat();
  const [filter, setFilter] = useState<Filter>('all');
  const { data: page, setData: setPage, failed, reload } = useContract('letters.list', { states: statesOf(filter), limit: 200 });
  const views = page?.items;
  const total = page?.total ?? 0;
  const [selected, setSelected] = useState<number | undefined>(focused);
  const [gone, setGone] = useState<Gone>();
  const { data: status, reload: loadBudget } = useContract('applying.status', {});
  const budget: Budget | undefined = status && {
    remaining: status.remaining,
    cap: status.settings.dailyCap,
    nextSlotAt: status.nextSlotAt,
  };

  // "Write letter" in Vacancies lands here once; the focus is then ours to change.
  useEffect(() => {
    if (focused !== undefined) focusLetter(undefined);
  }, [focused, focusLetter]);

  const replace = (next: ApplicationView) =>
    setPage((current) => {
      if (!current) return current;
      const known = current.items.some((v) => v.application.id === next.application.id);
      return {
        ...current,
        items: known ? current.items.map((v) => (v.application.id === next.application.id ? next : v)) : [next, ...current.items],
        total: known ? current.total : current.total + 1,
      };
    });
  // A discarded letter leaves the list at once; the bar above it brings it back.
  const remove = (left: ApplicationView[]) =>
    setPage((current) => {
      if (!current) return current;
      const ids = new Set(left.map((v) => v.application.id));
      const items = current.items.filter((v) => !ids.has(v.application.id));
      return { ...current, items, total: current.total - (current.items.length - items.length) };
    });
  const leave = (left: ApplicationView[], how: Gone['how']) => {
    remove(left);
    setGone({ views: left, how });
  };

  const bulk = useBulkLetters({
    onSent: (view) => {
      replace(view);
      void loadBudget();
    },
    onDiscarded: (left) => leave(left, 'discarded'),
  });

  const current = views?.find((v) => v.application.id === selected) ?? views?.[0];

  return (
    <div className="work work--wide">
      <div className="work__head">
        <h1>{t('letters.title')}</h1>
        {budget ? <DailyCapControl cap={budget.cap} onSaved={() => void loadBudget()} /> : null}
      </div>

      {gone ? (
        <GoneBar
          gone={gone}
          onRestored={(restored) => {
            restored.forEach(replace);
            setSelected(restored[0]?.application.id);
            setGone(undefined);
          }}
          onClose={() => setGone(undefined)}
        />
      ) : null}

      {views && !views.length && filter === 'all' ? (
        <EmptyState art="letters" title={t('letters.emptyTitle')} text={t('letters.emptyText')}>
          <button type="button" className="button button--primary work__empty-action" onClick={() => go('vacancies')}>
            {t('letters.emptyAction')}
          </button>
        </EmptyState>
      ) : (
        <>
          <LetterFilter value={filter} onChange={setFilter} />
          {!views ? (
            <Loading failed={failed} onRetry={() => void reload()} />
          ) : !views.length ? (
            <p className="hint work-nothing">{t('letters.nothingInState')}</p>
          ) : (
            <>
              <BulkBar
                chosen={bulk.chosen.size}
                total={views.filter((v) => ['draft', 'approved', 'failed'].includes(v.application.state)).length}
                progress={bulk.progress}
                results={bulk.results}
                onAll={() =>
                  bulk.choose(
                    views.filter((v) => ['draft', 'approved', 'failed'].includes(v.application.state)).map((v) => v.application.id),
                  )
                }
                onClear={bulk.clear}
                onSend={() => void bulk.send(views)}
                onDiscard={() => void bulk.discard(views)}
                onStop={bulk.stop}
                onDismiss={bulk.dismissResults}
              />
              <div className="work-split">
                <LetterPicker
                  views={views}
                  total={total}
                  currentId={current?.application.id}
                  onPick={setSelected}
                  chosen={bulk.chosen}
                  onChoose={bulk.toggle}
                />
                {current ? (
                  <LetterEditor
                    key={current.application.id}
                    view={current}
                    budget={budget}
                    onChange={replace}
                    onSent={(view) => {
                      replace(view);
                      void loadBudget();
                    }}
                    onGone={(view, how) => leave([view], how)}
                    fmt={fmt}
                  />
                ) : (
                  <p className="hint">{t('letters.pick')}</p>
                )}
              </div>
            </>
          )}
        </>
      )}
    </div>
  );
}

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
import { LetterFilter, type Filter } from './LetterFilter';
import { LetterSplit } from './LetterSplit';
import { useBulkLetters } from './useBulkLetters';
import { useLetterPage } from './useLetterPage';
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
  const { views, total, failed, reload, replace, remove } = useLetterPage(filter);
  const [selected, setSelected] = useState<number | undefined>(focused);
  const [gone, setGone] = useState<Gone>();
  const { data: status, reload: loadBudget } = useContract('applying.status', {}, { follow: ['applying', 'letters'] });
  const budget: Budget | undefined = status && {
    remaining: status.remaining,
    cap: status.settings.dailyCap,
    nextSlotAt: status.nextSlotAt,
  };

  // "Write letter" in Vacancies lands here once; the focus is then ours to change.
  useEffect(() => {
    if (focused !== undefined) focusLetter(undefined);
  }, [focused, focusLetter]);

  // A discarded letter leaves the list at once; the bar above it brings it back.
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
              <BulkBar bulk={bulk} views={views} />
              <LetterSplit
                views={views}
                total={total}
                current={current}
                onPick={setSelected}
                bulk={bulk}
                budget={budget}
                onChange={replace}
                onSent={(view) => {
                  replace(view);
                  void loadBudget();
                }}
                onGone={(view, how) => leave([view], how)}
                onRestored={(view) => remove([view])}
                fmt={fmt}
              />
            </>
          )}
        </>
      )}
    </div>
  );
}

import { Loading } from '../../components/Loading';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicationView } from '../../../../shared/contract';
import type { ApplicationState } from '../../../../shared/domain/application';
import { EmptyState } from '../../components/EmptyState';
import { useFormat } from '../../format/useFormat';
import { useContract } from '../../hooks/useContract';
import { useApp } from '../../store/useApp';
import { useWorkFocus } from '../../store/workFocus';
import type { Budget } from './budget';
import { DailyCapControl } from './DailyCapControl';
import { LetterEditor } from './LetterEditor';
import '../work.css';
import './letters.css';

const FILTERS = ['all', 'draft', 'approved', 'failed', 'sent'] as const;
type Filter = (typeof FILTERS)[number];
const statesOf = (filter: Filter): ApplicationState[] =>
  filter === 'all' ? [] : filter === 'draft' ? ['draft'] : filter === 'sent' ? ['sent', 'sending'] : [filter];

/** Letters and applications: pick one, edit it, see what stops it, send it within the daily budget. */
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
      };
    });

  const current = views?.find((v) => v.application.id === selected) ?? views?.[0];

  return (
    <div className="work work--wide">
      <div className="work__head">
        <h1>{t('letters.title')}</h1>
        {budget ? <DailyCapControl cap={budget.cap} onSaved={() => void loadBudget()} /> : null}
      </div>

      {views && !views.length && filter === 'all' ? (
        <EmptyState art="letters" title={t('letters.emptyTitle')} text={t('letters.emptyText')}>
          <button type="button" className="button button--primary work__empty-action" onClick={() => go('vacancies')}>
            {t('letters.emptyAction')}
          </button>
        </EmptyState>
      ) : (
        <>
          <div className="segmented work-filter" role="radiogroup" aria-label={t('letters.filterLabel')}>
            {FILTERS.map((value) => (
              <label key={value} className={filter === value ? 'segmented__item segmented__item--on' : 'segmented__item'}>
                <input type="radio" name="letters-filter" value={value} checked={filter === value} onChange={() => setFilter(value)} />
                {value === 'all' ? t('common.all') : t(`letters.states.${value}`)}
              </label>
            ))}
          </div>
          {!views ? (
            <Loading failed={failed} onRetry={() => void reload()} />
          ) : !views.length ? (
            <p className="hint work-nothing">{t('letters.nothingInState')}</p>
          ) : (
            <div className="work-split">
              <ul className="work-picker" data-testid="letters" aria-label={t('letters.title')}>
                {views.map((view) => (
                  <li key={view.application.id}>
                    <button
                      type="button"
                      className={view.application.id === current?.application.id ? 'work-pick work-pick--on' : 'work-pick'}
                      aria-current={view.application.id === current?.application.id ? 'true' : undefined}
                      onClick={() => setSelected(view.application.id)}
                    >
                      <span className="work-pick__title">{view.vacancy.title}</span>
                      <span className="work-pick__sub">
                        <span className="hint">{view.vacancy.employer.name}</span>
                        <span className="work-pick__badges">
                          {view.validation.unsupported.length &&
                          (view.application.state === 'draft' || view.application.state === 'approved') ? (
                            <span className="badge badge--warn" data-testid="unsupported-badge">
                              {t('letters.unsupported.badge')}
                            </span>
                          ) : null}
                          <span className={`badge badge--${view.application.state}`}>{t(`letters.states.${view.application.state}`)}</span>
                        </span>
                      </span>
                    </button>
                  </li>
                ))}
                {views.length < total ? (
                  <li className="hint work-pick__more">{t('common.shown', { shown: views.length, total })}</li>
                ) : null}
              </ul>
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
                  fmt={fmt}
                />
              ) : (
                <p className="hint">{t('letters.pick')}</p>
              )}
            </div>
          )}
        </>
      )}
    </div>
  );
}

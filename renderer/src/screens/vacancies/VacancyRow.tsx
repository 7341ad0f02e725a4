import { memo, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { VacancySummary } from '../../../../shared/domain/vacancy';
import { salaryText } from '../../format/salary';
import { useFormat } from '../../format/useFormat';
import type { RowActions } from './rowActions';
import { RowButtons } from './RowButtons';
import { SkipReason, skipShown } from './SkipReason';

export { canWrite, type RowActions } from './rowActions';

/** The status, the AI's kept score when there is one, the day it was found, and whether hh.ru recommended it. */
function StatusCell({ vacancy }: { vacancy: VacancySummary }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <div role="gridcell" className="vac-cell vac-cell--status">
      <span className={`badge badge--${vacancy.status}`}>{t(`vacancies.statuses.${vacancy.status}`)}</span>
      {typeof vacancy.score === 'number' ? (
        <span className="vac-score-chip" title={t('vacancies.score.label', { score: vacancy.score })}>
          {t('vacancies.score.chip', { score: vacancy.score })}
        </span>
      ) : null}
      <span className="hint vac-found">{t('vacancies.foundOn', { date: fmt.date(vacancy.firstSeenAt) })}</span>
      {vacancy.recommended ? <span className="hint vac-found">{t('vacancies.recommended.tag')}</span> : null}
    </div>
  );
}

/**
 * One vacancy. Memoized: it renders again only when its vacancy, place or selection changes, not
 * when the list scrolls, a page arrives or another row is selected. Its cells are a table row or a
 * card, by the list's width (CSS container query): the markup is the same.
 */
export const VacancyRow = memo(function VacancyRow({
  vacancy,
  index,
  start,
  selected,
  tabbable,
  opened,
  picked,
  busy,
  actions,
  measure,
}: {
  vacancy: VacancySummary;
  index: number;
  /** Pixels from the top of the list. */
  start: number;
  selected: boolean;
  /** The one row Tab reaches: the selected one, or the first on screen when the selected one is not. */
  tabbable: boolean;
  opened: boolean;
  /** Its checkbox is ticked (the actions on many at once). */
  picked: boolean;
  busy: 'write' | 'status' | undefined;
  actions: RowActions;
  measure(element: HTMLElement | null): void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  // Buttons of other rows stay out of the Tab order: Tab goes row → its actions → out of the list.
  const tab = tabbable ? 0 : -1;
  const onClick = (event: MouseEvent) => {
    if ((event.target as HTMLElement).closest('a, button, input, label')) return;
    actions.open(vacancy, false);
  };
  const classes = [
    'vac-row',
    selected ? 'vac-row--selected' : '',
    opened ? 'vac-row--opened' : '',
    vacancy.status === 'ignored' ? 'vac-row--muted' : '',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <div
      ref={measure}
      data-index={index}
      data-testid="vacancy"
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      tabIndex={tab}
      className={classes}
      style={{ transform: `translateY(${start}px)` }}
      onClick={onClick}
      onFocus={(event) => {
        if (event.target === event.currentTarget && !selected) actions.select(vacancy);
      }}
    >
      <div role="gridcell" className="vac-cell vac-cell--main">
        {/* The box comes after the title, so the row is named by its title first; CSS shows it on the left. */}
        <div className="vac-title-line">
          <div className="work-title vac-title" title={vacancy.title}>
            {vacancy.title}
          </div>
          <input
            type="checkbox"
            className="vac-pick"
            tabIndex={tab}
            checked={picked}
            aria-label={t('vacancies.pick', { title: vacancy.title })}
            onChange={(event) => actions.pick(vacancy, event.target.checked)}
          />
        </div>
        <div className="hint vac-employer">{[vacancy.employer.name, vacancy.area.name].filter(Boolean).join(' · ')}</div>
        {skipShown(vacancy) ? <SkipReason vacancy={vacancy} /> : null}
      </div>
      <div role="gridcell" className="vac-cell vac-cell--salary">
        {salaryText(vacancy.salary, fmt, t)}
      </div>
      <StatusCell vacancy={vacancy} />
      <RowButtons vacancy={vacancy} busy={busy} actions={actions} tab={tab} />
    </div>
  );
});

import { useTranslation } from 'react-i18next';
import type { ApplicationView } from '../../../../shared/contract';

const OPEN = new Set(['draft', 'approved', 'failed']);

/**
 * The letters to pick from, each with its vacancy, employer and state, and a mark when it names what
 * the resume lacks; an unsent one has a box to choose it for a bulk action.
 */
export function LetterPicker({
  views,
  total,
  currentId,
  onPick,
  chosen,
  onChoose,
}: {
  views: ApplicationView[];
  /** All there are: more than shown says so under the list. */
  total: number;
  currentId: number | undefined;
  onPick(id: number): void;
  chosen: Set<number>;
  onChoose(id: number): void;
}) {
  const { t } = useTranslation();
  return (
    <ul className="work-picker" data-testid="letters" aria-label={t('letters.title')}>
      {views.map((view) => (
        <li key={view.application.id} className="work-pick__row">
          {OPEN.has(view.application.state) && !view.application.discardedAt ? (
            <input
              type="checkbox"
              className="work-pick__choose"
              checked={chosen.has(view.application.id)}
              onChange={() => onChoose(view.application.id)}
              aria-label={t('letters.bulk.pick', { title: view.vacancy.title })}
            />
          ) : null}
          <button
            type="button"
            className={view.application.id === currentId ? 'work-pick work-pick--on' : 'work-pick'}
            aria-current={view.application.id === currentId ? 'true' : undefined}
            onClick={() => onPick(view.application.id)}
          >
            <span className="work-pick__title">{view.vacancy.title}</span>
            <span className="work-pick__sub">
              <span className="hint">{view.vacancy.employer.name}</span>
              <span className="work-pick__badges">
                {view.validation.unsupported.length && (view.application.state === 'draft' || view.application.state === 'approved') ? (
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
      {views.length < total ? <li className="hint work-pick__more">{t('common.shown', { shown: views.length, total })}</li> : null}
    </ul>
  );
}

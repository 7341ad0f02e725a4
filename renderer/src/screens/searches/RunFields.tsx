import { useTranslation } from 'react-i18next';
import { useApp } from '../../store/useApp';
import { FieldError } from '../settings/errors';
import { scoreOf, type SearchDraft, type SetDraft } from './searchDraft';

/** How the search runs: how often, the AI score a vacancy needs, review or Autopilot, and whether it is on. */
export function RunFields({
  draft,
  set,
  noAi,
  issues,
}: {
  draft: SearchDraft;
  set: SetDraft;
  noAi: boolean;
  issues: Record<string, string>;
}) {
  const { t } = useTranslation();
  const go = useApp((s) => s.go);
  const score = scoreOf(draft.minScore);
  const outOfRange = score !== null && (Number.isNaN(score) || score < 0 || score > 100);
  return (
    <>
      <label>
        {t('searches.form.intervalHours')}
        <input
          type="number"
          min={0.5}
          max={168}
          step={0.5}
          value={draft.intervalHours}
          onChange={(e) => set({ intervalHours: e.target.value })}
          aria-invalid={Boolean(issues.intervalHours)}
        />
        <FieldError message={issues.intervalHours} />
      </label>
      <label className="work-form__wide work-form__score">
        {t('searches.form.minScore')}
        <input
          type="number"
          name="minScore"
          min={0}
          max={100}
          step={1}
          value={draft.minScore}
          onChange={(e) => set({ minScore: e.target.value })}
          placeholder={t('searches.form.minScoreNone')}
          aria-invalid={Boolean(issues.minScore) || outOfRange}
        />
        {/* A score outside 0-100 is said at once, never as "at least 150 of 100". */}
        {issues.minScore || outOfRange ? (
          <FieldError message={issues.minScore ?? t('searches.form.minScoreRange')} />
        ) : (
          <span className="hint" data-testid="min-score-hint">
            {score === null ? t('searches.form.minScoreOff') : t('searches.form.minScoreHint', { score })}
          </span>
        )}
      </label>
      {/* Scoring needs a model: with "No AI" the run would stop with ai_not_configured, so the form says so first. */}
      {score !== null && noAi ? (
        <div className="work-form__wide work-warning" role="alert" data-testid="min-score-no-ai">
          <p>{t('searches.form.minScoreNoAi')}</p>
          <button type="button" className="link" onClick={() => go('settings')}>
            {t('searches.form.openAiSettings')}
          </button>
        </div>
      ) : null}
      <fieldset className="work-form__wide">
        <legend>{t('searches.form.mode')}</legend>
        <div className="segmented" role="radiogroup">
          {(['review', 'autopilot'] as const).map((value) => (
            <label key={value} className={draft.mode === value ? 'segmented__item segmented__item--on' : 'segmented__item'}>
              <input type="radio" name="mode" value={value} checked={draft.mode === value} onChange={() => set({ mode: value })} />
              {t(`searches.modes.${value}`)}
            </label>
          ))}
        </div>
        <p className="hint">{t(`searches.modeHints.${draft.mode}`)}</p>
      </fieldset>
      <label className="check work-form__wide">
        <input type="checkbox" checked={draft.active} onChange={(e) => set({ active: e.target.checked })} />
        {t('searches.form.active')}
      </label>
    </>
  );
}

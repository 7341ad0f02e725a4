import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedSearch, SavedSearchInput, SearchFilters } from '../../../../shared/domain/search';
import { useClient } from '../../hooks/useClient';
import { useContract } from '../../hooks/useContract';
import { useApp } from '../../store/useApp';
import { AreaPicker } from './AreaPicker';
import { COMMON_AREAS } from './areas';
import { FilterChips } from './FilterChips';
import { FILTER_GROUPS, filterOptions, type FilterField } from './filterValues';

/** Create or edit one saved search. */
export function SearchForm({ search, onCancel, onSaved }: { search?: SavedSearch; onCancel(): void; onSaved(list: SavedSearch[]): void }) {
  const { t } = useTranslation();
  const client = useClient();
  const report = useApp((s) => s.report);
  const go = useApp((s) => s.go);
  const filters = search?.filters;
  const [name, setName] = useState(search?.name ?? '');
  const [text, setText] = useState(filters?.text ?? '');
  const [areas, setAreas] = useState<string[]>(filters?.areas.filter((id) => COMMON_AREAS.includes(id as never)) ?? ['1']);
  const [extraAreas, setExtraAreas] = useState<string[]>(filters?.areas.filter((id) => !COMMON_AREAS.includes(id as never)) ?? []);
  const [chosen, setChosen] = useState<Record<FilterField, string[]>>({
    experience: filters?.experience ?? [],
    employmentForm: filters?.employmentForm ?? [],
    workFormat: filters?.workFormat ?? [],
  });
  const [salary, setSalary] = useState(filters?.salary ? String(filters.salary) : '');
  const [onlyWithSalary, setOnlyWithSalary] = useState(filters?.onlyWithSalary ?? false);
  const [excludedText, setExcludedText] = useState(filters?.excludedText ?? '');
  const [periodDays, setPeriodDays] = useState(filters?.periodDays ? String(filters.periodDays) : '');
  const [intervalHours, setIntervalHours] = useState(String(search?.intervalHours ?? 4));
  const [mode, setMode] = useState<SavedSearch['mode']>(search?.mode ?? 'review');
  const [active, setActive] = useState(search?.active ?? true);
  const [minScore, setMinScore] = useState(search?.minScore === null || search?.minScore === undefined ? '' : String(search.minScore));
  // Scoring needs a model: with "No AI" the run would stop with ai_not_configured, so the form says so first.
  const { data: ai } = useContract('ai.settings.get', {});
  // hh.ru's dictionaries when its API answers; on the website path there are none, and the known values do.
  const { data: dictionaries } = useContract('hh.dictionaries', {}, { quiet: true });
  const noAi = ai?.settings.kind === 'template';
  const [busy, setBusy] = useState(false);

  const areaError = extraAreas.some((id) => !/^\d+$/.test(id));
  const score = minScore.trim() === '' ? null : Math.round(Number(minScore));

  const toggleArea = (id: string) => setAreas((current) => (current.includes(id) ? current.filter((a) => a !== id) : [...current, id]));

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (areaError) return;
    const input: SavedSearchInput = {
      name,
      filters: {
        ...filters,
        text: text.trim(),
        areas: [...new Set([...areas, ...extraAreas])],
        // Only hh.ru's four experience values are offered (FILTER_GROUPS), so the cast holds.
        experience: chosen.experience as SearchFilters['experience'],
        employmentForm: chosen.employmentForm,
        workFormat: chosen.workFormat,
        salary: salary ? Math.round(Number(salary)) : null,
        onlyWithSalary,
        excludedText: excludedText.trim(),
        periodDays: periodDays ? Math.round(Number(periodDays)) : null,
      },
      intervalHours: Number(intervalHours),
      mode,
      active,
      minScore: score,
    };
    setBusy(true);
    try {
      const result = await client.invoke('searches.save', { ...(search && { id: search.id }), search: input });
      if (report(result)) onSaved(result.value);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="search-form-title">
      <h2 id="search-form-title">{search ? t('searches.form.editTitle', { name: search.name }) : t('searches.form.newTitle')}</h2>
      <form className="form form--wide work-form" onSubmit={(event) => void save(event)} data-testid="search-form">
        <label>
          {t('searches.form.name')}
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder={t('searches.form.namePlaceholder')}
            required
            maxLength={100}
          />
        </label>
        <label>
          {t('searches.form.text')}
          <input value={text} onChange={(e) => setText(e.target.value)} placeholder={t('searches.form.textPlaceholder')} maxLength={500} />
        </label>
        <fieldset className="work-form__wide">
          <legend>{t('searches.form.areas')}</legend>
          <div className="chips">
            {COMMON_AREAS.map((id) => (
              <label key={id} className={areas.includes(id) ? 'chip chip--on' : 'chip'}>
                <input type="checkbox" checked={areas.includes(id)} onChange={() => toggleArea(id)} />
                {t(`searches.areaNames.${id}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <AreaPicker value={extraAreas} onChange={setExtraAreas} />
        {FILTER_GROUPS.map((group) => (
          <FilterChips
            key={group.field}
            group={group}
            options={filterOptions(group, dictionaries, chosen[group.field])}
            value={chosen[group.field]}
            onChange={(next) => setChosen((current) => ({ ...current, [group.field]: next }))}
          />
        ))}
        <label>
          {t('searches.form.excludedText')}
          <input
            value={excludedText}
            onChange={(e) => setExcludedText(e.target.value)}
            placeholder={t('searches.form.excludedPlaceholder')}
            maxLength={500}
          />
        </label>
        <label>
          {t('searches.form.salary')}
          <input type="number" min={1} value={salary} onChange={(e) => setSalary(e.target.value)} />
        </label>
        <label className="check work-form__check">
          <input type="checkbox" checked={onlyWithSalary} onChange={(e) => setOnlyWithSalary(e.target.checked)} />
          {t('searches.form.onlyWithSalary')}
        </label>
        <label>
          {t('searches.form.periodDays')}
          <input
            type="number"
            min={1}
            max={30}
            value={periodDays}
            onChange={(e) => setPeriodDays(e.target.value)}
            placeholder={t('searches.form.periodAny')}
          />
        </label>
        <label>
          {t('searches.form.intervalHours')}
          <input
            type="number"
            min={0.5}
            max={168}
            step={0.5}
            value={intervalHours}
            onChange={(e) => setIntervalHours(e.target.value)}
            required
          />
        </label>
        <label className="work-form__wide work-form__score">
          {t('searches.form.minScore')}
          <input
            type="number"
            name="minScore"
            min={0}
            max={100}
            step={1}
            value={minScore}
            onChange={(e) => setMinScore(e.target.value)}
            placeholder={t('searches.form.minScoreNone')}
          />
          <span className="hint" data-testid="min-score-hint">
            {score === null || Number.isNaN(score) ? t('searches.form.minScoreOff') : t('searches.form.minScoreHint', { score })}
          </span>
        </label>
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
              <label key={value} className={mode === value ? 'segmented__item segmented__item--on' : 'segmented__item'}>
                <input type="radio" name="mode" value={value} checked={mode === value} onChange={() => setMode(value)} />
                {t(`searches.modes.${value}`)}
              </label>
            ))}
          </div>
          <p className="hint">{t(`searches.modeHints.${mode}`)}</p>
        </fieldset>
        <label className="check work-form__wide">
          <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} />
          {t('searches.form.active')}
        </label>
        <div className="row work-form__wide">
          <button type="submit" className="button button--primary" disabled={busy || areaError}>
            {busy ? t('common.saving') : t('common.save')}
          </button>
          <button type="button" className="button button--ghost" onClick={onCancel} disabled={busy}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}

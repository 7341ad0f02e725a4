import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedSearch, SavedSearchInput } from '../../../../shared/domain/search';
import { EmptyState } from '../../components/EmptyState';
import { useApp } from '../../store/app';
import { usePending } from '../../hooks/usePending';
import '../work.css';
import './searches.css';

const COMMON_AREAS = ['1', '2', '113'] as const;
const REMOTE = 'REMOTE';

/** Saved searches: the list, a create/edit form, delete, and "Run now". */
export function Searches() {
  const { t } = useTranslation();
  const client = useApp((s) => s.client);
  const report = useApp((s) => s.report);
  const go = useApp((s) => s.go);
  const [searches, setSearches] = useState<SavedSearch[]>();
  const [editing, setEditing] = useState<SavedSearch | 'new'>();
  const [results, setResults] = useState<Record<number, { found: number; added: number }>>({});
  const [confirming, setConfirming] = useState<number>();
  const { run, pending } = usePending();

  useEffect(() => {
    if (!client) return;
    let current = true;
    void client.invoke('searches.list', {}).then((result) => {
      if (current && report(result)) setSearches(result.value);
    });
    return () => {
      current = false;
    };
  }, [client, report]);

  const runNow = (id: number) =>
    run(`run:${id}`, async () => {
      if (!client) return;
      const result = await client.invoke('searches.run', { id });
      if (report(result)) setResults((all) => ({ ...all, [id]: { found: result.value.found, added: result.value.added } }));
    });

  const remove = (id: number) =>
    run(`delete:${id}`, async () => {
      if (!client) return;
      const result = await client.invoke('searches.delete', { id });
      if (report(result)) setSearches(result.value);
      setConfirming(undefined);
    });

  if (!searches) return <p className="hint">{t('work.common.loading')}</p>;

  const areaLabel = (areas: string[]) =>
    areas.length ? areas.map((id) => t(`work.searches.areaNames.${id}`, { defaultValue: id })).join(', ') : t('work.searches.anyArea');

  return (
    <div className="work">
      <div className="work__head">
        <h1>{t('work.searches.title')}</h1>
        {searches.length && !editing ? (
          <button type="button" className="button button--primary" onClick={() => setEditing('new')}>
            {t('work.searches.create')}
          </button>
        ) : null}
      </div>

      {editing ? (
        <SearchForm
          search={editing === 'new' ? undefined : editing}
          onCancel={() => setEditing(undefined)}
          onSaved={(list) => {
            setSearches(list);
            setEditing(undefined);
          }}
        />
      ) : null}

      {!searches.length && !editing ? (
        <EmptyState title={t('work.searches.emptyTitle')} text={t('work.searches.emptyText')}>
          <button type="button" className="button button--primary work__empty-action" onClick={() => setEditing('new')}>
            {t('work.searches.create')}
          </button>
        </EmptyState>
      ) : null}

      {searches.length ? (
        <ul className="work-cards" data-testid="searches">
          {searches.map((search) => {
            const result = results[search.id];
            const remote = search.filters.workFormat.includes(REMOTE);
            return (
              <li key={search.id} className="card work-search" data-testid="search" aria-label={search.name}>
                <div className="work-search__main">
                  <h2>
                    {search.name}{' '}
                    <span className={search.active ? 'badge badge--ok' : 'badge'}>
                      {search.active ? t('work.searches.active') : t('work.searches.inactive')}
                    </span>{' '}
                    <span className={search.mode === 'autopilot' ? 'badge badge--accent' : 'badge'}>{t(`work.searches.modes.${search.mode}`)}</span>
                  </h2>
                  <p className="work-meta">
                    {search.filters.text ? <strong>{search.filters.text}</strong> : null}
                    <span>{areaLabel(search.filters.areas)}</span>
                    {remote ? <span>{t('work.searches.form.remote')}</span> : null}
                    {search.filters.salary ? <span>{t('work.vacancies.salaryFrom', { value: `${search.filters.salary.toLocaleString('ru-RU')} ₽` })}</span> : null}
                    <span>{t('work.searches.every', { hours: search.intervalHours })}</span>
                  </p>
                  {result ? (
                    <p className="status status--ok" role="status" data-testid="run-result">
                      {t('work.searches.runResult', result)}{' '}
                      {result.found ? (
                        <button type="button" className="link" onClick={() => go('vacancies')}>
                          {t('work.searches.showVacancies')}
                        </button>
                      ) : null}
                    </p>
                  ) : null}
                </div>
                <div className="row work-search__actions">
                  <button type="button" className="button button--primary" disabled={pending(`run:${search.id}`)} onClick={() => void runNow(search.id)}>
                    {pending(`run:${search.id}`) ? t('work.searches.running') : t('work.searches.run')}
                  </button>
                  <button type="button" className="button" onClick={() => setEditing(search)}>
                    {t('work.searches.edit')}
                  </button>
                  {confirming === search.id ? (
                    <>
                      <button type="button" className="button button--danger" disabled={pending(`delete:${search.id}`)} onClick={() => void remove(search.id)}>
                        {t('work.searches.confirmDelete')}
                      </button>
                      <button type="button" className="button button--ghost" onClick={() => setConfirming(undefined)}>
                        {t('work.common.cancel')}
                      </button>
                    </>
                  ) : (
                    <button type="button" className="button button--ghost" onClick={() => setConfirming(search.id)}>
                      {t('work.searches.delete')}
                    </button>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}

function SearchForm({ search, onCancel, onSaved }: { search?: SavedSearch; onCancel(): void; onSaved(list: SavedSearch[]): void }) {
  const { t } = useTranslation();
  const client = useApp((s) => s.client);
  const report = useApp((s) => s.report);
  const filters = search?.filters;
  const [name, setName] = useState(search?.name ?? '');
  const [text, setText] = useState(filters?.text ?? '');
  const [areas, setAreas] = useState<string[]>(filters?.areas.filter((id) => COMMON_AREAS.includes(id as never)) ?? ['1']);
  const [otherAreas, setOtherAreas] = useState(filters?.areas.filter((id) => !COMMON_AREAS.includes(id as never)).join(', ') ?? '');
  const [remote, setRemote] = useState(filters?.workFormat.includes(REMOTE) ?? false);
  const [salary, setSalary] = useState(filters?.salary ? String(filters.salary) : '');
  const [onlyWithSalary, setOnlyWithSalary] = useState(filters?.onlyWithSalary ?? false);
  const [excludedText, setExcludedText] = useState(filters?.excludedText ?? '');
  const [periodDays, setPeriodDays] = useState(filters?.periodDays ? String(filters.periodDays) : '');
  const [intervalHours, setIntervalHours] = useState(String(search?.intervalHours ?? 4));
  const [mode, setMode] = useState<SavedSearch['mode']>(search?.mode ?? 'review');
  const [active, setActive] = useState(search?.active ?? true);
  const [busy, setBusy] = useState(false);

  const extraAreas = otherAreas
    .split(/[\s,;]+/)
    .map((id) => id.trim())
    .filter(Boolean);
  const areaError = extraAreas.some((id) => !/^\d+$/.test(id));

  const toggleArea = (id: string) => setAreas((current) => (current.includes(id) ? current.filter((a) => a !== id) : [...current, id]));

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!client || areaError) return;
    const input: SavedSearchInput = {
      name,
      filters: {
        ...filters,
        text: text.trim(),
        areas: [...new Set([...areas, ...extraAreas])],
        workFormat: [...(filters?.workFormat.filter((f) => f !== REMOTE) ?? []), ...(remote ? [REMOTE] : [])],
        salary: salary ? Math.round(Number(salary)) : null,
        onlyWithSalary,
        excludedText: excludedText.trim(),
        periodDays: periodDays ? Math.round(Number(periodDays)) : null,
      },
      intervalHours: Number(intervalHours),
      mode,
      active,
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
      <h2 id="search-form-title">{search ? t('work.searches.form.editTitle', { name: search.name }) : t('work.searches.form.newTitle')}</h2>
      <form className="form form--wide work-form" onSubmit={(event) => void save(event)} data-testid="search-form">
        <label>
          {t('work.searches.form.name')}
          <input value={name} onChange={(e) => setName(e.target.value)} placeholder={t('work.searches.form.namePlaceholder')} required maxLength={100} />
        </label>
        <label>
          {t('work.searches.form.text')}
          <input value={text} onChange={(e) => setText(e.target.value)} placeholder={t('work.searches.form.textPlaceholder')} maxLength={500} />
        </label>
        <fieldset className="work-form__wide">
          <legend>{t('work.searches.form.areas')}</legend>
          <div className="chips">
            {COMMON_AREAS.map((id) => (
              <label key={id} className={areas.includes(id) ? 'chip chip--on' : 'chip'}>
                <input type="checkbox" checked={areas.includes(id)} onChange={() => toggleArea(id)} />
                {t(`work.searches.areaNames.${id}`)}
              </label>
            ))}
            <label className={remote ? 'chip chip--on' : 'chip'}>
              <input type="checkbox" checked={remote} onChange={(e) => setRemote(e.target.checked)} />
              {t('work.searches.form.remote')}
            </label>
          </div>
        </fieldset>
        <label>
          {t('work.searches.form.otherAreas')}
          <input value={otherAreas} onChange={(e) => setOtherAreas(e.target.value)} placeholder="3, 4" aria-invalid={areaError} />
          {areaError ? <span className="field-error">{t('work.searches.form.areaError')}</span> : null}
        </label>
        <label>
          {t('work.searches.form.excludedText')}
          <input value={excludedText} onChange={(e) => setExcludedText(e.target.value)} placeholder={t('work.searches.form.excludedPlaceholder')} maxLength={500} />
        </label>
        <label>
          {t('work.searches.form.salary')}
          <input type="number" min={1} value={salary} onChange={(e) => setSalary(e.target.value)} />
        </label>
        <label className="check work-form__check">
          <input type="checkbox" checked={onlyWithSalary} onChange={(e) => setOnlyWithSalary(e.target.checked)} />
          {t('work.searches.form.onlyWithSalary')}
        </label>
        <label>
          {t('work.searches.form.periodDays')}
          <input type="number" min={1} max={30} value={periodDays} onChange={(e) => setPeriodDays(e.target.value)} placeholder={t('work.searches.form.periodAny')} />
        </label>
        <label>
          {t('work.searches.form.intervalHours')}
          <input type="number" min={0.5} max={168} step={0.5} value={intervalHours} onChange={(e) => setIntervalHours(e.target.value)} required />
        </label>
        <fieldset className="work-form__wide">
          <legend>{t('work.searches.form.mode')}</legend>
          <div className="segmented" role="radiogroup">
            {(['review', 'autopilot'] as const).map((value) => (
              <label key={value} className={mode === value ? 'segmented__item segmented__item--on' : 'segmented__item'}>
                <input type="radio" name="mode" value={value} checked={mode === value} onChange={() => setMode(value)} />
                {t(`work.searches.modes.${value}`)}
              </label>
            ))}
          </div>
          <p className="hint">{t(`work.searches.modeHints.${mode}`)}</p>
        </fieldset>
        <label className="check work-form__wide">
          <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} />
          {t('work.searches.form.active')}
        </label>
        <div className="row work-form__wide">
          <button type="submit" className="button button--primary" disabled={busy || areaError}>
            {busy ? t('work.common.saving') : t('work.common.save')}
          </button>
          <button type="button" className="button button--ghost" onClick={onCancel} disabled={busy}>
            {t('work.common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}

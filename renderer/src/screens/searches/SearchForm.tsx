import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedSearch } from '../../../../shared/domain/search';
import { FieldError } from '../settings/errors';
import { useContract } from '../../hooks/useContract';
import { useWizardStep } from '../../hooks/useWizardStep';
import { AreaChips } from './AreaChips';
import { AreaPicker } from './AreaPicker';
import { FilterChips } from './FilterChips';
import { FILTER_GROUPS, filterOptions } from './filterValues';
import { NarrowingFields } from './NarrowingFields';
import { RunFields } from './RunFields';
import { areasWrong, draftOf, type SetDraft } from './searchDraft';
import { useSearchSave } from './useSearchSave';

/** Create or edit one saved search. */
export function SearchForm({ search, onCancel, onSaved }: { search?: SavedSearch; onCancel(): void; onSaved(list: SavedSearch[]): void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(() => draftOf(search));
  const set: SetDraft = (change) => setDraft((current) => ({ ...current, ...change }));
  // Scoring needs a model: the form warns when the AI is "No AI: my template".
  const { data: ai } = useContract('ai.settings.get', {});
  // hh.ru's dictionaries when its API answers; on the website path there are none, and the known values do.
  const { data: dictionaries } = useContract('hh.dictionaries', {}, { quiet: true });
  const { busy, issues, persist } = useSearchSave(search, draft, onSaved);
  const areaError = areasWrong(draft);
  // In the first-run assistant, "Готово" creates the search that is filled in; an untouched form creates none.
  const untouched = !draft.name.trim() && !draft.text.trim();
  const inWizard = useWizardStep(async () => (untouched ? true : persist()));
  const save = (event: FormEvent) => {
    event.preventDefault();
    void persist();
  };

  return (
    <section className="card" aria-labelledby="search-form-title">
      <h2 id="search-form-title">{search ? t('searches.form.editTitle', { name: search.name }) : t('searches.form.newTitle')}</h2>
      <form noValidate className="form form--wide work-form" onSubmit={save} data-testid="search-form">
        <label>
          {t('searches.form.name')}
          <input
            value={draft.name}
            onChange={(e) => set({ name: e.target.value })}
            placeholder={t('searches.form.namePlaceholder')}
            aria-invalid={Boolean(issues.name)}
          />
          <FieldError message={issues.name} />
        </label>
        <label>
          {t('searches.form.text')}
          <input
            value={draft.text}
            onChange={(e) => set({ text: e.target.value })}
            placeholder={t('searches.form.textPlaceholder')}
            aria-invalid={Boolean(issues.text)}
          />
          <FieldError message={issues.text} />
        </label>
        <AreaChips value={draft.areas} onChange={(areas) => set({ areas })} />
        <AreaPicker value={draft.extraAreas} onChange={(extraAreas) => set({ extraAreas })} />
        {FILTER_GROUPS.map((group) => (
          <FilterChips
            key={group.field}
            group={group}
            options={filterOptions(group, dictionaries, draft.chosen[group.field])}
            value={draft.chosen[group.field]}
            onChange={(next) => setDraft((current) => ({ ...current, chosen: { ...current.chosen, [group.field]: next } }))}
          />
        ))}
        <NarrowingFields draft={draft} set={set} issues={issues} />
        <RunFields draft={draft} set={set} noAi={ai?.settings.kind === 'template'} issues={issues} />
        {inWizard ? null : (
          <div className="row work-form__wide">
            <button type="submit" className="button button--primary" disabled={busy || areaError}>
              {busy ? t('common.saving') : t('common.save')}
            </button>
            <button type="button" className="button button--ghost" onClick={onCancel} disabled={busy}>
              {t('common.cancel')}
            </button>
          </div>
        )}
      </form>
    </section>
  );
}

import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { knownKey } from '../../i18n/knownKey';
import type { FilterField, FilterGroup, FilterOption } from './filterValues';

const VALUE_TEXTS = {
  experience: 'searches.filters.experience.values',
  employmentForm: 'searches.filters.employmentForm.values',
  workFormat: 'searches.filters.workFormat.values',
} as const satisfies Record<FilterField, string>;

/** A value in the user's language; hh.ru's own name, or its id, for one the app has no text for. */
export function filterLabel(t: TFunction, field: FilterField, option: FilterOption): string {
  const key = knownKey(VALUE_TEXTS[field], option.id);
  return key ? t(key) : (option.hhName ?? option.id);
}

/** One hh.ru filter as chips: nothing chosen means "any", as on hh.ru. */
export function FilterChips({
  group,
  options,
  value,
  onChange,
}: {
  group: FilterGroup;
  options: FilterOption[];
  value: string[];
  onChange(next: string[]): void;
}) {
  const { t } = useTranslation();
  const toggle = (id: string) => onChange(value.includes(id) ? value.filter((v) => v !== id) : [...value, id]);
  return (
    <fieldset className="work-form__wide" data-testid={`filter-${group.field}`}>
      <legend>
        {t(`searches.filters.${group.field}.title`)} <span className="hint">{t('searches.filters.anyHint')}</span>
      </legend>
      <div className="chips">
        {options.map((option) => (
          <label key={option.id} className={value.includes(option.id) ? 'chip chip--on' : 'chip'}>
            <input type="checkbox" checked={value.includes(option.id)} onChange={() => toggle(option.id)} />
            {filterLabel(t, group.field, option)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

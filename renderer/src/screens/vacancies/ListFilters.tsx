import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { vacancyFiltersSchema, type VacancyFilters } from '../../../../shared/domain/vacancy-list';
import { useContract } from '../../hooks/useContract';
import { noFilters } from './useListFilters';

/** The day counts offered for "published within". */
const DAYS = [1, 3, 7, 14, 30] as const;

type Field = 'salaryFrom' | 'area' | 'employer' | 'since';
type Draft = Record<'searchId' | 'salaryFrom' | 'area' | 'employer' | 'days' | 'since', string> & { recommended: boolean };

const draftOf = (filters: VacancyFilters): Draft => ({
  searchId: filters.searchId === null ? '' : String(filters.searchId),
  salaryFrom: filters.salaryFrom === null ? '' : String(filters.salaryFrom),
  area: filters.area ?? '',
  employer: filters.employer ?? '',
  days: filters.days === null ? '' : String(filters.days),
  since: filters.since ?? '',
  recommended: filters.recommended,
});

/**
 * The draft as filters, checked by the contract's own schema; the fields it refuses are named so
 * each shows its message in the user's language (the schema's own words are English, for the Local API).
 */
function parseDraft(draft: Draft): { filters: VacancyFilters } | { invalid: Field[] } {
  const salary = draft.salaryFrom.replace(/[\s\u00a0]/g, '');
  const parsed = vacancyFiltersSchema.safeParse({
    searchId: draft.searchId ? Number(draft.searchId) : null,
    salaryFrom: salary ? (/^\d+$/.test(salary) ? Number(salary) : Number.NaN) : null,
    area: draft.area.trim() || null,
    employer: draft.employer.trim() || null,
    days: draft.days ? Number(draft.days) : null,
    since: draft.since || null,
    recommended: draft.recommended,
  });
  if (parsed.success) return { filters: parsed.data };
  const fields = new Set(parsed.error.issues.map((issue) => String(issue.path[0])));
  return { invalid: (['salaryFrom', 'area', 'employer', 'since'] as const).filter((field) => fields.has(field)) };
}

/** One typed filter: its label, the input, and its message in the user's language when the value is refused. */
function TextFilter({
  field,
  id,
  value,
  invalid,
  onChange,
  narrow = false,
  ...input
}: {
  field: Field;
  id: string;
  value: string;
  invalid: boolean;
  onChange(value: string): void;
  narrow?: boolean;
  placeholder?: string;
  type?: 'date';
  inputMode?: 'numeric';
  maxLength?: number;
}) {
  const { t } = useTranslation();
  return (
    <div className={narrow ? 'vac-filters__field vac-filters__field--narrow' : 'vac-filters__field'}>
      <label htmlFor={id}>{t(`vacancies.filters.${field}`)}</label>
      <input
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={invalid}
        aria-describedby={invalid ? `${id}-error` : undefined}
        {...input}
      />
      {invalid ? (
        <span id={`${id}-error`} className="field-error">
          {t(`vacancies.filters.invalid.${field}`)}
        </span>
      ) : null}
    </div>
  );
}

/** The filters beside the statuses: a compact row that wraps on a narrow window; applied with Apply. */
export function ListFilters({ filters, onApply }: { filters: VacancyFilters; onApply(filters: VacancyFilters): void }) {
  const { t } = useTranslation();
  const id = useId();
  const { data: searches } = useContract('searches.list', {});
  const [draft, setDraft] = useState<Draft>(() => draftOf(filters));
  const [invalid, setInvalid] = useState<Field[]>([]);
  const set = (field: keyof Draft, value: string | boolean) => setDraft((current) => ({ ...current, [field]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = parseDraft(draft);
    if ('invalid' in result) {
      setInvalid(result.invalid);
      return;
    }
    setInvalid([]);
    onApply(result.filters);
  };
  const reset = () => {
    setDraft(draftOf(noFilters));
    setInvalid([]);
    onApply(noFilters);
  };
  const fieldProps = (field: Field) => ({
    id: `${id}-${field}`,
    value: draft[field],
    invalid: invalid.includes(field),
    onChange: (value: string) => set(field, value),
  });

  return (
    <form className="vac-filters" aria-label={t('vacancies.filters.label')} onSubmit={submit} noValidate>
      <label className="vac-filters__field">
        <span>{t('vacancies.filters.search')}</span>
        <select value={draft.searchId} onChange={(e) => set('searchId', e.target.value)}>
          <option value="">{t('vacancies.filters.anySearch')}</option>
          {searches?.map((search) => (
            <option key={search.id} value={String(search.id)}>
              {search.name}
            </option>
          ))}
        </select>
      </label>
      <TextFilter field="salaryFrom" narrow inputMode="numeric" maxLength={14} {...fieldProps('salaryFrom')} />
      <TextFilter field="area" placeholder={t('vacancies.filters.areaPlaceholder')} {...fieldProps('area')} />
      <TextFilter field="employer" placeholder={t('vacancies.filters.employerPlaceholder')} {...fieldProps('employer')} />
      <label className="vac-filters__field vac-filters__field--narrow">
        <span>{t('vacancies.filters.days')}</span>
        <select value={draft.days} onChange={(e) => set('days', e.target.value)}>
          <option value="">{t('vacancies.filters.anyDays')}</option>
          {DAYS.map((days) => (
            <option key={days} value={String(days)}>
              {t('vacancies.filters.withinDays', { count: days })}
            </option>
          ))}
        </select>
      </label>
      <TextFilter field="since" narrow type="date" {...fieldProps('since')} />
      <label className="vac-filters__check">
        <input type="checkbox" checked={draft.recommended} onChange={(e) => set('recommended', e.target.checked)} />
        {t('vacancies.filters.recommended')}
      </label>
      <div className="vac-filters__actions">
        <button type="submit" className="button button--small button--primary">
          {t('vacancies.filters.apply')}
        </button>
        <button type="button" className="button button--small button--ghost" onClick={reset}>
          {t('vacancies.filters.reset')}
        </button>
      </div>
    </form>
  );
}

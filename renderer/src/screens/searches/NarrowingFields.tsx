import { useTranslation } from 'react-i18next';
import { FieldError } from '../settings/errors';
import type { SearchDraft, SetDraft } from './searchDraft';

/** What narrows a search beyond its words and regions: words to leave out, the salary, how recent. */
export function NarrowingFields({ draft, set, issues }: { draft: SearchDraft; set: SetDraft; issues: Record<string, string> }) {
  const { t } = useTranslation();
  return (
    <>
      <label>
        {t('searches.form.excludedText')}
        <input
          value={draft.excludedText}
          onChange={(e) => set({ excludedText: e.target.value })}
          placeholder={t('searches.form.excludedPlaceholder')}
          aria-invalid={Boolean(issues.excludedText)}
        />
        <FieldError message={issues.excludedText} />
      </label>
      <label>
        {t('searches.form.salary')}
        <input
          type="number"
          min={1}
          value={draft.salary}
          onChange={(e) => set({ salary: e.target.value })}
          aria-invalid={Boolean(issues.salary)}
        />
        <FieldError message={issues.salary} />
      </label>
      <label className="check work-form__check">
        <input type="checkbox" checked={draft.onlyWithSalary} onChange={(e) => set({ onlyWithSalary: e.target.checked })} />
        {t('searches.form.onlyWithSalary')}
      </label>
      <label>
        {t('searches.form.periodDays')}
        <input
          type="number"
          min={1}
          max={30}
          value={draft.periodDays}
          onChange={(e) => set({ periodDays: e.target.value })}
          placeholder={t('searches.form.periodAny')}
          aria-invalid={Boolean(issues.periodDays)}
        />
        <FieldError message={issues.periodDays} />
      </label>
    </>
  );
}

import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorValue } from '../../../../shared/contract';
import type { VacancySummary } from '../../../../shared/domain/vacancy';
import { errorText } from '../../format/errorText';
import { useClient } from '../../hooks/useClient';

/** "Apply to a vacancy by link or number": hh.ru reads it in full, the app keeps it and opens it. */
export function AddByLink({ onAdded, compact = false }: { onAdded(vacancy: VacancySummary): void; compact?: boolean }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const id = useId();
  const [link, setLink] = useState('');
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<AppErrorValue>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!link.trim() || adding) return;
    setAdding(true);
    setError(undefined);
    try {
      const result = await client.invoke('vacancies.add', { link: link.trim() });
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setLink('');
      onAdded(result.value);
    } finally {
      setAdding(false);
    }
  };

  return (
    <form
      noValidate
      className={compact ? 'vac-add vac-add--compact' : 'vac-add'}
      onSubmit={(e) => void submit(e)}
      data-testid="add-vacancy"
      aria-labelledby={`${id}-label`}
    >
      <label id={`${id}-label`} htmlFor={`${id}-input`} className={compact ? 'visually-hidden' : 'vac-add__label'}>
        {t('vacancies.add.label')}
      </label>
      <div className="vac-add__row">
        <input
          id={`${id}-input`}
          className="work-search-box vac-add__input"
          value={link}
          onChange={(e) => {
            setLink(e.target.value);
            setError(undefined);
          }}
          placeholder={t('vacancies.add.placeholder')}
          aria-describedby={error ? `${id}-error` : `${id}-hint`}
          aria-invalid={error ? true : undefined}
          maxLength={500}
          spellCheck={false}
          autoComplete="off"
        />
        <button type="submit" className="button" disabled={adding || !link.trim()}>
          {adding ? t('vacancies.add.adding') : t('vacancies.add.submit')}
        </button>
      </div>
      {error ? (
        <p id={`${id}-error`} className="status status--bad vac-add__error" role="alert">
          {errorText(t, i18n.language, error)}
        </p>
      ) : (
        <p id={`${id}-hint`} className={compact ? 'visually-hidden' : 'hint vac-add__hint'}>
          {t('vacancies.add.hint')}
        </p>
      )}
    </form>
  );
}

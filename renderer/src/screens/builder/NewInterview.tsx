import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Interview } from '../../../../shared/domain';
import { useClient } from '../../hooks/useClient';
import { useContract } from '../../hooks/useContract';
import { useApp } from '../../store/useApp';

/** Starts an interview: its language, and from scratch or from one of the user's hh.ru resumes. */
export function NewInterview({ onCreated, onCancel }: { onCreated(interview: Interview): void; onCancel(): void }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const report = useApp((s) => s.report);
  const { data: account } = useContract('hh.status', {});
  const [language, setLanguage] = useState<'ru' | 'en'>(i18n.language === 'en' ? 'en' : 'ru');
  const [from, setFrom] = useState('');
  const [busy, setBusy] = useState(false);

  const start = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const result = await client.invoke('builder.create', { language, fromResumeHhId: from || null });
      if (report(result)) onCreated(result.value);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      noValidate
      className="card form builder-new"
      onSubmit={(event) => void start(event)}
      aria-label={t('builder.new')}
      data-testid="new-interview"
    >
      <fieldset>
        <legend>{t('builder.language')}</legend>
        <div className="segmented" role="radiogroup">
          {(['ru', 'en'] as const).map((value) => (
            <label key={value} className={language === value ? 'segmented__item segmented__item--on' : 'segmented__item'}>
              <input
                type="radio"
                name="interview-language"
                value={value}
                checked={language === value}
                onChange={() => setLanguage(value)}
              />
              {t(`languages.${value}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <label>
        {t('builder.from')}
        <select value={from} onChange={(e) => setFrom(e.target.value)}>
          <option value="">{t('builder.fromNone')}</option>
          {(account?.resumes ?? []).map((resume) => (
            <option key={resume.id} value={resume.id}>
              {resume.title || resume.id}
            </option>
          ))}
        </select>
      </label>
      <div className="row">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('builder.starting') : t('builder.start')}
        </button>
        <button type="button" className="button button--ghost" onClick={onCancel} disabled={busy}>
          {t('builder.cancel')}
        </button>
      </div>
    </form>
  );
}

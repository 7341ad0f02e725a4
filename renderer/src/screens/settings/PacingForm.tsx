import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorValue, ApplyingSettings } from '../../../../shared/contract';
import { errorText } from '../../format/errorText';
import { useClient } from '../../hooks/useClient';
import { useContract } from '../../hooks/useContract';
import { usePending } from '../../hooks/usePending';
import { useApp } from '../../store/useApp';
import { inlineFailure, issuesByPath } from './errors';

type Pacing = Pick<ApplyingSettings, 'perRunCap' | 'pauseMinSeconds' | 'pauseMaxSeconds'>;
const FIELDS = ['perRunCap', 'pauseMinSeconds', 'pauseMaxSeconds'] as const;
type Field = (typeof FIELDS)[number];
const LIMITS: Record<Field, [number, number]> = { perRunCap: [1, 200], pauseMinSeconds: [2, 3600], pauseMaxSeconds: [2, 3600] };

const asText = (settings: Pacing): Record<Field, string> => ({
  perRunCap: String(settings.perRunCap),
  pauseMinSeconds: String(settings.pauseMinSeconds),
  pauseMaxSeconds: String(settings.pauseMaxSeconds),
});

/**
 * Settings → Automation → pacing: how many vacancies one run of a saved search takes (drafts, and in
 * Autopilot sends) and the random pause between two applications. The daily limit stays on Letters.
 */
export function PacingForm() {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const report = useApp((s) => s.report);
  const { run, pending } = usePending();
  // Text while editing: an emptied field is not turned into 0 under the user's cursor.
  const [form, setForm] = useState<Record<Field, string>>();
  const [error, setError] = useState<AppErrorValue>();
  const [saved, setSaved] = useState(false);
  // A reload keeps the user's edits; the first answer fills the form.
  useContract('applying.status', {}, { onLoad: (status) => setForm((current) => current ?? asText(status.settings)) });

  if (!form) return null;
  const issues = issuesByPath(error);
  // The contract's sentences are English; the user reads the field's own rule in their language.
  const problem = (field: Field) => {
    if (!issues[field]) return undefined;
    if (error?.issues?.some((issue) => issue.path === field && issue.rule === 'pauseOrder'))
      return t('settings.automation.pacing.minAboveMax');
    const [min, max] = LIMITS[field];
    return t(`settings.automation.pacing.range.${field}`, { min, max });
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    void run('pacing', async () => {
      setSaved(false);
      setError(undefined);
      const number = (field: Field) => (form[field].trim() === '' ? Number.NaN : Number(form[field]));
      const result = await client.invoke('applying.setSettings', {
        perRunCap: number('perRunCap'),
        pauseMinSeconds: number('pauseMinSeconds'),
        pauseMaxSeconds: number('pauseMaxSeconds'),
      });
      const failure = inlineFailure(result, report);
      if (failure) return setError(failure);
      if (!result.ok) return;
      setForm(asText(result.value.settings));
      setSaved(true);
    });
  };

  return (
    <form className="form automation-pacing" noValidate onSubmit={save} data-testid="pacing">
      <h3>{t('settings.automation.pacing.title')}</h3>
      <div className="automation-quiet__times">
        {FIELDS.map((field) => (
          <div key={field} className="automation-quiet__time">
            <label>
              {t(`settings.automation.pacing.${field}`)}
              <input
                name={field}
                value={form[field]}
                onChange={(e) => {
                  setForm({ ...form, [field]: e.target.value });
                  setSaved(false);
                }}
                inputMode="numeric"
                size={5}
                autoComplete="off"
                aria-invalid={Boolean(issues[field])}
                aria-describedby={issues[field] ? `pacing-${field}-error` : undefined}
              />
            </label>
            {issues[field] ? (
              <span className="field-error" role="alert" id={`pacing-${field}-error`}>
                {problem(field)}
              </span>
            ) : null}
          </div>
        ))}
      </div>
      <p className="hint">{t('settings.automation.pacing.hint')}</p>
      <div className="row">
        <button type="submit" className="button button--primary" disabled={pending('pacing')}>
          {t('settings.automation.pacing.save')}
        </button>
        {saved ? (
          <span className="status status--ok" role="status" data-testid="pacing-saved">
            {t('settings.automation.quiet.saved')}
          </span>
        ) : null}
      </div>
      {error && !error.issues?.length ? (
        <p className="status status--bad" role="alert">
          {errorText(t, i18n.language, error)}
        </p>
      ) : null}
    </form>
  );
}

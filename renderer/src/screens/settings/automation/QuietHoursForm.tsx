import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorValue, AutomationStatus } from '../../../../../shared/contract';
import { errorText } from '../../../format/errorText';
import { useClient } from '../../../hooks/useClient';
import { usePending } from '../../../hooks/usePending';
import { useApp } from '../../../store/useApp';
import { inlineFailure, issuesByPath } from '../errors';
import { QuietTime } from './QuietTime';

type QuietHours = AutomationStatus['quietHours'];

/** Quiet hours: when letters wait (searches go on). The form keeps the user's edits while jobs come and go. */
export function QuietHoursForm({ stored, onSaved }: { stored: QuietHours; onSaved: (status: AutomationStatus) => void }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const report = useApp((s) => s.report);
  const { run, pending } = usePending();
  const [quiet, setQuiet] = useState(stored);
  const [error, setError] = useState<AppErrorValue>();
  const [saved, setSaved] = useState(false);

  const save = (event: FormEvent) => {
    event.preventDefault();
    void run('quiet', async () => {
      setSaved(false);
      setError(undefined);
      const result = await client.invoke('automation.setQuietHours', {
        enabled: quiet.enabled,
        from: quiet.from.trim(),
        to: quiet.to.trim(),
      });
      if (!result.ok) {
        setError(inlineFailure(result, report));
        return;
      }
      onSaved(result.value);
      setQuiet(result.value.quietHours);
      setSaved(true);
    });
  };
  const edit = (change: Partial<QuietHours>) => {
    setQuiet({ ...quiet, ...change });
    setSaved(false);
  };
  const issues = issuesByPath(error);

  return (
    <form className="form automation-quiet" noValidate onSubmit={save} data-testid="quiet-hours">
      <label className="check automation-switch">
        <input type="checkbox" role="switch" checked={quiet.enabled} onChange={(e) => edit({ enabled: e.target.checked })} />
        <span>{t('settings.automation.quiet.enabled')}</span>
      </label>
      <div className="automation-quiet__times">
        {(['from', 'to'] as const).map((field) => (
          <QuietTime
            key={field}
            field={field}
            value={quiet[field]}
            onChange={(value) => edit({ [field]: value })}
            wrong={Boolean(issues[field])}
          />
        ))}
      </div>
      <p className="hint">{t('settings.automation.quiet.hint')}</p>
      <div className="row">
        <button type="submit" className="button button--primary" disabled={pending('quiet')}>
          {t('settings.automation.quiet.save')}
        </button>
        {saved ? (
          <span className="status status--ok" role="status" data-testid="quiet-saved">
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

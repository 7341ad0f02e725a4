import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../../hooks/useClient';
import { useContract } from '../../hooks/useContract';
import { useApp } from '../../store/useApp';
import { FieldError } from './errors';

const MIN_DAYS = 14;
const MAX_DAYS = 3650;

/**
 * Settings → Data: how long a vacancy set aside or closed keeps its description (retention). The
 * rows stay; only the text and hh.ru's raw copy go, so the data stays small after a year of use.
 */
export function RetentionCard() {
  const { t } = useTranslation();
  const client = useClient();
  const report = useApp((s) => s.report);
  const { data: retention, setData: setRetention } = useContract('vacancies.retention.get', {});
  // What the user typed; until then, the days kept.
  const [typed, setDays] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);
  const [saved, setSaved] = useState(false);

  if (!retention) return null;
  const days = typed ?? String(retention.days);
  const save = async () => {
    const value = Number(days);
    setSaved(false);
    if (!Number.isInteger(value) || value < MIN_DAYS || value > MAX_DAYS) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    const result = await client.invoke('vacancies.retention.set', { days: value });
    if (report(result)) {
      setRetention(result.value);
      setDays(null);
      setSaved(true);
    }
  };
  return (
    <section className="card" aria-labelledby="retention-title" data-testid="retention">
      <h2 id="retention-title">{t('settings.retention.title')}</h2>
      <p className="hint">{t('settings.retention.hint')}</p>
      <form
        className="row"
        // The card says what is wrong, in the user's language; the browser's own bubble would not.
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <label>
          {t('settings.retention.days')}{' '}
          <input
            type="number"
            min={MIN_DAYS}
            max={MAX_DAYS}
            step={1}
            value={days}
            aria-invalid={invalid}
            onChange={(event) => {
              setDays(event.target.value);
              setSaved(false);
            }}
            data-testid="retention-days"
          />
        </label>
        <button type="submit" className="button" data-testid="retention-save">
          {t('settings.retention.save')}
        </button>
      </form>
      <FieldError message={invalid ? t('settings.retention.invalid', { min: MIN_DAYS, max: MAX_DAYS }) : undefined} />
      {saved && <p role="status">{t('settings.retention.saved', { days: retention.days })}</p>}
    </section>
  );
}

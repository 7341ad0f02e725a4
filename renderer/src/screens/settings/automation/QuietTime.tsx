import { useTranslation } from 'react-i18next';

/** One end of the quiet hours, HH:MM. */
export function QuietTime({
  field,
  value,
  onChange,
  wrong,
}: {
  field: 'from' | 'to';
  value: string;
  onChange: (value: string) => void;
  /** The last save found it wrong. */
  wrong: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div className="automation-quiet__time">
      <label>
        {t(`settings.automation.quiet.${field}`)}
        <input
          name={field}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          inputMode="numeric"
          placeholder={field === 'from' ? '23:00' : '08:00'}
          maxLength={5}
          size={5}
          autoComplete="off"
          aria-invalid={wrong}
          aria-describedby={wrong ? `quiet-${field}-error` : undefined}
        />
      </label>
      {/* Beside the field, not in its label: the field keeps its name, the problem is its description. */}
      {wrong ? (
        <span className="field-error" role="alert" id={`quiet-${field}-error`}>
          {/* The contract's only complaint about a time is its form; the sentence is ours, in the user's language. */}
          {t('settings.automation.quiet.invalid')}
        </span>
      ) : null}
    </div>
  );
}

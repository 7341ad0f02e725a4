import { useTranslation } from 'react-i18next';
import { FieldError } from '../errors';

/**
 * The model: typed by hand, or picked from the service's own list once "Test connection" brought
 * one. A model the list lacks stays as an option, so the stored choice is never silently replaced.
 */
export function ModelField({
  value,
  onChange,
  required,
  models,
  issue,
}: {
  value: string;
  onChange: (model: string) => void;
  /** OpenAI-compatible services have no default model; GigaChat has. */
  required: boolean;
  models: string[];
  issue: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <label>
      {t('settings.ai.model')}
      {models.length ? (
        <select value={value} onChange={(e) => onChange(e.target.value)} data-testid="ai-model-select">
          {!required ? <option value="">{t('settings.ai.modelDefault')}</option> : null}
          {value && !models.includes(value) ? <option value={value}>{value}</option> : null}
          {models.map((model) => (
            <option key={model} value={model}>
              {model}
            </option>
          ))}
        </select>
      ) : (
        <input
          value={value}
          onChange={(e) => onChange(e.target.value)}
          autoComplete="off"
          required={required}
          placeholder={required ? 'gpt-4o-mini' : 'GigaChat-2'}
        />
      )}
      <FieldError message={issue} />
    </label>
  );
}

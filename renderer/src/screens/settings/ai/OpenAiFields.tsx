import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError } from '../errors';
import { presets, type IssueOf, type OpenAiSettings } from './aiForm';
import { ModelField } from './ModelField';

/** An OpenAI-compatible service: its address (with the usual ones a click away), the key (given by the card) and the model. */
export function OpenAiFields({
  settings,
  onChange,
  keyField,
  models,
  issue,
}: {
  settings: OpenAiSettings;
  onChange: (next: OpenAiSettings) => void;
  keyField: ReactNode;
  models: string[];
  issue: IssueOf;
}) {
  const { t } = useTranslation();
  return (
    <>
      <label>
        {t('settings.ai.baseUrl')}
        <input value={settings.baseUrl} onChange={(e) => onChange({ ...settings, baseUrl: e.target.value })} autoComplete="off" required />
        <FieldError message={issue('baseUrl')} />
      </label>
      <div className="row" role="group" aria-label={t('settings.ai.presets')}>
        <span className="hint">{t('settings.ai.presets')}:</span>
        {presets.map((preset) => (
          <button
            key={preset.id}
            type="button"
            className="button button--ghost"
            onClick={() => onChange({ ...settings, baseUrl: preset.url })}
          >
            {t(`settings.ai.presetNames.${preset.id}`)}
          </button>
        ))}
      </div>
      {keyField}
      <ModelField
        value={settings.model}
        onChange={(model) => onChange({ ...settings, model })}
        required
        models={models}
        issue={issue('model')}
      />
    </>
  );
}

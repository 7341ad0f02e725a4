import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Choice } from '../Choice';
import { InsecureWarning } from '../InsecureWarning';
import { scopes, type GigaChatSettings, type InsecureSwitch, type IssueOf } from './aiForm';
import { GigaChatAdvanced } from './GigaChatAdvanced';
import { ModelField } from './ModelField';

/** GigaChat: the key (given by the card), the scope, the model, and the advanced settings. */
export function GigaChatFields({
  settings,
  onChange,
  insecure,
  keyField,
  models,
  issue,
}: {
  settings: GigaChatSettings;
  onChange: (next: GigaChatSettings) => void;
  insecure: InsecureSwitch;
  keyField: ReactNode;
  models: string[];
  issue: IssueOf;
}) {
  const { t } = useTranslation();
  return (
    <>
      {keyField}
      {settings.insecureSkipVerify ? <InsecureWarning /> : null}
      <div>
        <span className="hint">{t('settings.ai.scope')}</span>
        <Choice
          label={t('settings.ai.scope')}
          name="ai-scope"
          value={settings.scope}
          options={scopes}
          optionLabel={(option) => t(`settings.ai.scopes.${option}`)}
          onChange={(scope) => onChange({ ...settings, scope })}
        />
      </div>
      <ModelField
        value={settings.model ?? ''}
        onChange={(model) => onChange({ ...settings, model })}
        required={false}
        models={models}
        issue={issue('model')}
      />
      <GigaChatAdvanced settings={settings} onChange={onChange} insecure={insecure} issue={issue} />
    </>
  );
}

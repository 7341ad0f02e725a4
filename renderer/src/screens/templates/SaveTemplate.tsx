import { useTranslation } from 'react-i18next';
import { FieldError, issuesByPath } from '../settings/errors';
import type { LabTemplate } from './useLabTemplate';
import { useSaveTemplate } from './useSaveTemplate';

/** Folded under the lab: the instruction, tone and length that worked, kept as a template under a name. */
export function SaveTemplate({ template }: { template: LabTemplate }) {
  const { t } = useTranslation();
  const { name, setName, error, saved, save } = useSaveTemplate(template);
  const issues = issuesByPath(error);
  // The core's sentences are English; these fields have Russian ones (the English one when the text has none).
  const said = (path: string, key: 'template_name' | 'instruction' | 'maxLength') =>
    issues[path] ? t(`settings.lab.invalid.${key}`, { defaultValue: issues[path] }) : undefined;
  return (
    <details className="details">
      <summary>{t('settings.lab.saveTitle')}</summary>
      <p className="hint">{t('settings.lab.saveHint')}</p>
      <div className="form">
        <label>
          {t('settings.lab.templateName')}
          <input value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
          <FieldError message={said('template.name', 'template_name')} />
        </label>
        <FieldError message={said('template.instruction', 'instruction')} />
        <FieldError message={said('template.maxLength', 'maxLength')} />
        <div className="row">
          <button type="button" className="button" onClick={() => void save()}>
            {t('settings.lab.saveTemplate')}
          </button>
          {saved ? <span className="hint">{t('settings.lab.templateSaved')}</span> : null}
        </div>
      </div>
    </details>
  );
}

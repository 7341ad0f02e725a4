import { useTranslation } from 'react-i18next';
import { letterTemplatePlaceholders } from '../../../../shared/domain/letter';
import { FieldError } from '../settings/errors';
import { DeleteTemplate } from './DeleteTemplate';
import type { IssueAt } from './labInput';
import type { LabTemplate } from './useLabTemplate';

/** The template picked, and its instruction, tone and length as the lab will use them. */
export function TemplateFields({ template, issue }: { template: LabTemplate; issue: IssueAt }) {
  const { t } = useTranslation();
  const templates = template.loaded ?? [];
  return (
    <>
      <label>
        {t('settings.lab.template')}
        <select value={template.templateId} onChange={(e) => template.pick(e.target.value, templates)} data-testid="lab-template">
          {/* "No template" before the list is in would read as "you have none". */}
          <option value="">{template.loaded ? t('settings.lab.noTemplate') : t('loading')}</option>
          {templates.map((item) => (
            <option key={item.id} value={String(item.id)}>
              {item.isDefault ? t('settings.lab.defaultTemplate', { name: item.name }) : item.name}
            </option>
          ))}
        </select>
      </label>
      <DeleteTemplate template={template} />
      <label>
        {t('settings.lab.instruction')}
        <textarea
          rows={5}
          value={template.instruction}
          onChange={(e) => template.setInstruction(e.target.value)}
          placeholder={t('settings.lab.instructionPlaceholder')}
        />
        <span className="hint">
          {t('settings.lab.instructionHint', { placeholders: letterTemplatePlaceholders.map((p) => `{${p.name}}`).join(' ') })}
        </span>
        <FieldError message={issue('instruction')} />
      </label>
      <label>
        {t('settings.lab.tone')}
        <input
          value={template.tone}
          onChange={(e) => template.setTone(e.target.value)}
          placeholder={t('settings.lab.tonePlaceholder')}
          autoComplete="off"
        />
      </label>
      <label>
        {t('settings.lab.maxLength')}
        <input
          type="number"
          min={100}
          max={10000}
          step={100}
          value={template.maxLength}
          onChange={(e) => template.setMaxLength(e.target.value)}
        />
        <FieldError message={issue('maxLength')} />
      </label>
    </>
  );
}

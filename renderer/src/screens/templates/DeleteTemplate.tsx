import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../../hooks/useClient';
import { useApp } from '../../store/useApp';
import type { LabTemplate } from './useLabTemplate';

/**
 * Deletes the template picked, after the user confirms. The default one cannot go (every new
 * letter is written with it), and the button says why instead of deleting it; another template
 * can be made the default here.
 */
export function DeleteTemplate({ template }: { template: LabTemplate }) {
  const { t } = useTranslation();
  const client = useClient();
  const report = useApp((s) => s.report);
  const [asking, setAsking] = useState(false);
  const [deleted, setDeleted] = useState<string>();
  const picked = template.loaded?.find((item) => String(item.id) === template.templateId);

  /** Another template becomes the one letters are written with; then the old default may be deleted. */
  const makeDefault = async () => {
    if (!picked) return;
    const { name, instruction, tone, maxLength } = picked;
    const result = await client.invoke('templates.save', {
      id: picked.id,
      template: { name, instruction, tone, maxLength },
      makeDefault: true,
    });
    if (report(result)) template.setTemplates(result.value);
  };

  const remove = async () => {
    if (!picked) return;
    const result = await client.invoke('templates.delete', { id: picked.id });
    setAsking(false);
    if (!report(result)) return;
    template.setTemplates(result.value);
    const preferred = result.value.find((item) => item.isDefault);
    template.pick(preferred ? String(preferred.id) : '', result.value);
    setDeleted(picked.name);
  };

  return (
    <div className="row" data-testid="delete-template">
      {picked && !asking ? (
        <button
          type="button"
          className="button button--small"
          disabled={picked.isDefault}
          aria-describedby={picked.isDefault ? 'delete-template-why' : undefined}
          onClick={() => {
            setDeleted(undefined);
            setAsking(true);
          }}
        >
          {t('settings.lab.deleteTemplate')}
        </button>
      ) : null}
      {picked && !picked.isDefault && !asking ? (
        <button type="button" className="button button--small button--ghost" onClick={() => void makeDefault()}>
          {t('settings.lab.makeDefault')}
        </button>
      ) : null}
      {picked?.isDefault ? (
        <span className="hint" id="delete-template-why">
          {t('settings.lab.deleteDefault')}
        </span>
      ) : null}
      {picked && asking ? (
        <div role="alertdialog" aria-label={t('settings.lab.deleteTemplate')} className="row">
          <span>{t('settings.lab.deleteConfirm', { name: picked.name })}</span>
          <button type="button" className="button button--small button--primary" onClick={() => void remove()}>
            {t('settings.lab.deleteYes')}
          </button>
          <button type="button" className="button button--small" onClick={() => setAsking(false)}>
            {t('settings.lab.deleteNo')}
          </button>
        </div>
      ) : null}
      {deleted ? (
        <span className="hint" role="status">
          {t('settings.lab.templateDeleted', { name: deleted })}
        </span>
      ) : null}
    </div>
  );
}

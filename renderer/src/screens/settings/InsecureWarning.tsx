import { useTranslation } from 'react-i18next';

/** Certificate checks off for GigaChat: said outside "Advanced", in the alert colour, while it is so. */
export function InsecureWarning() {
  const { t } = useTranslation();
  return (
    <p className="status status--bad warning-box" role="alert" data-testid="ai-insecure-warning">
      <strong>{t('settings.ai.insecureTitle')}</strong> {t('settings.ai.insecureWarning')}
    </p>
  );
}

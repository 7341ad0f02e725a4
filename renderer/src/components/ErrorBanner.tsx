import { useTranslation } from 'react-i18next';
import { useApp } from '../store/app';

export function ErrorBanner() {
  const { t, i18n } = useTranslation();
  const error = useApp((s) => s.error);
  const dismiss = useApp((s) => s.dismissError);
  if (!error) return null;
  const key = `errors.codes.${error.code}`;
  // The core writes its sentences in English, the most specific text there is; other languages get
  // the translation of the error's code.
  const text = i18n.language === 'en' || !i18n.exists(key) || error.code === 'invalid_input' ? error.message : t(key);
  return (
    <div className="banner banner--error" role="alert">
      <div>
        <strong>{t('errors.title')}</strong>
        <p>{text}</p>
        {error.issues?.length ? (
          <ul>
            {error.issues.map((issue) => (
              <li key={issue.path}>
                <code>{issue.path}</code>: {issue.message}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <button type="button" className="button button--ghost" onClick={dismiss}>
        {t('errors.dismiss')}
      </button>
    </div>
  );
}

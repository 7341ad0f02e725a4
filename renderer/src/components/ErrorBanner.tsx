import { useTranslation } from 'react-i18next';
import { errorText } from '../format/errorText';
import { issueLine } from '../format/issueText';
import { useClient } from '../hooks/useClient';
import { useApp } from '../store/useApp';

export function ErrorBanner() {
  const { t, i18n } = useTranslation();
  const error = useApp((s) => s.error);
  const dismiss = useApp((s) => s.dismissError);
  const openSettings = useApp((s) => s.openSettings);
  const client = useClient();
  const report = useApp((s) => s.report);
  // In the desktop app the page opens in the app's hh.ru window (same session); in a browser, in a new tab.
  const openPage = async (url: string) => {
    const result = await client.invoke('hh.openPage', { url });
    if (report(result) && !result.value.openedInApp) window.open(result.value.url, '_blank', 'noopener');
  };
  const notices = useApp((s) => s.notices);
  if (!error) return null;
  // The app paused itself for this very stop: its notice already says it, with the way out. One banner, not two.
  if ((error.code === 'hh_captcha' || error.code === 'hh_login_required') && notices.some((notice) => notice.id === 'hh.stopped'))
    return null;
  return (
    <div className="banner banner--error" role="alert">
      <div>
        <strong>{t('errors.title')}</strong>
        <p>{errorText(t, i18n.language, error)}</p>
        {error.issues?.length ? (
          <ul>
            {error.issues.map((issue) => (
              <li key={issue.path}>{issueLine(t, issue)}</li>
            ))}
          </ul>
        ) : null}
      </div>
      <div className="row">
        {error.next?.kind === 'open_captcha' && error.next.url ? (
          <button type="button" className="button button--primary" onClick={() => void openPage(error.next!.url!)}>
            {t('errors.openCaptcha')}
          </button>
        ) : null}
        {error.next?.kind === 'sign_in' || error.next?.kind === 'open_settings' ? (
          <button
            type="button"
            className="button"
            onClick={() => {
              // The error names where its fix is: the hh.ru account, the AI, ...
              const section = error.next?.kind === 'open_settings' ? error.next.section : undefined;
              openSettings(section === 'ai' ? 'ai' : section === 'profile' ? 'profile' : 'account');
              dismiss();
            }}
          >
            {t('errors.openSettings')}
          </button>
        ) : null}
        <button type="button" className="button button--ghost" onClick={dismiss}>
          {t('errors.dismiss')}
        </button>
      </div>
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { useApp } from '../store/useApp';

/** Standing conditions the user should know about (restored database, secrets kept in memory only). */
export function NoticeBar() {
  const { t } = useTranslation();
  const notices = useApp((s) => s.notices);
  const dismiss = useApp((s) => s.dismissNotice);
  if (notices.length === 0) return null;
  return (
    <div className="notices">
      {notices.map((notice) => (
        <div key={notice.id} className={`banner banner--${notice.level}`} role={notice.level === 'error' ? 'alert' : 'status'} data-testid={`notice-${notice.code}`}>
          <p>{t(`notices.${notice.code}`, { ...notice.params, defaultValue: notice.message })}</p>
          {notice.dismissible ? (
            <button type="button" className="button button--ghost" onClick={() => void dismiss(notice.id)}>
              {t('errors.dismiss')}
            </button>
          ) : null}
        </div>
      ))}
    </div>
  );
}

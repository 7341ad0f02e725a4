import { useTranslation } from 'react-i18next';
import type { Notice } from '../../../shared/contract';
import { knownKey } from '../i18n/knownKey';
import { useApp } from '../store/useApp';

/** Standing conditions the user should know about (restored database, secrets kept in memory only). */
export function NoticeBar() {
  const { t } = useTranslation();
  const notices = useApp((s) => s.notices);
  const dismiss = useApp((s) => s.dismissNotice);
  if (notices.length === 0) return null;
  const text = (notice: Notice) => {
    const key = knownKey('notices', notice.code);
    // `replace` keeps the params to the text's blanks: none of them can act as an option of t().
    return key ? t(key, { replace: notice.params }) : notice.message;
  };
  return (
    <div className="notices">
      {notices.map((notice) => (
        <div
          key={notice.id}
          className={`banner banner--${notice.level}`}
          role={notice.level === 'error' ? 'alert' : 'status'}
          data-testid={`notice-${notice.code}`}
        >
          <p>{text(notice)}</p>
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

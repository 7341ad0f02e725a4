import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../../../shared/contract';
import { useApp } from '../../store/useApp';
import { useWorkFocus } from '../../store/workFocus';

/** What waits for the user, each with the way to it. */
export function NeedsYou({ needs }: { needs: Dashboard['needsYou'] }) {
  const { t } = useTranslation();
  const go = useApp((s) => s.go);
  const focusVacancies = useWorkFocus((s) => s.focusVacancies);
  const items = [
    needs.captcha && { key: 'captcha', text: t('dashboard.needs.captcha'), screen: 'settings' as const },
    needs.signedOut && { key: 'signedOut', text: t('dashboard.needs.signedOut'), screen: 'settings' as const },
    needs.lettersToReview > 0 && {
      key: 'letters',
      text: t('dashboard.needs.letters', { count: needs.lettersToReview }),
      screen: 'letters' as const,
    },
    needs.unreadChats > 0 && { key: 'chats', text: t('dashboard.needs.chats', { count: needs.unreadChats }), screen: 'chats' as const },
    needs.applyByHand > 0 && {
      key: 'manual',
      text: t('dashboard.needs.manual', { count: needs.applyByHand }),
      screen: 'vacancies' as const,
      statuses: ['needs_manual' as const],
    },
  ].filter((item) => item !== false);
  return (
    <section className="card" aria-labelledby="needs-title" data-testid="needs-you">
      <h2 id="needs-title">{t('dashboard.needs.title')}</h2>
      {items.length === 0 ? (
        <p className="hint">{t('dashboard.needs.nothing')}</p>
      ) : (
        <ul className="dash-needs">
          {items.map((item) => (
            <li key={item.key}>
              <span>{item.text}</span>
              <button
                type="button"
                className="button"
                onClick={() => {
                  if ('statuses' in item) focusVacancies(item.statuses);
                  go(item.screen);
                }}
              >
                {t('dashboard.needs.open')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

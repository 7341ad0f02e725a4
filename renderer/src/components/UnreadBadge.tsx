import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useContract } from '../hooks/useContract';
import { useApp } from '../store/useApp';

/** How many chats have something unread, on the sidebar's Chats item; nothing when none. */
export function UnreadBadge() {
  const { t } = useTranslation();
  const screen = useApp((s) => s.screen);
  // A sync brings messages; reading a chat (the Chats screen) clears them: both are chat changes.
  const { data, reload } = useContract('chats.list', { limit: 1, offset: 0, unreadOnly: true }, { follow: ['chats'] });
  useEffect(() => {
    void reload();
  }, [screen, reload]);
  const count = data?.total ?? 0;
  if (!count) return null;
  return (
    <span className="nav__badge" data-testid="unread-badge" aria-label={t('nav.unread', { count })}>
      {count > 99 ? '99+' : count}
    </span>
  );
}

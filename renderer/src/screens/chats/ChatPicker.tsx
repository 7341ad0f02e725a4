import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format/useFormat';
import { ChatStateBadge } from './ChatStateBadge';
import type { ChatView } from './useConversation';

/** The chats to pick from: each with its vacancy, unread count, employer, hh.ru's state, who writes, and the last message. */
export function ChatPicker({ chats, currentId, onPick }: { chats: ChatView[]; currentId: number | undefined; onPick(id: number): void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <ul className="work-picker" data-testid="chats" aria-label={t('chats.title')}>
      {chats.map((chat) => (
        <li key={chat.id}>
          <button
            type="button"
            className={chat.id === currentId ? 'work-pick work-pick--on' : 'work-pick'}
            aria-current={chat.id === currentId ? 'true' : undefined}
            onClick={() => onPick(chat.id)}
          >
            <span className="work-pick__title">
              {chat.vacancyTitle ?? t('chats.untitled')}
              {chat.unread ? <span className="badge badge--accent work-unread">{t('chats.unread', { count: chat.unread })}</span> : null}
            </span>
            <span className="work-pick__sub">
              <span className="hint">{chat.employer}</span>
              <ChatStateBadge state={chat.state} />
              {/* Rejections and invitations already show as hh.ru's state; who writes is the news here. */}
              {chat.kind === 'bot' || chat.kind === 'human' ? (
                <span className={`badge badge--writer-${chat.kind}`} data-testid="chat-writer">
                  {t(`chats.writer.${chat.kind}`)}
                </span>
              ) : null}
            </span>
            {chat.lastText ? <span className="work-pick__last">{chat.lastText}</span> : null}
            {chat.lastMessageAt ? <span className="hint work-pick__time">{fmt.dateTime(chat.lastMessageAt)}</span> : null}
          </button>
        </li>
      ))}
    </ul>
  );
}

import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../shared/contract';
import { useFormat } from '../../format/useFormat';

/** The chat's messages, oldest first, kept scrolled to the newest: on opening, and after each one sent or arrived. */
export function MessageList({ messages }: { messages: ChannelOutput<'chats.messages'> | undefined }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const list = useRef<HTMLOListElement>(null);
  const count = messages?.length ?? 0;
  useEffect(() => {
    const element = list.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [count]);

  if (!messages) return <p className="hint">{t('common.loading')}</p>;
  if (!messages.length) return <p className="hint">{t('chats.noMessages')}</p>;
  return (
    <ol className="work-messages" data-testid="messages" ref={list}>
      {messages.map((message) => (
        <li key={message.id} className={`work-message work-message--${message.author}`} data-author={message.author}>
          <span className="work-message__meta">
            {t(`chats.authors.${message.author}`)} · {fmt.dateTime(message.createdAt)}
          </span>
          <span className="work-message__text">{message.text}</span>
        </li>
      ))}
    </ol>
  );
}

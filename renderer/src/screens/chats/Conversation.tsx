import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../shared/contract';
import { useFormat } from '../../format/useFormat';
import { useClient } from '../../hooks/useClient';
import { useContract } from '../../hooks/useContract';
import { useApp } from '../../store/useApp';
import { ChatStateBadge } from './ChatStateBadge';

type ChatView = ChannelOutput<'chats.list'>['items'][number];

/** One chat: its messages, quick replies, an AI-drafted reply to edit, and the reply box. */
export function Conversation({ chat, onRead }: { chat: ChatView; onRead(): void }) {
  const { t } = useTranslation();
  const client = useClient();
  const report = useApp((s) => s.report);
  const fmt = useFormat();
  const hadUnread = chat.unread > 0;
  const [reply, setReply] = useState('');
  /** The box holds the reply the engine prepared for the employer's last message, untouched or edited, not yet sent. */
  const [prepared, setPrepared] = useState(false);
  const { data: messages, setData: setMessages } = useContract(
    'chats.messages',
    { chatId: chat.id },
    {
      onLoad: (loaded) => {
        // Opening a chat may mark it read: the list's counter follows.
        if (hadUnread) onRead();
        // A draft the engine prepared fills an empty box; it goes nowhere until the user presses Send.
        const last = loaded.at(-1);
        if (last && last.author !== 'me' && last.draftReply && !reply.trim()) {
          setReply(last.draftReply);
          setPrepared(true);
        }
      },
    },
  );
  const [sending, setSending] = useState(false);

  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (!reply.trim()) return;
    setSending(true);
    try {
      const result = await client.invoke('chats.send', { chatId: chat.id, text: reply });
      if (report(result)) {
        setMessages(result.value);
        setReply('');
        setPrepared(false);
      }
    } finally {
      setSending(false);
    }
  };

  const [drafting, setDrafting] = useState(false);
  const [draftNote, setDraftNote] = useState<string>();

  /** The AI drafts; the user reads, edits and sends. Nothing goes out by itself from here. */
  const draft = async () => {
    setDrafting(true);
    try {
      const result = await client.invoke('chats.draftReply', { chatId: chat.id });
      if (!report(result)) return;
      setReply(result.value.text);
      setPrepared(false);
      setDraftNote([t(`chats.kinds.${result.value.kind}`), result.value.note].filter(Boolean).join(' · '));
    } finally {
      setDrafting(false);
    }
  };

  // The newest message in view: on opening, and after each one sent or arrived.
  const list = useRef<HTMLOListElement>(null);
  const count = messages?.length ?? 0;
  useEffect(() => {
    const element = list.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [count]);

  const lastEmployer = messages?.filter((m) => m.author !== 'me').at(-1);
  const quick = lastEmployer && messages?.at(-1) === lastEmployer ? lastEmployer.buttons : [];

  return (
    <section className="card work-chat" aria-labelledby="chat-title" data-testid="conversation">
      <header className="work-editor__head">
        <div>
          <h2 id="chat-title">{chat.vacancyTitle ?? t('chats.untitled')}</h2>
          <p className="hint">{chat.employer}</p>
        </div>
        <ChatStateBadge state={chat.state} />
      </header>
      {!messages ? (
        <p className="hint">{t('common.loading')}</p>
      ) : !messages.length ? (
        <p className="hint">{t('chats.noMessages')}</p>
      ) : (
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
      )}
      {quick.length ? (
        <div className="row" role="group" aria-label={t('chats.quickReplies')}>
          {quick.map((label) => (
            <button
              key={label}
              type="button"
              className="chip"
              onClick={() => {
                setReply(label);
                setPrepared(false);
              }}
            >
              {label}
            </button>
          ))}
        </div>
      ) : null}
      <form className="form form--wide work-reply" onSubmit={(event) => void send(event)}>
        <label>
          {t('chats.reply')}
          <textarea
            className={prepared ? 'work-reply__prepared' : undefined}
            aria-describedby={prepared ? 'prepared-draft' : undefined}
            value={reply}
            onChange={(e) => {
              setReply(e.target.value);
              if (!e.target.value.trim()) setPrepared(false);
            }}
            placeholder={t('chats.replyPlaceholder')}
            rows={3}
            maxLength={4000}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) e.currentTarget.form?.requestSubmit();
            }}
          />
        </label>
        <div className="row">
          <button type="submit" className="button button--primary" disabled={sending || !reply.trim()}>
            {sending ? t('chats.sending') : t('chats.send')}
          </button>
          {lastEmployer ? (
            <button type="button" className="button" disabled={drafting || sending} onClick={() => void draft()}>
              {drafting ? t('chats.drafting') : t('chats.draft')}
            </button>
          ) : null}
          {prepared ? (
            <span className="badge badge--accent" id="prepared-draft" data-testid="prepared-draft">
              {t('chats.prepared')}
            </span>
          ) : null}
          {draftNote ? (
            <span className="hint" data-testid="draft-note">
              {draftNote}
            </span>
          ) : null}
        </div>
      </form>
    </section>
  );
}

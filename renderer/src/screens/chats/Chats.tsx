import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChatMessage } from '../../../../shared/domain/chat';
import type { ChannelOutput } from '../../../../shared/contract';
import { EmptyState } from '../../components/EmptyState';
import { useApp } from '../../store/app';
import { useFormat } from '../../format/useFormat';
import '../work.css';
import './chats.css';

type ChatView = ChannelOutput<'chats.list'>['items'][number];

/** Employer conversations: refresh from hh.ru, pick a chat, read it, answer (quick replies included). */
export function Chats() {
  const { t } = useTranslation();
  const client = useApp((s) => s.client);
  const report = useApp((s) => s.report);
  const fmt = useFormat();
  const [chats, setChats] = useState<ChatView[]>();
  const [selected, setSelected] = useState<number>();
  const [syncing, setSyncing] = useState(false);
  const [synced, setSynced] = useState<{ chats: number; newMessages: number }>();

  const fetchChats = useCallback(() => client?.invoke('chats.list', { limit: 200 }).then((result) => (report(result) ? result.value.items : undefined)), [client, report]);
  const load = useCallback(async () => {
    const next = await fetchChats();
    if (next) setChats(next);
  }, [fetchChats]);

  useEffect(() => {
    let current = true;
    void fetchChats()?.then((next) => {
      if (current && next) setChats(next);
    });
    return () => {
      current = false;
    };
  }, [fetchChats]);

  const sync = async () => {
    if (!client) return;
    setSyncing(true);
    try {
      const result = await client.invoke('chats.sync', {});
      if (report(result)) setSynced(result.value);
      await load();
    } finally {
      setSyncing(false);
    }
  };

  const current = chats?.find((chat) => chat.id === selected) ?? chats?.[0];

  return (
    <div className="work">
      <div className="work__head">
        <h1>{t('work.chats.title')}</h1>
        <div className="row work__head-actions">
          {synced ? (
            <span className="hint" role="status" data-testid="sync-result">
              {t('work.chats.synced', synced)}
            </span>
          ) : null}
          <button type="button" className="button button--primary" disabled={syncing} onClick={() => void sync()}>
            {syncing ? t('work.chats.syncing') : t('work.chats.sync')}
          </button>
        </div>
      </div>

      {!chats ? (
        <p className="hint">{t('work.common.loading')}</p>
      ) : !chats.length ? (
        <EmptyState title={t('work.chats.emptyTitle')} text={t('work.chats.emptyText')} />
      ) : (
        <div className="work-split">
          <ul className="work-picker" data-testid="chats" aria-label={t('work.chats.title')}>
            {chats.map((chat) => (
              <li key={chat.id}>
                <button
                  type="button"
                  className={chat.id === current?.id ? 'work-pick work-pick--on' : 'work-pick'}
                  aria-current={chat.id === current?.id ? 'true' : undefined}
                  onClick={() => setSelected(chat.id)}
                >
                  <span className="work-pick__title">
                    {chat.vacancyTitle ?? t('work.chats.untitled')}
                    {chat.unread ? <span className="badge badge--accent work-unread">{t('work.chats.unread', { count: chat.unread })}</span> : null}
                  </span>
                  <span className="work-pick__sub">
                    <span className="hint">{chat.employer}</span>
                    {chat.state ? <span className={`badge badge--chat-${chat.state}`}>{t(`work.chats.states.${chat.state}`, { defaultValue: chat.state })}</span> : null}
                  </span>
                  {chat.lastText ? <span className="work-pick__last">{chat.lastText}</span> : null}
                  {chat.lastMessageAt ? <span className="hint work-pick__time">{fmt.dateTime(chat.lastMessageAt)}</span> : null}
                </button>
              </li>
            ))}
          </ul>
          {current ? <Conversation key={current.id} chat={current} onRead={() => void load()} /> : <p className="hint">{t('work.chats.pick')}</p>}
        </div>
      )}
    </div>
  );
}

function Conversation({ chat, onRead }: { chat: ChatView; onRead(): void }) {
  const { t } = useTranslation();
  const client = useApp((s) => s.client);
  const report = useApp((s) => s.report);
  const fmt = useFormat();
  const [messages, setMessages] = useState<ChatMessage[]>();
  const [reply, setReply] = useState('');
  const [sending, setSending] = useState(false);
  const hadUnread = chat.unread > 0;

  useEffect(() => {
    if (!client) return;
    let current = true;
    void client.invoke('chats.messages', { chatId: chat.id }).then((result) => {
      if (!current || !report(result)) return;
      setMessages(result.value);
      // Opening a chat may mark it read: the list's counter follows.
      if (hadUnread) onRead();
    });
    return () => {
      current = false;
    };
    // onRead changes identity on every parent render; reading once per chat is enough.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, report, chat.id]);

  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (!client || !reply.trim()) return;
    setSending(true);
    try {
      const result = await client.invoke('chats.send', { chatId: chat.id, text: reply });
      if (report(result)) {
        setMessages(result.value);
        setReply('');
      }
    } finally {
      setSending(false);
    }
  };

  const [drafting, setDrafting] = useState(false);
  const [draftNote, setDraftNote] = useState<string>();

  /** The AI drafts; the user reads, edits and sends. Nothing goes out by itself from here. */
  const draft = async () => {
    if (!client) return;
    setDrafting(true);
    try {
      const result = await client.invoke('chats.draftReply', { chatId: chat.id });
      if (!report(result)) return;
      setReply(result.value.text);
      setDraftNote([t(`work.chats.kinds.${result.value.kind}`), result.value.note].filter(Boolean).join(' · '));
    } finally {
      setDrafting(false);
    }
  };

  const lastEmployer = messages?.filter((m) => m.author !== 'me').at(-1);
  const quick = lastEmployer && messages?.at(-1) === lastEmployer ? lastEmployer.buttons : [];

  return (
    <section className="card work-chat" aria-labelledby="chat-title" data-testid="conversation">
      <header className="work-editor__head">
        <div>
          <h2 id="chat-title">{chat.vacancyTitle ?? t('work.chats.untitled')}</h2>
          <p className="hint">{chat.employer}</p>
        </div>
        {chat.state ? <span className={`badge badge--chat-${chat.state}`}>{t(`work.chats.states.${chat.state}`, { defaultValue: chat.state })}</span> : null}
      </header>
      {!messages ? (
        <p className="hint">{t('work.common.loading')}</p>
      ) : !messages.length ? (
        <p className="hint">{t('work.chats.noMessages')}</p>
      ) : (
        <ol className="work-messages" data-testid="messages">
          {messages.map((message) => (
            <li key={message.id} className={`work-message work-message--${message.author}`} data-author={message.author}>
              <span className="work-message__meta">
                {t(`work.chats.authors.${message.author}`)} · {fmt.dateTime(message.createdAt)}
              </span>
              <span className="work-message__text">{message.text}</span>
            </li>
          ))}
        </ol>
      )}
      {quick.length ? (
        <div className="row" role="group" aria-label={t('work.chats.quickReplies')}>
          {quick.map((label) => (
            <button key={label} type="button" className="chip" onClick={() => setReply(label)}>
              {label}
            </button>
          ))}
        </div>
      ) : null}
      <form className="form form--wide work-reply" onSubmit={(event) => void send(event)}>
        <label>
          {t('work.chats.reply')}
          <textarea
            value={reply}
            onChange={(e) => setReply(e.target.value)}
            placeholder={t('work.chats.replyPlaceholder')}
            rows={3}
            maxLength={4000}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) e.currentTarget.form?.requestSubmit();
            }}
          />
        </label>
        <div className="row">
          <button type="submit" className="button button--primary" disabled={sending || !reply.trim()}>
            {sending ? t('work.chats.sending') : t('work.chats.send')}
          </button>
          {lastEmployer ? (
            <button type="button" className="button" disabled={drafting || sending} onClick={() => void draft()}>
              {drafting ? t('work.chats.drafting') : t('work.chats.draft')}
            </button>
          ) : null}
          {draftNote ? <span className="hint" data-testid="draft-note">{draftNote}</span> : null}
        </div>
      </form>
    </section>
  );
}

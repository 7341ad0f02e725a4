import { useTranslation } from 'react-i18next';
import { ChatStateBadge } from './ChatStateBadge';
import { MessageList } from './MessageList';
import { ReplyForm } from './ReplyForm';
import { useConversation, type ChatView } from './useConversation';

/** One chat: its messages, quick replies, an AI-drafted reply to edit, and the reply box. */
export function Conversation({ chat, onRead }: { chat: ChatView; onRead(): void }) {
  const { t } = useTranslation();
  const { messages, reply, write, prepared, sending, drafting, draftNote, send, draft } = useConversation(chat, onRead);
  const lastEmployer = messages?.filter((m) => m.author !== 'me').at(-1);
  // A bot's buttons, while its message is the last one.
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
      <MessageList messages={messages} />
      {quick.length ? (
        <div className="row" role="group" aria-label={t('chats.quickReplies')}>
          {quick.map((label) => (
            <button key={label} type="button" className="chip" onClick={() => write(label, false)}>
              {label}
            </button>
          ))}
        </div>
      ) : null}
      <ReplyForm
        reply={reply}
        onWrite={(text) => write(text, true)}
        prepared={prepared}
        sending={sending}
        drafting={drafting}
        draftNote={draftNote}
        canDraft={lastEmployer !== undefined}
        onSend={(event) => void send(event)}
        onDraft={() => void draft()}
      />
    </section>
  );
}

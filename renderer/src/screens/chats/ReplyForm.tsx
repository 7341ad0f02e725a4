import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** The reply box (Ctrl+Enter sends), Send, the AI draft button, and what the box holds: the engine's prepared reply or the AI's note. */
export function ReplyForm({
  reply,
  onWrite,
  prepared,
  sending,
  drafting,
  draftNote,
  canDraft,
  onSend,
  onDraft,
}: {
  reply: string;
  onWrite(text: string): void;
  prepared: boolean;
  sending: boolean;
  drafting: boolean;
  draftNote: string | undefined;
  /** There is an employer's message to answer. */
  canDraft: boolean;
  onSend(event: FormEvent): void;
  onDraft(): void;
}) {
  const { t } = useTranslation();
  return (
    <form noValidate className="form form--wide work-reply" onSubmit={onSend}>
      <label>
        {t('chats.reply')}
        <textarea
          className={prepared ? 'work-reply__prepared' : undefined}
          aria-describedby={prepared ? 'prepared-draft' : undefined}
          value={reply}
          onChange={(e) => onWrite(e.target.value)}
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
        {canDraft ? (
          <button type="button" className="button" disabled={drafting || sending} onClick={onDraft}>
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
  );
}

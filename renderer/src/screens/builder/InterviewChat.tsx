import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { INTERVIEW_SECTIONS, type Interview } from '../../../../shared/domain';
import { useClient } from '../../hooks/useClient';
import { useApp } from '../../store/useApp';
import { draftOf, keepDraft } from './drafts';

/** Which sections have answers: the interview's progress at a glance. */
export function SectionProgress({ interview }: { interview: Interview }) {
  const { t } = useTranslation();
  return (
    <ul className="builder-progress" aria-label={t('builder.progress')}>
      {INTERVIEW_SECTIONS.map((section) => {
        const done = interview.covered.includes(section);
        return (
          <li key={section} className={done ? 'builder-progress__item builder-progress__item--done' : 'builder-progress__item'}>
            {t(`builder.sections.${section}`)}
            <span className="visually-hidden">: {done ? t('builder.covered') : t('builder.notCovered')}</span>
          </li>
        );
      })}
    </ul>
  );
}

/** The questions and answers so far, newest at the bottom and scrolled into view. */
export function Transcript({ interview }: { interview: Interview }) {
  const { t } = useTranslation();
  const end = useRef<HTMLLIElement>(null);
  useEffect(() => {
    end.current?.scrollIntoView?.({ block: 'nearest' });
  }, [interview.messages.length]);
  return (
    <ol className="builder-messages" aria-label={t('builder.transcript')} data-testid="interview-messages">
      {interview.messages.map((message, index) => (
        <li
          key={message.id}
          ref={index === interview.messages.length - 1 ? end : undefined}
          className={message.role === 'user' ? 'builder-message builder-message--user' : 'builder-message'}
        >
          <span className="builder-message__who">
            {message.role === 'user' ? t('builder.you') : t('builder.interviewer')}
            {message.followUp ? <span className="badge badge--accent">{t('builder.followUp')}</span> : null}
          </span>
          <p>{message.text}</p>
        </li>
      ))}
    </ol>
  );
}

/** Answering, asking again after a failure, and finishing. */
export function InterviewChat({ interview, onChange }: { interview: Interview; onChange(next: Interview): void }) {
  const { t } = useTranslation();
  const client = useClient();
  const report = useApp((s) => s.report);
  const [text, setTextState] = useState(() => draftOf(interview.id, 'answer') ?? '');
  const setText = (next: string) => {
    setTextState(next);
    keepDraft(interview.id, 'answer', next || undefined);
  };
  const [busy, setBusy] = useState<'answer' | 'ask' | 'finish'>();
  const waiting = interview.messages.at(-1)?.role === 'user';
  const answered = interview.messages.some((m) => m.role === 'user');

  const act = async (kind: 'answer' | 'ask' | 'finish') => {
    setBusy(kind);
    try {
      const result =
        kind === 'answer'
          ? await client.invoke('builder.answer', { id: interview.id, text })
          : kind === 'ask'
            ? await client.invoke('builder.ask', { id: interview.id })
            : await client.invoke('builder.finish', { id: interview.id });
      if (report(result)) {
        if (kind === 'answer') setText('');
        onChange(result.value);
      } else if (kind === 'answer') {
        // The answer is kept by the core even when the next question failed: show it, keep nothing twice.
        const fresh = await client.invoke('builder.get', { id: interview.id });
        if (fresh.ok && fresh.value.messages.length !== interview.messages.length) {
          setText('');
          onChange(fresh.value);
        }
      }
    } finally {
      setBusy(undefined);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim()) void act('answer');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit(event);
  };

  return (
    <div className="builder-chat">
      <Transcript interview={interview} />
      {waiting ? (
        <div className="row builder-retry" role="status">
          <span className="hint">{t('builder.noQuestion')}</span>
          <button type="button" className="button" disabled={busy !== undefined} onClick={() => void act('ask')}>
            {busy === 'ask' ? t('builder.sending') : t('builder.askAgain')}
          </button>
        </div>
      ) : (
        <form noValidate className="form builder-answer" onSubmit={submit}>
          <label>
            {t('builder.answer')}
            <textarea
              value={text}
              onChange={(e) => setText(e.target.value)}
              onKeyDown={onKeyDown}
              rows={4}
              maxLength={4000}
              disabled={busy !== undefined}
            />
          </label>
          <p className="hint">{t('builder.answerHint')}</p>
          <div className="row">
            <button type="submit" className="button button--primary" disabled={busy !== undefined || !text.trim()}>
              {busy === 'answer' ? t('builder.sending') : t('builder.send')}
            </button>
            <button type="button" className="button" disabled={busy !== undefined || !answered} onClick={() => void act('finish')}>
              {busy === 'finish' ? t('builder.finishing') : t('builder.finish')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}

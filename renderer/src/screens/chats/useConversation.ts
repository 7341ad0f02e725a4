import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../shared/contract';
import { useClient } from '../../hooks/useClient';
import { useContract } from '../../hooks/useContract';
import { useApp } from '../../store/useApp';

export type ChatView = ChannelOutput<'chats.list'>['items'][number];

/** One chat's messages and the reply being written: typed, a quick reply, the engine's prepared one, or an AI draft. */
export function useConversation(chat: ChatView, onRead: () => void) {
  const { t } = useTranslation();
  const client = useClient();
  const report = useApp((s) => s.report);
  const hadUnread = chat.unread > 0;
  const [reply, setReply] = useState('');
  /** The box holds the reply the engine prepared for the employer's last message, untouched or edited, not yet sent. */
  const [prepared, setPrepared] = useState(false);
  const [sending, setSending] = useState(false);
  const [drafting, setDrafting] = useState(false);
  const [draftNote, setDraftNote] = useState<string>();
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
        // The note was about the draft just sent ("a person writes: check the reply"): it is answered now.
        setDraftNote(undefined);
      }
    } finally {
      setSending(false);
    }
  };

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

  /** The user's own words (or a quick reply) replace the prepared one; an emptied box is no longer "prepared". */
  const write = (text: string, typed: boolean) => {
    setReply(text);
    if (!typed || !text.trim()) setPrepared(false);
  };

  return { messages, reply, write, prepared, sending, drafting, draftNote, send, draft };
}

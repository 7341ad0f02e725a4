import { Loading } from '../../components/Loading';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { useClient } from '../../hooks/useClient';
import { useContract } from '../../hooks/useContract';
import { useApp } from '../../store/useApp';
import { useWorkFocus } from '../../store/workFocus';
import { ChatPicker } from './ChatPicker';
import { Conversation } from './Conversation';
import '../work.css';
import './chats.css';

/** Employer conversations: refresh from hh.ru, pick a chat, read it, answer (quick replies included). */
export function Chats() {
  const { t } = useTranslation();
  const client = useClient();
  const report = useApp((s) => s.report);
  // A sync (here or by the engine), a reply sent or a chat read changes the list: it follows at once.
  const { data: page, reload, failed } = useContract('chats.list', { limit: 200 }, { follow: ['chats'] });
  const chats = page?.items;
  const focused = useWorkFocus((s) => s.chatId);
  const focusChat = useWorkFocus((s) => s.focusChat);
  const [selected, setSelected] = useState<number | undefined>(focused);
  // "Open chat" in Vacancies or on a sent letter lands here once; the choice is then the user's.
  useEffect(() => {
    if (focused !== undefined) focusChat(undefined);
  }, [focused, focusChat]);
  const [syncing, setSyncing] = useState(false);
  const [synced, setSynced] = useState<{ chats: number; newMessages: number; newHumanMessages: number; invitations: number }>();

  const sync = async () => {
    setSyncing(true);
    try {
      const result = await client.invoke('chats.sync', {});
      if (report(result)) setSynced(result.value);
      await reload();
    } finally {
      setSyncing(false);
    }
  };

  const current = chats?.find((chat) => chat.id === selected) ?? chats?.[0];

  return (
    <div className="work">
      <div className="work__head">
        <h1>{t('chats.title')}</h1>
        <div className="row work__head-actions">
          {synced ? (
            <span className="hint" role="status" data-testid="sync-result">
              {t('chats.synced', synced)}
            </span>
          ) : null}
          <button type="button" className="button button--primary" disabled={syncing} onClick={() => void sync()}>
            {syncing ? t('chats.syncing') : t('chats.sync')}
          </button>
        </div>
      </div>

      {!chats ? (
        <Loading failed={failed} onRetry={() => void reload()} />
      ) : !chats.length ? (
        <EmptyState art="chats" title={t('chats.emptyTitle')} text={t('chats.emptyText')} />
      ) : (
        <div className="work-split">
          <ChatPicker chats={chats} currentId={current?.id} onPick={setSelected} />
          {current ? (
            <Conversation key={current.id} chat={current} onRead={() => void reload()} />
          ) : (
            <p className="hint">{t('chats.pick')}</p>
          )}
        </div>
      )}
    </div>
  );
}

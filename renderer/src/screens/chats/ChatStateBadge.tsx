import { useTranslation } from 'react-i18next';
import { knownKey } from '../../i18n/knownKey';

/** hh.ru's negotiation state; one it adds before there is a text for it shows as hh.ru names it. */
export function ChatStateBadge({ state }: { state: string | null | undefined }) {
  const { t } = useTranslation();
  if (!state) return null;
  const key = knownKey('chats.states', state);
  return <span className={`badge badge--chat-${state}`}>{key ? t(key) : state}</span>;
}

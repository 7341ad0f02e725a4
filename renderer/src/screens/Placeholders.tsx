import { useTranslation } from 'react-i18next';
import { EmptyState } from '../components/EmptyState';

/** Screens whose content later features fill; until then they say what will appear and why. */
export function EmptyScreen({ screen }: { screen: 'vacancies' | 'letters' | 'chats' | 'searches' }) {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t(`${screen}.title`)}</h1>
      <EmptyState title={t(`${screen}.emptyTitle`)} text={t(`${screen}.emptyText`)} />
    </>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../../hooks/useClient';
import { useApp } from '../../store/useApp';
import type { Recommended } from './useListFilters';

/**
 * "hh.ru recommendations": asks hh.ru for the vacancies it recommends for the user's resume; the
 * core keeps them (marked), and `onFetched` narrows the list to them.
 */
export function RecommendationsButton({ onFetched, className }: { onFetched(result: Recommended): void; className?: string }) {
  const { t } = useTranslation();
  const client = useClient();
  const report = useApp((s) => s.report);
  const [asking, setAsking] = useState(false);
  const ask = async () => {
    setAsking(true);
    try {
      const answer = await client.invoke('vacancies.recommended', { resumeHhId: null });
      if (report(answer)) onFetched(answer.value);
    } finally {
      setAsking(false);
    }
  };
  return (
    <button type="button" className={className ?? 'button button--small'} disabled={asking} onClick={() => void ask()}>
      {asking ? t('vacancies.recommended.loading') : t('vacancies.recommended.button')}
    </button>
  );
}

/** What the recommendations brought, said while the list shows only them, with the way back to all. */
export function RecommendedNote({ result, onShowAll }: { result: Recommended; onShowAll(): void }) {
  const { t } = useTranslation();
  return (
    <p className="hint vac-recommended" role="status">
      {t('vacancies.recommended.result', result)}
      {result.blacklisted ? ` ${t('vacancies.recommended.blacklisted', { count: result.blacklisted })}` : ''}{' '}
      <button type="button" className="link" onClick={onShowAll}>
        {t('vacancies.recommended.showAll')}
      </button>
    </p>
  );
}

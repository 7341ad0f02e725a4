import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../shared/contract';
import { useClient } from '../../hooks/useClient';
import { useApp } from '../../store/useApp';

/**
 * "hh.ru recommendations": asks hh.ru for the vacancies it recommends for the user's resume, keeps
 * them (marked), and narrows the list to them; says how many came and how many were new.
 */
export function Recommendations({ active, onShow, onShowAll }: { active: boolean; onShow(): void; onShowAll(): void }) {
  const { t } = useTranslation();
  const client = useClient();
  const report = useApp((s) => s.report);
  const [asking, setAsking] = useState(false);
  const [result, setResult] = useState<ChannelOutput<'vacancies.recommended'>>();
  const ask = async () => {
    setAsking(true);
    try {
      const answer = await client.invoke('vacancies.recommended', { resumeHhId: null });
      if (!report(answer)) return;
      setResult(answer.value);
      onShow();
    } finally {
      setAsking(false);
    }
  };
  return (
    <>
      <button type="button" className="button button--small" disabled={asking} onClick={() => void ask()}>
        {asking ? t('vacancies.recommended.loading') : t('vacancies.recommended.button')}
      </button>
      {result && active ? (
        <p className="hint vac-recommended" role="status">
          {t('vacancies.recommended.result', result)}
          {result.blacklisted ? ` ${t('vacancies.recommended.blacklisted', { count: result.blacklisted })}` : ''}{' '}
          <button type="button" className="link" onClick={onShowAll}>
            {t('vacancies.recommended.showAll')}
          </button>
        </p>
      ) : null}
    </>
  );
}

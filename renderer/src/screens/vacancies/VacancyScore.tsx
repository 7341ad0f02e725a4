import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../../hooks/useClient';
import { useContract } from '../../hooks/useContract';
import { useApp } from '../../store/useApp';

/** The AI's fit score if one is kept (never asks the AI by itself), and a button to ask; `onScored` tells the list. */
export function VacancyScore({ id, onScored }: { id: number; onScored?(score: number): void }) {
  const { t } = useTranslation();
  const client = useClient();
  const report = useApp((s) => s.report);
  const { data: kept, setData } = useContract('vacancies.keptScore', { id });
  const [rating, setRating] = useState(false);
  const rate = async () => {
    setRating(true);
    try {
      const result = await client.invoke('vacancies.score', { id });
      if (!report(result)) return;
      setData({ score: result.value.score, reason: result.value.reason, model: result.value.model, scoredAt: new Date().toISOString() });
      onScored?.(result.value.score);
    } finally {
      setRating(false);
    }
  };
  return (
    <div className="vac-score" data-testid="vacancy-score">
      <span className="vac-score__title">{t('vacancies.detail.score.title')}</span>
      {kept ? (
        <span>
          <strong>{t('vacancies.detail.score.value', { score: kept.score })}</strong>
          {kept.reason ? ` · ${kept.reason}` : ''}
        </span>
      ) : kept === null ? (
        <>
          <span className="hint">{t('vacancies.detail.score.none')}</span>
          <button type="button" className="button button--small" disabled={rating} onClick={() => void rate()}>
            {rating ? t('vacancies.detail.score.rating') : t('vacancies.detail.score.rate')}
          </button>
        </>
      ) : null}
    </div>
  );
}

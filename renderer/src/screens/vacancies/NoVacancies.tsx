import { useTranslation } from 'react-i18next';
import type { VacancySummary } from '../../../../shared/domain/vacancy';
import { EmptyState } from '../../components/EmptyState';
import { useApp } from '../../store/useApp';
import { AddByLink } from './AddByLink';
import { RecommendationsButton } from './Recommendations';
import type { Recommended } from './useListFilters';

/** No vacancy at all yet: the way to the saved searches that find them, hh.ru's recommendations, or one added by its link. */
export function NoVacancies({
  onAdded,
  onRecommended,
}: {
  onAdded(vacancy: VacancySummary): void;
  onRecommended(result: Recommended): void;
}) {
  const { t } = useTranslation();
  const go = useApp((s) => s.go);
  return (
    <EmptyState art="vacancies" title={t('vacancies.emptyTitle')} text={t('vacancies.emptyText')}>
      <button type="button" className="button button--primary work__empty-action" onClick={() => go('searches')}>
        {t('vacancies.emptyAction')}
      </button>
      <RecommendationsButton onFetched={onRecommended} className="button work__empty-action" />
      <AddByLink onAdded={onAdded} />
    </EmptyState>
  );
}

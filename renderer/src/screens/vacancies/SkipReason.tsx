import { useTranslation } from 'react-i18next';
import type { VacancySummary } from '../../../../shared/domain/vacancy';
import { skipText } from '../../format/automation';
import { useFormat } from '../../format/useFormat';

/**
 * The engine's reason still explains the vacancy's state: set aside, left for the user, or applied
 * before the app saw it. Restored by the user (found again), the old reason no longer applies.
 */
export const skipShown = (vacancy: VacancySummary) =>
  vacancy.skip !== null &&
  (vacancy.status === 'ignored' ||
    vacancy.status === 'needs_manual' ||
    (vacancy.status === 'applied' && vacancy.skip.reason === 'already_applied'));

/** "Excluded word: стажёр", "AI fit 20 of 100: Другой стек"; the employer's site as a link to open. */
export function SkipReason({ vacancy }: { vacancy: VacancySummary }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (!vacancy.skip) return null;
  const { text, link } = skipText(t, vacancy.skip, fmt.money);
  return (
    <div className="work-skip" data-testid="vacancy-skip" data-reason={vacancy.skip.reason}>
      {text}
      {link ? (
        <>
          {': '}
          <a href={link} target="_blank" rel="noreferrer">
            {t('vacancies.skip.openEmployerSite')}
          </a>
        </>
      ) : null}
    </div>
  );
}

import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VacancySummary } from '../../../../shared/domain/vacancy';
import { useContract } from '../../hooks/useContract';
import { Description, Facts, VacancyTitle } from './VacancyFacts';

/** The vacancy beside a letter in Letters: title, employer, salary and the description, collapsible. */
export function LetterVacancy({ summary }: { summary: VacancySummary }) {
  const { t } = useTranslation();
  const { data: vacancy } = useContract('vacancies.get', { id: summary.id });
  const headingId = useId();
  const bodyId = useId();
  const [expanded, setExpanded] = useState(true);
  return (
    <section className="vac-detail vac-detail--letter" aria-labelledby={headingId} data-testid="letter-vacancy">
      <div className="vac-detail__bar">
        <h3 id={headingId} className="vac-detail__label">
          {t('vacancies.detail.label')}
        </h3>
        <button type="button" className="link" aria-expanded={expanded} aria-controls={bodyId} onClick={() => setExpanded((open) => !open)}>
          {expanded ? t('vacancies.detail.collapse') : t('vacancies.detail.show')}
        </button>
      </div>
      <div id={bodyId} hidden={!expanded}>
        <p className="vac-detail__title">
          <VacancyTitle summary={summary} />
        </p>
        <p className="hint">{[summary.employer.name, summary.area.name].filter(Boolean).join(' · ')}</p>
        <Facts summary={summary} vacancy={vacancy} />
        <div className="vac-detail__scroll">
          <Description vacancy={vacancy} />
        </div>
      </div>
    </section>
  );
}

import { useTranslation } from 'react-i18next';

/** The list's column headers (the first row of the grid). */
export function VacancyListHead() {
  const { t } = useTranslation();
  return (
    <div role="rowgroup" className="vac-head-group">
      <div role="row" aria-rowindex={1} className="vac-row vac-head">
        <div role="columnheader" className="vac-cell vac-cell--main">
          {t('vacancies.columns.title')}
        </div>
        <div role="columnheader" className="vac-cell vac-cell--salary">
          {t('vacancies.columns.salary')}
        </div>
        <div role="columnheader" className="vac-cell vac-cell--status">
          {t('vacancies.columns.status')}
        </div>
        <div role="columnheader" className="vac-cell vac-cell--actions">
          <span className="visually-hidden">{t('vacancies.columns.actions')}</span>
        </div>
      </div>
    </div>
  );
}

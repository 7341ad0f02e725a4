import { useTranslation } from 'react-i18next';
import { errorText } from '../../format/errorText';
import { VacancyList } from './VacancyList';
import type { RowActions } from './VacancyRow';
import type { VacancyPages } from './useVacancyPages';

/** The list, or what stands in its place: the first page failing (with Retry), loading, or nothing matching. */
export function VacancyListArea({
  pages,
  selectedId,
  openedId,
  busy,
  actions,
  picked,
}: {
  pages: VacancyPages;
  selectedId: number | undefined;
  openedId: number | undefined;
  busy(id: number): 'write' | 'status' | undefined;
  actions: RowActions;
  picked: ReadonlySet<number>;
}) {
  const { t, i18n } = useTranslation();
  const { items, error } = pages;
  if (error && !items) {
    return (
      <div className="card vac-state" role="alert" data-testid="vacancies-error">
        <p>
          <strong>{t('vacancies.loadFailed')}</strong>
        </p>
        <p className="hint">{errorText(t, i18n.language, error)}</p>
        <button type="button" className="button" onClick={pages.retry}>
          {t('vacancies.retry')}
        </button>
      </div>
    );
  }
  if (!items) {
    return (
      <p className="hint vac-state" role="status" data-testid="vacancies-loading">
        {t('common.loading')}
      </p>
    );
  }
  if (!items.length) return <p className="hint work-nothing">{t('vacancies.nothingMatches')}</p>;
  return <VacancyList pages={pages} selectedId={selectedId} openedId={openedId} busy={busy} actions={actions} picked={picked} />;
}

import { useTranslation } from 'react-i18next';
import type { VacancySummary } from '../../../../shared/domain/vacancy';
import { canWrite, type RowActions } from './rowActions';

/**
 * A row's own buttons: Write letter (or Open letter once it has one), Open chat, hide or restore,
 * and the vacancy on hh.ru; in the Tab order only on the tabbable row.
 */
export function RowButtons({
  vacancy,
  busy,
  actions,
  tab,
}: {
  vacancy: VacancySummary;
  busy: 'write' | 'status' | undefined;
  actions: RowActions;
  tab: 0 | -1;
}) {
  const { t } = useTranslation();
  return (
    <div role="gridcell" className="vac-cell vac-cell--actions">
      {canWrite(vacancy) ? (
        <button
          type="button"
          className="button button--small button--primary"
          tabIndex={tab}
          disabled={busy === 'write'}
          onClick={() => actions.write(vacancy)}
        >
          {busy === 'write' ? t('vacancies.writing') : t('vacancies.write')}
        </button>
      ) : null}
      {vacancy.letterId ? (
        <button type="button" className="button button--small" tabIndex={tab} onClick={() => actions.openLetter(vacancy.letterId!)}>
          {t('vacancies.openLetter')}
        </button>
      ) : null}
      {vacancy.chatId ? (
        <button
          type="button"
          className="button button--small button--ghost"
          tabIndex={tab}
          onClick={() => actions.openChat(vacancy.chatId!)}
        >
          {t('vacancies.openChat')}
        </button>
      ) : null}
      {vacancy.status === 'ignored' ? (
        <button
          type="button"
          className="button button--small"
          tabIndex={tab}
          disabled={busy === 'status'}
          onClick={() => actions.setStatus(vacancy, 'found')}
        >
          {t('vacancies.restore')}
        </button>
      ) : vacancy.status === 'found' ? (
        <button
          type="button"
          className="button button--small button--ghost"
          tabIndex={tab}
          disabled={busy === 'status'}
          onClick={() => actions.setStatus(vacancy, 'ignored')}
        >
          {t('vacancies.ignore')}
        </button>
      ) : null}
      {vacancy.url ? (
        <a
          className="button button--small button--ghost vac-hh"
          href={vacancy.url}
          target="_blank"
          rel="noreferrer"
          tabIndex={tab}
          aria-label={t('common.openOnHh')}
          title={t('common.openOnHh')}
        >
          <span aria-hidden="true">↗</span>
        </a>
      ) : null}
    </div>
  );
}

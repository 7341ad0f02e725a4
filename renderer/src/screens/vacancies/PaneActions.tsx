import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { VacancySummary } from '../../../../shared/domain/vacancy';
import { canWrite } from './rowActions';

/**
 * The pane's actions: Write letter (or Open letter once there is one), Open chat, Apply by hand for
 * a vacancy that needs the user (the employer's test), hide or restore, and the vacancy on hh.ru.
 */
export function PaneActions({
  summary,
  busy,
  onWrite,
  onStatus,
  onOpenLetter,
  onOpenChat,
  onAssist,
  writeRef,
}: {
  summary: VacancySummary;
  busy: 'write' | 'status' | undefined;
  onWrite(): void;
  onStatus(status: 'ignored' | 'found'): void;
  onOpenLetter(letterId: number): void;
  onOpenChat(chatId: number): void;
  onAssist(): void;
  /** Write letter takes the focus when the pane opens for a vacancy just added. */
  writeRef: RefObject<HTMLButtonElement | null>;
}) {
  const { t } = useTranslation();
  return (
    <div className="row vac-detail__actions">
      {canWrite(summary) ? (
        <button ref={writeRef} type="button" className="button button--primary" disabled={busy === 'write'} onClick={onWrite}>
          {busy === 'write' ? t('vacancies.writing') : t('vacancies.write')}
        </button>
      ) : null}
      {summary.letterId ? (
        <button
          type="button"
          className={canWrite(summary) ? 'button' : 'button button--primary'}
          onClick={() => onOpenLetter(summary.letterId!)}
        >
          {t('vacancies.openLetter')}
        </button>
      ) : null}
      {summary.status === 'needs_manual' ? (
        <button type="button" className="button" disabled={busy === 'write'} onClick={onAssist} title={t('vacancies.assistHint')}>
          {t('vacancies.assist')}
        </button>
      ) : null}
      {summary.chatId ? (
        <button type="button" className="button" onClick={() => onOpenChat(summary.chatId!)}>
          {t('vacancies.openChat')}
        </button>
      ) : null}
      {summary.status === 'ignored' ? (
        <button type="button" className="button" disabled={busy === 'status'} onClick={() => onStatus('found')}>
          {t('vacancies.restore')}
        </button>
      ) : summary.status === 'found' ? (
        <button type="button" className="button" disabled={busy === 'status'} onClick={() => onStatus('ignored')}>
          {t('vacancies.ignore')}
        </button>
      ) : null}
      {summary.url ? (
        <a className="button" href={summary.url} target="_blank" rel="noreferrer">
          {t('common.openOnHh')}
        </a>
      ) : null}
    </div>
  );
}

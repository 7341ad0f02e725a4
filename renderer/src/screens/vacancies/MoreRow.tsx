import { useTranslation } from 'react-i18next';
import type { AppErrorValue } from '../../../../shared/contract';
import { errorText } from '../../format/errorText';

/** The row after the last loaded one: the next page on its way, or why it failed with Retry. */
export function MoreRow({
  index,
  start,
  error,
  onRetry,
  measure,
}: {
  index: number;
  /** Pixels from the top of the list. */
  start: number;
  error: AppErrorValue | undefined;
  onRetry(): void;
  measure(element: HTMLElement | null): void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <div
      ref={measure}
      data-index={index}
      role="row"
      aria-rowindex={index + 2}
      className="vac-row vac-more"
      style={{ transform: `translateY(${start}px)` }}
    >
      <div role="gridcell" className="vac-more__cell" data-testid="vacancies-more">
        {error ? (
          <>
            <span className="status status--bad" role="alert">
              {errorText(t, i18n.language, error)}
            </span>
            <button type="button" className="button button--small" onClick={onRetry}>
              {t('vacancies.retry')}
            </button>
          </>
        ) : (
          <span className="hint" role="status">
            {t('vacancies.loadingMore')}
          </span>
        )}
      </div>
    </div>
  );
}

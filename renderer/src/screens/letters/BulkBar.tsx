import { useTranslation } from 'react-i18next';
import type { BulkResult } from './useBulkLetters';

/** What to do with the letters picked in the list, the batch's progress, and each letter's result. */
export function BulkBar({
  chosen,
  total,
  progress,
  results,
  onAll,
  onClear,
  onSend,
  onDiscard,
  onStop,
  onDismiss,
}: {
  chosen: number;
  total: number;
  progress?: { done: number; total: number };
  results: BulkResult[];
  onAll(): void;
  onClear(): void;
  onSend(): void;
  onDiscard(): void;
  onStop(): void;
  onDismiss(): void;
}) {
  const { t } = useTranslation();
  return (
    <div className="letters-bulk" data-testid="bulk">
      <div className="row">
        {progress ? (
          <>
            <span role="status">{t('letters.bulk.working', progress)}</span>
            <button type="button" className="button button--small" onClick={onStop}>
              {t('letters.bulk.stop')}
            </button>
          </>
        ) : (
          <>
            <button type="button" className="button button--small button--ghost" onClick={onAll} disabled={!total}>
              {t('letters.bulk.all')}
            </button>
            {chosen ? (
              <>
                <span>{t('letters.bulk.chosen', { count: chosen })}</span>
                <button type="button" className="button button--small button--primary" onClick={onSend}>
                  {t('letters.bulk.send')}
                </button>
                <button type="button" className="button button--small" onClick={onDiscard}>
                  {t('letters.bulk.discard')}
                </button>
                <button type="button" className="button button--small button--ghost" onClick={onClear}>
                  {t('letters.bulk.clear')}
                </button>
              </>
            ) : null}
          </>
        )}
      </div>
      {results.length ? (
        <div className="letters-bulk__results">
          <ul aria-label={t('letters.bulk.results')}>
            {results.map((result) => (
              <li key={result.id} className={result.ok ? 'status status--ok' : 'status status--bad'}>
                {result.title}: {result.text}
              </li>
            ))}
          </ul>
          {!progress ? (
            <button type="button" className="button button--small button--ghost" aria-label={t('errors.dismiss')} onClick={onDismiss}>
              ×
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

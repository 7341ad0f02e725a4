import { useTranslation } from 'react-i18next';
import type { ApplicationView } from '../../../../shared/contract';
import type { BulkLetters } from './useBulkLetters';

/** The letters a bulk action may take: not sent, not on their way. */
const open = (views: ApplicationView[]) =>
  views.filter((v) => ['draft', 'approved', 'failed'].includes(v.application.state) && !v.application.discardedAt);

/** What to do with the letters picked in the list, the batch's progress, and each letter's result. */
export function BulkBar({ bulk, views }: { bulk: BulkLetters; views: ApplicationView[] }) {
  const { t } = useTranslation();
  const { progress, results } = bulk;
  const chosen = bulk.chosen.size;
  return (
    <div className="letters-bulk" data-testid="bulk">
      <div className="row">
        {progress ? (
          <>
            <span role="status">{t('letters.bulk.working', progress)}</span>
            <button type="button" className="button button--small" onClick={bulk.stop}>
              {t('letters.bulk.stop')}
            </button>
          </>
        ) : (
          <>
            <button
              type="button"
              className="button button--small button--ghost"
              onClick={() => bulk.choose(open(views).map((v) => v.application.id))}
              disabled={!open(views).length}
            >
              {t('letters.bulk.all')}
            </button>
            {chosen ? (
              <>
                <span>{t('letters.bulk.chosen', { count: chosen })}</span>
                <button type="button" className="button button--small button--primary" onClick={() => void bulk.send(views)}>
                  {t('letters.bulk.send')}
                </button>
                <button type="button" className="button button--small" onClick={() => void bulk.discard(views)}>
                  {t('letters.bulk.discard')}
                </button>
                <button type="button" className="button button--small button--ghost" onClick={bulk.clear}>
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
            <button
              type="button"
              className="button button--small button--ghost"
              aria-label={t('errors.dismiss')}
              onClick={bulk.dismissResults}
            >
              ×
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

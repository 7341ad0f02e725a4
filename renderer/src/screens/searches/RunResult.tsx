import { useTranslation } from 'react-i18next';
import type { SearchRunOutcome } from '../../../../shared/contract';
import { jobMessageText } from '../../format/automation';
import { useApp } from '../../store/useApp';

/** A run's figures as the engine's record of a search run has them (the same words as the jobs table). */
const runParams = ({ cancelled: _cancelled, stoppedBy, ...counts }: SearchRunOutcome) => ({ ...counts, ...(stoppedBy && { stoppedBy }) });

/** What "Run now" did, with the way to the vacancies it found. */
export function RunResult({ result }: { result: SearchRunOutcome }) {
  const { t } = useTranslation();
  const go = useApp((s) => s.go);
  return (
    <p className="status status--ok" role="status" data-testid="run-result">
      {result.cancelled
        ? t('searches.runCancelled')
        : t('searches.runResult', { line: jobMessageText(t, { key: 'searchDone', params: runParams(result) }) })}{' '}
      {result.found ? (
        <button type="button" className="link" onClick={() => go('vacancies')}>
          {t('searches.showVacancies')}
        </button>
      ) : null}
    </p>
  );
}

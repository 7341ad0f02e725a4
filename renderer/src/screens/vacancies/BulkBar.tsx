import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../store/useApp';
import type { Bulk } from './useBulkActions';

/**
 * Above the list: "select all shown", and with rows ticked how many and what can be done to them
 * all; while that runs, how far it is, and after, what did not work and why.
 */
export function BulkBar({ bulk }: { bulk: Bulk }) {
  const { t } = useTranslation();
  const go = useApp((s) => s.go);
  const box = useRef<HTMLInputElement>(null);
  const count = bulk.picked.size;
  // Some ticked, not all: the box shows a dash, and a click ticks them all.
  useEffect(() => {
    if (box.current) box.current.indeterminate = count > 0 && !bulk.allPicked;
  }, [count, bulk.allPicked]);
  const { run } = bulk;
  return (
    <div className="vac-bulk" role="group" aria-label={t('vacancies.bulk.label')}>
      <div className="vac-bulk__bar">
        <label className="vac-bulk__all">
          <input ref={box} type="checkbox" checked={bulk.allPicked} disabled={bulk.busy} onChange={(e) => bulk.pickAll(e.target.checked)} />
          {t('vacancies.pickAll')}
        </label>
        {count ? (
          <>
            <strong>{t('vacancies.bulk.selected', { count })}</strong>
            <button
              type="button"
              className="button button--small button--primary"
              disabled={bulk.busy || !bulk.writable}
              onClick={bulk.write}
            >
              {t('vacancies.bulk.write')}
            </button>
            <button type="button" className="button button--small" disabled={bulk.busy} onClick={bulk.hide}>
              {t('vacancies.bulk.hide')}
            </button>
            <button type="button" className="link" disabled={bulk.busy} onClick={() => bulk.pickAll(false)}>
              {t('vacancies.bulk.clear')}
            </button>
          </>
        ) : null}
      </div>
      {run ? (
        <div className="vac-bulk__run" role="status" data-testid="bulk-progress">
          <p>
            {run.finished
              ? t(run.kind === 'hide' ? 'vacancies.bulk.hidden' : 'vacancies.bulk.written', { done: run.done, total: run.total })
              : t(run.kind === 'hide' ? 'vacancies.bulk.hiding' : 'vacancies.bulk.writing', { done: run.done, total: run.total })}
          </p>
          {run.failures.length ? (
            <>
              <p>{t('vacancies.bulk.failed', { count: run.failures.length })}</p>
              <ul className="vac-bulk__failures">
                {run.failures.map((failure) => (
                  <li key={failure.id}>
                    <strong>{failure.title}</strong> — {failure.reason}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {run.finished ? (
            <div className="row">
              {run.kind === 'write' && run.done ? (
                <button type="button" className="button button--small" onClick={() => go('letters')}>
                  {t('vacancies.bulk.toLetters')}
                </button>
              ) : null}
              <button type="button" className="button button--small button--ghost" onClick={bulk.dismiss}>
                {t('vacancies.bulk.dismiss')}
              </button>
            </div>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunProgress as Progress } from '../../../shared/contract';
import { progressLine } from '../format/automation';
import { useFormat } from '../format/useFormat';
import { useClient } from '../hooks/useClient';
import { useContract } from '../hooks/useContract';
import { useContractEvent } from '../hooks/useContractEvent';
import { useSearchNames } from '../hooks/useSearchNames';
import { useApp } from '../store/useApp';

const without = <T,>(record: Record<string, T>, key: string): Record<string, T> => {
  if (!(key in record)) return record;
  const next = { ...record };
  delete next[key];
  return next;
};

/**
 * The runs under way, one line each ("«Python»: writing letters 3 of 12"), with Cancel. Taken from
 * automation.status when the window opens, then kept by the engine's events until each run ends.
 */
export function RunProgress() {
  const { t } = useTranslation();
  const client = useClient();
  const report = useApp((s) => s.report);
  const fmt = useFormat();
  const [runs, setRuns] = useState<Record<string, Progress>>({});
  const [cancelling, setCancelling] = useState<ReadonlySet<string>>(() => new Set());
  // Jobs the events already told about: the status answer may have been computed before them.
  const heard = useRef(new Set<string>());

  useContract(
    'automation.status',
    {},
    {
      onLoad: (status) =>
        setRuns((current) => {
          const next = { ...current };
          for (const job of status.jobs) if (job.progress && !heard.current.has(job.job)) next[job.job] = job.progress;
          return next;
        }),
    },
  );
  useContractEvent('automation.progress', (progress) => {
    heard.current.add(progress.job);
    setRuns((current) => ({ ...current, [progress.job]: progress }));
  });
  useContractEvent('automation.jobFinished', ({ job }) => {
    heard.current.add(job);
    setRuns((current) => without(current, job));
    setCancelling((current) => new Set([...current].filter((name) => name !== job)));
  });

  const list = Object.values(runs);
  const names = useSearchNames(Object.keys(runs));

  /** The run stops after its current step; the jobFinished event then clears its line. */
  const cancel = async (job: string) => {
    setCancelling((current) => new Set(current).add(job));
    const result = await client.invoke('automation.cancel', { job });
    if (result.ok) return;
    setCancelling((current) => new Set([...current].filter((name) => name !== job)));
    // Finished meanwhile: nothing left to cancel, and nothing to tell the user.
    if (result.error.code === 'not_found') setRuns((current) => without(current, job));
    else report(result);
  };

  if (!list.length) return null;
  return (
    <section className="run-progress" aria-label={t('automation.progress.label')} data-testid="run-progress">
      {list.map((progress) => {
        const line = progressLine(t, progress, names, fmt.time);
        const counted = progress.total > 0 && progress.phase !== 'waiting';
        return (
          <div key={progress.job} className="run-progress__item" data-testid="run" data-job={progress.job}>
            <span className="run-progress__spinner" aria-hidden="true" />
            <span className="run-progress__text" title={line} data-testid="run-line">
              {line}
            </span>
            {counted ? <progress className="run-progress__bar" max={progress.total} value={progress.done} aria-hidden="true" /> : null}
            <button
              type="button"
              className="button button--small"
              disabled={cancelling.has(progress.job)}
              title={t('automation.progress.cancelHint')}
              onClick={() => void cancel(progress.job)}
            >
              {cancelling.has(progress.job) ? t('automation.progress.cancelling') : t('automation.progress.cancel')}
            </button>
          </div>
        );
      })}
    </section>
  );
}

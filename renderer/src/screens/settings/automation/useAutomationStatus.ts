import { useContract } from '../../../hooks/useContract';
import { useContractEvent } from '../../../hooks/useContractEvent';

/** The engine's settings and jobs, kept current: asked again when a job ends, and a running job's step shown as it goes. */
export function useAutomationStatus() {
  const { data: status, setData: setStatus, reload } = useContract('automation.status', {});
  useContractEvent('automation.jobFinished', () => void reload());
  useContractEvent('automation.progress', (progress) =>
    setStatus(
      (current) =>
        current && { ...current, jobs: current.jobs.map((job) => (job.job === progress.job ? { ...job, running: true, progress } : job)) },
    ),
  );
  return { status, setStatus };
}

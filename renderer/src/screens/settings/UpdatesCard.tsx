import { useTranslation } from 'react-i18next';
import type { Result, UpdateState } from '../../../../shared/contract';
import { Loading } from '../../components/Loading';
import { errorText } from '../../format/errorText';
import { useFormat } from '../../format/useFormat';
import { useClient } from '../../hooks/useClient';
import { useContract } from '../../hooks/useContract';
import { useContractEvent } from '../../hooks/useContractEvent';
import { usePending } from '../../hooks/usePending';
import { useApp } from '../../store/useApp';

/**
 * Settings → About → the app's own updates: the switch, Check now, and Restart now once a version
 * is downloaded. A copy that cannot update itself (the browser mode, a run from source) says so
 * and offers no buttons that would do nothing.
 */
export function UpdatesCard() {
  const { t } = useTranslation();
  const client = useClient();
  const report = useApp((s) => s.report);
  const language = useApp((s) => s.language);
  const { dateTime } = useFormat();
  const { data: state, setData, reload, failed } = useContract('updates.get', {});
  const { run, pending } = usePending();
  // Checks at start and daily, the download's progress, a restart waiting for letters: the card follows them.
  useContractEvent('updates.changed', (next) => setData(next));

  // Every updates channel answers with the new state.
  const act = (key: string, call: () => Promise<Result<UpdateState>>) =>
    run(key, async () => {
      const result = await call();
      if (report(result)) setData(result.value);
    });

  return (
    <section className="card" aria-labelledby="updates-title" data-testid="updates">
      <h2 id="updates-title">{t('updates.title')}</h2>
      {!state ? (
        <Loading failed={failed} onRetry={() => void reload()} />
      ) : state.unsupportedReason ? (
        <p className="hint" data-testid="updates-unsupported">
          {t(`updates.unsupported.${state.unsupportedReason}`)}
        </p>
      ) : (
        <>
          <p>{t('updates.current', { version: state.currentVersion })}</p>
          <label className="check">
            <input
              type="checkbox"
              checked={state.auto}
              disabled={pending('auto')}
              onChange={(event) => void act('auto', () => client.invoke('updates.setAuto', { auto: event.target.checked }))}
            />
            {t('updates.auto')}
          </label>
          <p className="hint">{t('updates.autoHint')}</p>
          <UpdateStatus state={state} when={dateTime} />
          {state.phase === 'error' && state.error ? (
            <p className="field-error" role="alert">
              {errorText(t, language, state.error)}
            </p>
          ) : null}
          <div className="row">
            {state.phase === 'downloaded' && !state.restartPending ? (
              <button
                type="button"
                className="button button--primary"
                disabled={pending('restart')}
                onClick={() => void act('restart', () => client.invoke('updates.restart', {}))}
              >
                {t('updates.restart')}
              </button>
            ) : null}
            {state.phase !== 'downloaded' ? (
              <button
                type="button"
                className="button"
                disabled={pending('check') || state.phase === 'checking' || state.phase === 'available' || state.phase === 'downloading'}
                onClick={() => void act('check', () => client.invoke('updates.check', {}))}
              >
                {t('updates.check')}
              </button>
            ) : null}
          </div>
        </>
      )}
    </section>
  );
}

/** Where the update stands, in one or two lines. */
function UpdateStatus({ state, when }: { state: UpdateState; when: (iso: string | null) => string }) {
  const { t } = useTranslation();
  const version = state.version ?? '';
  if (state.restartPending) {
    return (
      <p role="status" data-testid="updates-status">
        {state.sending > 0 ? t('updates.restartWaiting', { count: state.sending }) : t('updates.restarting', { version })}
      </p>
    );
  }
  const line =
    state.phase === 'idle' || state.phase === 'disabled' || state.phase === 'checking'
      ? t(`updates.phase.${state.phase}`)
      : state.phase === 'available' || state.phase === 'downloaded'
        ? t(`updates.phase.${state.phase}`, { version })
        : state.phase === 'downloading'
          ? t('updates.phase.downloading', { version, percent: state.percent ?? 0 })
          : null;
  return (
    <>
      {line ? (
        <p role="status" data-testid="updates-status">
          {line}
        </p>
      ) : null}
      {state.phase === 'downloaded' ? <p className="hint">{t('updates.waitsForSending')}</p> : null}
      {state.checkedAt && state.phase !== 'checking' ? (
        <p className="hint">{t('updates.checkedAt', { at: when(state.checkedAt) })}</p>
      ) : null}
      {state.nextCheckAt ? <p className="hint">{t('updates.nextCheckAt', { at: when(state.nextCheckAt) })}</p> : null}
    </>
  );
}

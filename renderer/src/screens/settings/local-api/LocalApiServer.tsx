import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalApiStatus } from '../../../../../shared/contract';

/** The Local API's switch and port, and what the shell did with them: off, listening at an address, or why not. */
export function LocalApiServer({ status, onApply }: { status: LocalApiStatus; onApply: (enabled: boolean, port?: number) => void }) {
  const { t } = useTranslation();
  const [port, setPort] = useState(String(status.port));
  const stateText = !status.enabled
    ? t('localApi.state.off')
    : status.listening
      ? t('localApi.state.listening', { url: status.url })
      : t(`localApi.state.${status.problem ?? 'failed'}`, { port: status.port });
  return (
    <>
      <label className="check">
        <input
          type="checkbox"
          checked={status.enabled}
          onChange={(event) => onApply(event.target.checked)}
          data-testid="local-api-enabled"
        />
        {t('localApi.enable')}
      </label>
      {status.portFixed ? (
        <p className="hint">{t('localApi.portFixed')}</p>
      ) : (
        <form
          className="row"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            onApply(status.enabled, Number(port));
          }}
        >
          <label>
            {t('localApi.port')}
            <input
              type="number"
              min={1024}
              max={65535}
              value={port}
              onChange={(event) => setPort(event.target.value)}
              data-testid="local-api-port"
            />
          </label>
          <button type="submit" className="button">
            {t('localApi.applyPort')}
          </button>
        </form>
      )}
      <p className={status.enabled && status.problem ? 'status status--bad' : 'status'} role="status" data-testid="local-api-state">
        {stateText}
      </p>
      {status.enabled && status.listening && status.url ? (
        <p className="hint">
          <a href={`${status.url}/docs`} target="_blank" rel="noreferrer">
            {t('localApi.docs')}
          </a>{' '}
          — {t('localApi.docsHint')}
        </p>
      ) : null}
    </>
  );
}

import { useTranslation } from 'react-i18next';

/**
 * What a screen shows before its data: "Loading…", or, once the request failed (the banner says
 * why), a way to try again, so a failure never looks like a load that never ends.
 */
export function Loading({ failed, onRetry }: { failed: boolean; onRetry(): void }) {
  const { t } = useTranslation();
  if (!failed) return <p className="hint">{t('loading')}</p>;
  return (
    <p className="hint load-failed" data-testid="load-failed">
      {t('loadFailed')}{' '}
      <button type="button" className="button" onClick={onRetry}>
        {t('retry')}
      </button>
    </p>
  );
}

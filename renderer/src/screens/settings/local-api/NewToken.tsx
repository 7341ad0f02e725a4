import { useTranslation } from 'react-i18next';

/** A token just made or replaced: shown this once, to copy, since the app keeps only its id. */
export function NewToken({
  token,
  name,
  copied,
  onCopy,
  onDone,
}: {
  token: string;
  name: string;
  copied: boolean;
  onCopy(): void;
  onDone(): void;
}) {
  const { t } = useTranslation();
  return (
    <div className="form" role="alert" data-testid="local-api-new-token">
      <strong>{t('localApi.tokens.newTitle', { name })}</strong>
      <p className="hint">{t('localApi.tokens.newHint')}</p>
      <input
        type="text"
        readOnly
        value={token}
        onFocus={(event) => event.target.select()}
        aria-label={t('localApi.tokens.newTitle', { name })}
      />
      <div className="row">
        <button type="button" className="button" onClick={onCopy}>
          {copied ? t('localApi.tokens.copied') : t('localApi.tokens.copy')}
        </button>
        <button type="button" className="button button--primary" onClick={onDone}>
          {t('localApi.tokens.done')}
        </button>
      </div>
    </div>
  );
}

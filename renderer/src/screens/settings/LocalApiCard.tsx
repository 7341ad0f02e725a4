import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalApiScope, LocalApiToken } from '../../../../shared/contract';
import { useClient } from '../../hooks/useClient';
import { useContract } from '../../hooks/useContract';
import { useApp } from '../../store/useApp';

/**
 * Settings → Local API: the switch and the port, the address it answers at, and the tokens (made,
 * shown once to copy, replaced, revoked). Off by default.
 */
export function LocalApiCard() {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const report = useApp((s) => s.report);
  const { data: status, setData: setStatus } = useContract('localApi.status', {}, { onLoad: (value) => setPort(String(value.port)) });
  const { data: tokens, setData: setTokens } = useContract('localApi.tokens', {});
  const [port, setPort] = useState('');
  const [name, setName] = useState('');
  const [scope, setScope] = useState<LocalApiScope>('read');
  const [days, setDays] = useState('30');
  const [shown, setShown] = useState<{ token: string; name: string }>();
  const [copied, setCopied] = useState(false);
  // Whether a token has expired is judged against when the section was opened.
  const [openedAt] = useState(() => Date.now());

  if (!status) return null;
  const when = (at: string) => new Date(at).toLocaleString(i18n.language);

  const apply = async (enabled: boolean, nextPort?: number) => {
    const result = await client.invoke('localApi.setEnabled', { enabled, ...(nextPort !== undefined && { port: nextPort }) });
    if (report(result)) setStatus(result.value);
  };
  const refreshTokens = async () => {
    const result = await client.invoke('localApi.tokens', {});
    if (report(result)) setTokens(result.value);
  };
  const show = async (made: { token: string; info: LocalApiToken }) => {
    setShown({ token: made.token, name: made.info.name });
    setCopied(false);
    await refreshTokens();
  };
  const create = async (event: FormEvent) => {
    event.preventDefault();
    const result = await client.invoke('localApi.createToken', { name, scope, expiresInDays: Number(days) });
    if (!report(result)) return;
    setName('');
    await show(result.value);
  };
  const rotate = async (id: string) => {
    const result = await client.invoke('localApi.rotate', { id });
    if (report(result)) await show(result.value);
  };
  const revoke = async (id: string) => {
    const result = await client.invoke('localApi.revoke', { id });
    if (report(result)) setTokens(result.value);
  };
  const copy = async () => {
    await navigator.clipboard?.writeText(shown!.token).catch(() => undefined);
    setCopied(true);
  };

  const stateText = !status.enabled
    ? t('localApi.state.off')
    : status.listening
      ? t('localApi.state.listening', { url: status.url })
      : t(`localApi.state.${status.problem ?? 'failed'}`, { port: status.port });
  const tokenState = (token: LocalApiToken) =>
    token.revokedAt
      ? t('localApi.tokens.revoked', { at: when(token.revokedAt) })
      : Date.parse(token.expiresAt) <= openedAt
        ? t('localApi.tokens.expired')
        : t('localApi.tokens.expires', { at: when(token.expiresAt) });

  return (
    <section className="card" aria-labelledby="local-api-title" data-testid="local-api">
      <h2 id="local-api-title">{t('localApi.title')}</h2>
      <p className="hint">{t('localApi.intro')}</p>
      <label className="check">
        <input
          type="checkbox"
          checked={status.enabled}
          onChange={(event) => void apply(event.target.checked)}
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
            void apply(status.enabled, Number(port));
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

      <h3>{t('localApi.tokens.title')}</h3>
      {status.tokensEndOnQuit ? (
        <p className="status status--warn" data-testid="local-api-end-on-quit">
          {t('localApi.tokens.endOnQuit')}
        </p>
      ) : null}
      {shown ? (
        <div className="form" role="alert" data-testid="local-api-new-token">
          <strong>{t('localApi.tokens.newTitle', { name: shown.name })}</strong>
          <p className="hint">{t('localApi.tokens.newHint')}</p>
          <input
            type="text"
            readOnly
            value={shown.token}
            onFocus={(event) => event.target.select()}
            aria-label={t('localApi.tokens.newTitle', { name: shown.name })}
          />
          <div className="row">
            <button type="button" className="button" onClick={() => void copy()}>
              {copied ? t('localApi.tokens.copied') : t('localApi.tokens.copy')}
            </button>
            <button type="button" className="button button--primary" onClick={() => setShown(undefined)}>
              {t('localApi.tokens.done')}
            </button>
          </div>
        </div>
      ) : null}
      {tokens?.length ? (
        <ul className="list" data-testid="local-api-tokens">
          {tokens.map((token) => (
            <li key={token.id}>
              <strong>{token.name}</strong> · {t(`localApi.tokens.scopes.${token.scope}`)} ·{' '}
              {t('localApi.tokens.created', { at: when(token.createdAt) })} · {tokenState(token)} ·{' '}
              {token.lastUsedAt ? t('localApi.tokens.lastUsed', { at: when(token.lastUsedAt) }) : t('localApi.tokens.neverUsed')}
              {token.revokedAt ? null : (
                <span className="row">
                  <button type="button" className="button" onClick={() => void rotate(token.id)}>
                    {t('localApi.tokens.rotate')}
                  </button>
                  <button type="button" className="button" onClick={() => void revoke(token.id)}>
                    {t('localApi.tokens.revoke')}
                  </button>
                </span>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="hint">{t('localApi.tokens.none')}</p>
      )}
      <form className="form" noValidate onSubmit={(event) => void create(event)}>
        <label>
          {t('localApi.tokens.name')}
          <input
            value={name}
            onChange={(event) => setName(event.target.value)}
            placeholder={t('localApi.tokens.namePlaceholder')}
            data-testid="local-api-token-name"
          />
        </label>
        <label>
          {t('localApi.tokens.scope')}
          <select value={scope} onChange={(event) => setScope(event.target.value as LocalApiScope)} data-testid="local-api-token-scope">
            <option value="read">{t('localApi.tokens.scopes.read')}</option>
            <option value="write">{t('localApi.tokens.scopes.write')}</option>
          </select>
        </label>
        <label>
          {t('localApi.tokens.expiresInDays')}
          <input type="number" min={1} max={365} value={days} onChange={(event) => setDays(event.target.value)} />
        </label>
        <div className="row">
          <button type="submit" className="button button--primary">
            {t('localApi.tokens.create')}
          </button>
        </div>
      </form>
    </section>
  );
}

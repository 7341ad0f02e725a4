import { useTranslation } from 'react-i18next';
import { useClient } from '../../hooks/useClient';
import { useContract } from '../../hooks/useContract';
import { useApp } from '../../store/useApp';
import { LocalApiServer } from './local-api/LocalApiServer';
import { NewToken } from './local-api/NewToken';
import { NewTokenForm } from './local-api/NewTokenForm';
import { TokenList } from './local-api/TokenList';
import { useLocalApiTokens } from './local-api/useLocalApiTokens';

/**
 * Settings → Local API: the switch and the port, the address it answers at, and the tokens (made,
 * shown once to copy, replaced, revoked). Off by default.
 */
export function LocalApiCard() {
  const { t } = useTranslation();
  const client = useClient();
  const report = useApp((s) => s.report);
  const { data: status, setData: setStatus } = useContract('localApi.status', {});
  const tokens = useLocalApiTokens();

  if (!status) return null;
  const apply = async (enabled: boolean, port?: number) => {
    const result = await client.invoke('localApi.setEnabled', { enabled, ...(port !== undefined && { port }) });
    if (report(result)) setStatus(result.value);
  };

  return (
    <section className="card" aria-labelledby="local-api-title" data-testid="local-api">
      <h2 id="local-api-title">{t('localApi.title')}</h2>
      <p className="hint">{t('localApi.intro')}</p>
      <LocalApiServer status={status} onApply={(enabled, port) => void apply(enabled, port)} />

      <h3>{t('localApi.tokens.title')}</h3>
      {status.tokensEndOnQuit ? (
        <p className="status status--warn" data-testid="local-api-end-on-quit">
          {t('localApi.tokens.endOnQuit')}
        </p>
      ) : null}
      {tokens.shown ? (
        <NewToken {...tokens.shown} copied={tokens.copied} onCopy={() => void tokens.copy()} onDone={tokens.dismiss} />
      ) : null}
      <TokenList tokens={tokens.tokens} onRotate={(id) => void tokens.rotate(id)} onRevoke={(id) => void tokens.revoke(id)} />
      <NewTokenForm onCreate={tokens.create} />
    </section>
  );
}

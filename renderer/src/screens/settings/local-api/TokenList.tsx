import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalApiToken } from '../../../../../shared/contract';

/** The tokens made here: rights, dates and last use; the live ones can be replaced or revoked. */
export function TokenList({
  tokens,
  onRotate,
  onRevoke,
}: {
  tokens: LocalApiToken[] | undefined;
  onRotate(id: string): void;
  onRevoke(id: string): void;
}) {
  const { t, i18n } = useTranslation();
  // Whether a token has expired is judged against when the section was opened.
  const [openedAt] = useState(() => Date.now());
  const when = (at: string) => new Date(at).toLocaleString(i18n.language);
  const state = (token: LocalApiToken) =>
    token.revokedAt
      ? t('localApi.tokens.revoked', { at: when(token.revokedAt) })
      : Date.parse(token.expiresAt) <= openedAt
        ? t('localApi.tokens.expired')
        : t('localApi.tokens.expires', { at: when(token.expiresAt) });

  if (!tokens?.length) return <p className="hint">{t('localApi.tokens.none')}</p>;
  return (
    <ul className="list" data-testid="local-api-tokens">
      {tokens.map((token) => (
        <li key={token.id}>
          <strong>{token.name}</strong> · {t(`localApi.tokens.scopes.${token.scope}`)} ·{' '}
          {t('localApi.tokens.created', { at: when(token.createdAt) })} · {state(token)} ·{' '}
          {token.lastUsedAt ? t('localApi.tokens.lastUsed', { at: when(token.lastUsedAt) }) : t('localApi.tokens.neverUsed')}
          {token.revokedAt ? null : (
            <span className="row">
              <button type="button" className="button" onClick={() => onRotate(token.id)}>
                {t('localApi.tokens.rotate')}
              </button>
              <button type="button" className="button" onClick={() => onRevoke(token.id)}>
                {t('localApi.tokens.revoke')}
              </button>
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelInput, LocalApiScope } from '../../../../../shared/contract';

/** "Make a token": its name, rights and lifetime. The name empties once the token is made. */
export function NewTokenForm({ onCreate }: { onCreate: (input: ChannelInput<'localApi.createToken'>) => Promise<boolean> }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [scope, setScope] = useState<LocalApiScope>('read');
  const [days, setDays] = useState('30');
  const create = async (event: FormEvent) => {
    event.preventDefault();
    if (await onCreate({ name, scope, expiresInDays: Number(days) })) setName('');
  };
  return (
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
  );
}

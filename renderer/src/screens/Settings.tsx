import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { languageSchema, type Language } from '../../../shared/contract';
import { useApp } from '../store/app';

export function Settings() {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const setLanguage = useApp((s) => s.setLanguage);
  const info = useApp((s) => s.info);
  const client = useApp((s) => s.client);
  const report = useApp((s) => s.report);
  const [pong, setPong] = useState<string>();

  const ping = async () => {
    if (!client) return;
    const result = await client.invoke('app.ping', { message: 'hello' });
    if (report(result)) setPong(result.value.reply);
  };

  return (
    <>
      <h1>{t('settings.title')}</h1>
      <section className="card">
        <h2>{t('settings.language')}</h2>
        <div className="segmented" role="radiogroup" aria-label={t('settings.language')}>
          {languageSchema.options.map((option: Language) => (
            <label key={option} className={option === language ? 'segmented__item segmented__item--on' : 'segmented__item'}>
              <input
                type="radio"
                name="language"
                value={option}
                checked={option === language}
                onChange={() => void setLanguage(option)}
              />
              {t(`languages.${option}`)}
            </label>
          ))}
        </div>
        <p className="hint">{t('settings.languageHint')}</p>
      </section>
      <section className="card">
        <h2>{t('settings.about')}</h2>
        {info ? (
          <p>
            {info.name} · {t('settings.version', { version: info.version })} · {t(`settings.shell.${info.shell}`)} · {info.platform}
          </p>
        ) : null}
        <h2>{t('settings.connection')}</h2>
        <button type="button" className="button" onClick={() => void ping()}>
          {t('settings.ping')}
        </button>
        {pong ? <p className="hint" data-testid="pong">{t('settings.pingOk', { reply: pong })}</p> : null}
      </section>
    </>
  );
}

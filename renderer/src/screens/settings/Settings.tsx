import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { languageSchema, uiPreferencesSchema } from '../../../../shared/contract';
import { useApp } from '../../store/app';
import { AiCard } from './AiCard';
import { AuditLogCard } from './AuditLogCard';
import { CapabilitiesCard } from './CapabilitiesCard';
import { Choice } from './Choice';
import { HhAccountCard } from './HhAccountCard';
import { LetterLab } from './LetterLab';
import { ProfileCard } from './ProfileCard';
import { VaultCard } from './VaultCard';

export function Settings() {
  const { t } = useTranslation();
  const { language, setLanguage, theme, setTheme, info, client, report } = useApp();
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
        <Choice
          label={t('settings.language')}
          name="language"
          value={language}
          options={languageSchema.options}
          optionLabel={(option) => t(`languages.${option}`)}
          onChange={(option) => void setLanguage(option)}
        />
        <p className="hint">{t('settings.languageHint')}</p>
        <h2>{t('settings.theme')}</h2>
        <Choice
          label={t('settings.theme')}
          name="theme"
          value={theme}
          options={uiPreferencesSchema.shape.theme.options}
          optionLabel={(option) => t(`settings.themes.${option}`)}
          onChange={(option) => void setTheme(option)}
        />
      </section>
      <HhAccountCard />
      <CapabilitiesCard />
      <ProfileCard />
      <AiCard />
      <LetterLab />
      <VaultCard />
      <AuditLogCard />
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

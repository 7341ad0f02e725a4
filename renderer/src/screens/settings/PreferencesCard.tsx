import { useTranslation } from 'react-i18next';
import { languageSchema, uiPreferencesSchema } from '../../../../shared/contract';
import { useApp } from '../../store/useApp';
import { Choice } from './Choice';

/** Settings → the interface language and the theme. */
export function PreferencesCard() {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const setLanguage = useApp((s) => s.setLanguage);
  const theme = useApp((s) => s.theme);
  const setTheme = useApp((s) => s.setTheme);
  return (
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
  );
}

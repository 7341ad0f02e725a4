import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { settingsSections, type SettingsSection } from '../../store/app';
import { useApp } from '../../store/useApp';
import { AboutCard } from './AboutCard';
import { AiCard } from './AiCard';
import { AuditLogCard } from './AuditLogCard';
import { AutomationCard } from './AutomationCard';
import { CapabilitiesCard } from './CapabilitiesCard';
import { PagesCard } from './PagesCard';
import { HhAccountCard } from './HhAccountCard';
import { LocalApiCard } from './LocalApiCard';
import { PreferencesCard } from './PreferencesCard';
import { ProfileCard } from './ProfileCard';
import { ResumeCard } from './ResumeCard';
import { StartupCard } from './StartupCard';
import { UpdatesCard } from './UpdatesCard';
import { RetentionCard } from './RetentionCard';
import { VaultCard } from './VaultCard';

/** What each section holds; one page each, instead of one page of every card. */
const SECTIONS: Record<SettingsSection, () => ReactNode> = {
  account: () => (
    <>
      <HhAccountCard />
      <CapabilitiesCard />
      <PagesCard />
    </>
  ),
  profile: () => (
    <>
      <ResumeCard />
      <ProfileCard />
    </>
  ),
  ai: () => <AiCard />,
  automation: () => (
    <>
      <AutomationCard />
      <StartupCard />
    </>
  ),
  data: () => (
    <>
      <VaultCard />
      <RetentionCard />
      <AuditLogCard />
    </>
  ),
  localApi: () => <LocalApiCard />,
  interface: () => <PreferencesCard />,
  about: () => (
    <>
      <AboutCard />
      <UpdatesCard />
    </>
  ),
};

export function Settings() {
  const { t } = useTranslation();
  const section = useApp((s) => s.settingsSection);
  const openSettings = useApp((s) => s.openSettings);
  return (
    <>
      <h1>{t('settings.title')}</h1>
      <div className="settings">
        <nav className="settings__nav" aria-label={t('settings.sectionsLabel')}>
          <div role="tablist" aria-orientation="vertical" className="settings__tabs">
            {settingsSections.map((name) => (
              <button
                key={name}
                type="button"
                role="tab"
                id={`settings-tab-${name}`}
                aria-selected={name === section}
                aria-controls="settings-panel"
                className={name === section ? 'settings__tab settings__tab--on' : 'settings__tab'}
                onClick={() => openSettings(name)}
              >
                {t(`settings.sections.${name}`)}
              </button>
            ))}
          </div>
        </nav>
        <div className="settings__panel" id="settings-panel" role="tabpanel" aria-labelledby={`settings-tab-${section}`}>
          {SECTIONS[section]()}
        </div>
      </div>
    </>
  );
}

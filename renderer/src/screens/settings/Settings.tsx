import { useTranslation } from 'react-i18next';
import { AboutCard } from './AboutCard';
import { AiCard } from './AiCard';
import { AuditLogCard } from './AuditLogCard';
import { AutomationCard } from './AutomationCard';
import { CapabilitiesCard } from './CapabilitiesCard';
import { HhAccountCard } from './HhAccountCard';
import { LetterLab } from './LetterLab';
import { PreferencesCard } from './PreferencesCard';
import { ProfileCard } from './ProfileCard';
import { StartupCard } from './StartupCard';
import { VaultCard } from './VaultCard';

export function Settings() {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('settings.title')}</h1>
      <PreferencesCard />
      <StartupCard />
      <HhAccountCard />
      <AutomationCard />
      <CapabilitiesCard />
      <ProfileCard />
      <AiCard />
      <LetterLab />
      <VaultCard />
      <AuditLogCard />
      <AboutCard />
    </>
  );
}

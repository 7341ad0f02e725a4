import { useTranslation } from 'react-i18next';
import { useClient } from '../../hooks/useClient';
import { useContract } from '../../hooks/useContract';
import { useApp } from '../../store/useApp';

/** Settings → starting with the system (desktop app only): at login, and whether in the tray. */
export function StartupCard() {
  const { t } = useTranslation();
  const client = useClient();
  const report = useApp((s) => s.report);
  const { data: startup, setData: setStartup } = useContract('app.startup.get', {});

  if (!startup?.supported) return null;
  const change = async (next: { openAtLogin: boolean; startHidden: boolean }) => {
    const result = await client.invoke('app.startup.set', next);
    if (report(result)) setStartup(result.value);
  };
  return (
    <section className="card" aria-labelledby="startup-title" data-testid="startup">
      <h2 id="startup-title">{t('settings.startup.title')}</h2>
      <label className="check">
        <input
          type="checkbox"
          checked={startup.openAtLogin}
          onChange={(event) => void change({ openAtLogin: event.target.checked, startHidden: startup.startHidden })}
          data-testid="startup-at-login"
        />
        {t('settings.startup.openAtLogin')}
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={startup.startHidden}
          disabled={!startup.openAtLogin}
          onChange={(event) => void change({ openAtLogin: startup.openAtLogin, startHidden: event.target.checked })}
          data-testid="startup-hidden"
        />
        {t('settings.startup.startHidden')}
      </label>
      <p className="hint">{t('settings.startup.hint')}</p>
    </section>
  );
}

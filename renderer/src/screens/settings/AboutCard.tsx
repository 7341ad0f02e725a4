import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../../hooks/useClient';
import { useApp } from '../../store/useApp';
import { SupportSection } from './SupportSection';

/** Settings → what is running, the log and a report for support, and a check that the core answers. */
export function AboutCard() {
  const { t } = useTranslation();
  const client = useClient();
  const info = useApp((s) => s.info);
  const report = useApp((s) => s.report);
  const [pong, setPong] = useState<string>();

  const ping = async () => {
    const result = await client.invoke('app.ping', { message: 'hello' });
    if (report(result)) setPong(result.value.reply);
  };

  return (
    <section className="card" aria-labelledby="about-title">
      <h2 id="about-title">{t('settings.about')}</h2>
      {info ? (
        <p>
          {info.name} · {t('settings.version', { version: info.version })} · {t(`settings.shell.${info.shell}`)} · {info.platform}
        </p>
      ) : null}
      <SupportSection />
      {/* For developers and support: folded away from users. */}
      <details className="details">
        <summary>{t('settings.developer')}</summary>
        <h3>{t('settings.connection')}</h3>
        <button type="button" className="button" onClick={() => void ping()}>
          {t('settings.ping')}
        </button>
        {pong ? (
          <p className="hint" data-testid="pong">
            {t('settings.pingOk', { reply: pong })}
          </p>
        ) : null}
      </details>
    </section>
  );
}

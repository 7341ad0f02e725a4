import { Loading } from '../../components/Loading';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../../hooks/useClient';
import { useContract } from '../../hooks/useContract';
import { useContractEvent } from '../../hooks/useContractEvent';
import { useApp } from '../../store/useApp';
import { HhAppForm } from './HhAppForm';

/** Sign in to hh.ru, see the account and resumes, switch or sign out; the optional own API application. */
export function HhAccountCard() {
  const { t } = useTranslation();
  const client = useClient();
  const report = useApp((s) => s.report);
  const { data: status, setData: setStatus, failed, reload } = useContract('hh.status', {});
  const [busy, setBusy] = useState(false);
  const [waitingForBrowser, setWaitingForBrowser] = useState(false);

  // Sign-in finishing elsewhere (the browser tab in headless mode, hh.ru ending a session) lands here.
  useContractEvent('hh.accountChanged', (next) => {
    setStatus(next);
    if (next.signedIn) setWaitingForBrowser(false);
  });

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
    } finally {
      setBusy(false);
    }
  };

  const signIn = (mode: 'default' | 'switch' | 'continue') =>
    run(async () => {
      const result = await client.invoke('hh.signIn', { mode });
      if (!report(result)) return;
      setStatus(result.value.status);
      if (result.value.authorizeUrl) {
        // Browser mode: hh.ru opens in a new tab and comes back to the server's callback.
        window.open(result.value.authorizeUrl, '_blank', 'noopener');
        setWaitingForBrowser(true);
      }
    });

  const signInWebsite = () =>
    run(async () => {
      const result = await client.invoke('hh.signInWebsite', {});
      if (report(result)) setStatus(result.value.status);
    });

  const signOut = () =>
    run(async () => {
      const result = await client.invoke('hh.signOut', {});
      if (report(result)) setStatus(result.value);
    });

  // A blank section reads as "nothing here"; the Setup assistant's first step shows this card too.
  if (!status) return <Loading failed={failed} onRetry={() => void reload()} />;
  const name = [status.account?.firstName, status.account?.lastName].filter(Boolean).join(' ');
  return (
    <section className="card" aria-labelledby="hh-title" data-testid="hh-account">
      <h2 id="hh-title">{t('settings.hh.title')}</h2>
      {status.signedIn ? (
        <>
          <p data-testid="hh-signed-in">
            {name ? t('settings.hh.signedInAs', { name }) : t('settings.hh.signedIn')}
            {status.account?.email ? ` · ${status.account.email}` : ''}
            {' · '}
            {t(`settings.hh.via.${status.via ?? 'api'}`)}
          </p>
          {status.resumes.length ? (
            <>
              <h3>{t('settings.hh.resumes')}</h3>
              <ul className="list" data-testid="hh-resumes">
                {status.resumes.map((resume) => (
                  <li key={resume.id}>{resume.title || resume.id}</li>
                ))}
              </ul>
            </>
          ) : (
            <p className="hint">{t('settings.hh.noResumes')}</p>
          )}
          <div className="row">
            {status.app.configured ? (
              <>
                <button type="button" className="button" disabled={busy} onClick={() => void signIn('switch')}>
                  {t('settings.hh.switch')}
                </button>
              </>
            ) : null}
            <button type="button" className="button" disabled={busy} onClick={() => void signOut()}>
              {t('settings.hh.signOut')}
            </button>
          </div>
        </>
      ) : (
        <>
          <p>{t('settings.hh.signedOut')}</p>
          <div className="row">
            {status.app.configured ? (
              <>
                <button type="button" className="button button--primary" disabled={busy} onClick={() => void signIn('default')}>
                  {t('settings.hh.signIn')}
                </button>
                <button type="button" className="button" disabled={busy} onClick={() => void signIn('continue')}>
                  {t('settings.hh.continue')}
                </button>
                <button type="button" className="button" disabled={busy} onClick={() => void signIn('switch')}>
                  {t('settings.hh.switch')}
                </button>
              </>
            ) : (
              <button type="button" className="button button--primary" disabled={busy} onClick={() => void signInWebsite()}>
                {t('settings.hh.signIn')}
              </button>
            )}
          </div>
          {waitingForBrowser ? (
            <p className="hint" data-testid="hh-waiting">
              {t('settings.hh.waitingForBrowser')}
            </p>
          ) : null}
          {!status.app.configured ? <p className="hint">{t('settings.hh.websiteHint')}</p> : null}
        </>
      )}
      <HhAppForm status={status} onSaved={setStatus} />
    </section>
  );
}

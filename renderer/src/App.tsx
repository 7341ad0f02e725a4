import { useEffect, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AutomationToggle } from './components/AutomationToggle';
import { ErrorBanner } from './components/ErrorBanner';
import { Icon } from './components/Icon';
import { NoticeBar } from './components/NoticeBar';
import { RunProgress } from './components/RunProgress';
import { Toasts } from './components/Toasts';
import { UnreadBadge } from './components/UnreadBadge';
import { Chats } from './screens/chats/Chats';
import { Dashboard } from './screens/dashboard/Dashboard';
import { Letters } from './screens/letters/Letters';
import { ResumeBuilder } from './screens/builder/ResumeBuilder';
import { Searches } from './screens/searches/Searches';
import { Settings } from './screens/settings/Settings';
import { SetupWizard } from './screens/setup/SetupWizard';
import { Templates } from './screens/templates/Templates';
import { Vacancies } from './screens/vacancies/Vacancies';
import { screens, type Screen } from './store/app';
import { useApp } from './store/useApp';

function CurrentScreen({ screen }: { screen: Screen }) {
  switch (screen) {
    case 'dashboard':
      return <Dashboard />;
    case 'settings':
      return <Settings />;
    case 'searches':
      return <Searches />;
    case 'vacancies':
      return <Vacancies />;
    case 'letters':
      return <Letters />;
    case 'chats':
      return <Chats />;
    case 'templates':
      return <Templates />;
    case 'builder':
      return <ResumeBuilder />;
  }
}

export function App() {
  const { t } = useTranslation();
  const screen = useApp((s) => s.screen);
  const go = useApp((s) => s.go);
  const busy = useApp((s) => s.busy);
  const setupOpen = useApp((s) => s.setupOpen);
  // Up and down arrows move between the sidebar's items (Home and End to the first and last).
  const moveInSidebar = (event: ReactKeyboardEvent<HTMLUListElement>) => {
    const items = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button.nav__item')];
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: items.length - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    items[(to + items.length) % items.length]?.focus();
  };
  // Ctrl/Cmd+K: straight to the vacancy search, from anywhere.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== 'k' || !(event.ctrlKey || event.metaKey)) return;
      event.preventDefault();
      go('vacancies');
      const focus = (tries: number) => {
        const box = document.getElementById('vacancy-search');
        if (box) box.focus();
        else if (tries > 0) requestAnimationFrame(() => focus(tries - 1));
      };
      requestAnimationFrame(() => focus(30));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go]);

  return (
    <div className="shell">
      <nav className="sidebar" aria-label={t('app.title')}>
        <div className="brand">
          <span className="brand__mark" aria-hidden="true">
            AA
          </span>
          <span className="brand__text">
            <strong>{t('app.title')}</strong>
            <small>{t('app.tagline')}</small>
          </span>
        </div>
        <ul onKeyDown={moveInSidebar}>
          {screens.map((name) => (
            <li key={name}>
              <button
                type="button"
                className={name === screen ? 'nav__item nav__item--on' : 'nav__item'}
                title={t(`nav.${name}`)}
                aria-current={name === screen ? 'page' : undefined}
                onClick={() => go(name)}
              >
                <Icon name={name} />
                <span className="nav__label">{t(`nav.${name}`)}</span>
                {name === 'chats' ? <UnreadBadge /> : null}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <div className="content">
        <header className="topbar">
          <RunProgress />
          <AutomationToggle />
        </header>
        <NoticeBar />
        <ErrorBanner />
        <Toasts />
        <main className="page">
          {busy ? <p className="hint">{t('loading')}</p> : setupOpen ? <SetupWizard /> : <CurrentScreen screen={screen} />}
        </main>
      </div>
    </div>
  );
}

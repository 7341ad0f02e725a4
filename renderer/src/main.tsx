import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connect } from './api/client';
import { App } from './App';
import { setupI18n } from './i18n';
import { useApp } from './store/app';
import './styles.css';

async function boot() {
  const i18n = await setupI18n('ru');
  const root = createRoot(document.getElementById('root')!);
  const client = connect();
  if ('error' in client) {
    root.render(<p className="fatal">{i18n.t('errors.noToken')}</p>);
    return;
  }
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  const reflect = ({ language, theme }: { language: string; theme: string }) => {
    document.documentElement.lang = language;
    document.documentElement.dataset.theme = theme;
  };
  useApp.subscribe(reflect);
  await useApp.getState().start(client);
  reflect(useApp.getState());
}

void boot();

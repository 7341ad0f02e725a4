import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connect } from './api/client';
import { ContractProvider } from './api/ContractProvider';
import { App } from './App';
import { setupI18n } from './i18n';
import { createAppStore } from './store/app';
import { AppStoreProvider } from './store/AppStoreProvider';
import './styles.css';

async function boot() {
  const i18n = await setupI18n('ru');
  const root = createRoot(document.getElementById('root')!);
  const client = connect();
  if ('error' in client) {
    root.render(<p className="fatal">{i18n.t('errors.noToken')}</p>);
    return;
  }
  const store = createAppStore(client);
  root.render(
    <StrictMode>
      <ContractProvider client={client}>
        <AppStoreProvider store={store}>
          <App />
        </AppStoreProvider>
      </ContractProvider>
    </StrictMode>,
  );
  const reflect = ({ language, theme }: { language: string; theme: string }) => {
    document.documentElement.lang = language;
    document.documentElement.dataset.theme = theme;
  };
  store.subscribe(reflect);
  await store.getState().start();
  reflect(store.getState());
}

void boot();

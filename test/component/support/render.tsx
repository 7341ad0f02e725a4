import { render, type RenderResult } from '@testing-library/react';
import { StrictMode, type ReactElement } from 'react';
import { ContractProvider } from '../../../renderer/src/api/ContractProvider';
import { ErrorBanner } from '../../../renderer/src/components/ErrorBanner';
import { createAppStore, type AppState, type AppStore } from '../../../renderer/src/store/app';
import { AppStoreProvider } from '../../../renderer/src/store/AppStoreProvider';
import type { FakeClient } from './fake-client';

export interface Rendered extends RenderResult {
  fake: FakeClient;
  store: AppStore;
}

/**
 * One screen as the app shows it: the real providers and store over a fake client, with the app's
 * error banner beside it, because that banner is where a screen's failed loads are reported.
 * StrictMode as in main.tsx, so effects that run twice in the app run twice here.
 */
export function renderScreen(screen: ReactElement, fake: FakeClient, state: Partial<AppState> = {}): Rendered {
  const store = createAppStore(fake.client);
  // What `start` leaves behind, without asking the four channels it asks.
  store.setState({ busy: false, ...state });
  const result = render(
    <StrictMode>
      <ContractProvider client={fake.client}>
        <AppStoreProvider store={store}>
          <ErrorBanner />
          {screen}
        </AppStoreProvider>
      </ContractProvider>
    </StrictMode>,
  );
  return { ...result, fake, store };
}

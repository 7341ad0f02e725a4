import { createContext, type ReactNode } from 'react';
import type { AppStore } from './app';

export const AppStoreContext = createContext<AppStore | undefined>(undefined);

export function AppStoreProvider({ store, children }: { store: AppStore; children: ReactNode }) {
  return <AppStoreContext value={store}>{children}</AppStoreContext>;
}

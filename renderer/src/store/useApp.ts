import { use } from 'react';
import { useStore } from 'zustand';
import type { AppState } from './app';
import { AppStoreContext } from './AppStoreProvider';

/** One slice of the app-wide state; the component re-renders when that slice changes. */
export function useApp<T>(selector: (state: AppState) => T): T {
  const store = use(AppStoreContext);
  if (!store) throw new Error('useApp needs <AppStoreProvider> above it');
  return useStore(store, selector);
}

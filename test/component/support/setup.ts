import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { setupI18n } from '../../../renderer/src/i18n';

// Russian, as the app starts for a new user.
await setupI18n('ru');

// Without vitest globals Testing Library cannot register its own cleanup.
afterEach(cleanup);

// jsdom lays nothing out, so nothing ever resizes; charts and the windowed list only need the constructor.
class NoResize {
  observe() {}
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver ??= NoResize as unknown as typeof ResizeObserver;

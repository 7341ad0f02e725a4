import type { resources } from './resources';

// Every `t(key)` is checked against the Russian texts (English has the same keys by type), defaultValue or not.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: (typeof resources)['ru'];
    strictKeyChecks: true;
  }
}

import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;

export default defineConfig({
  test: {
    reporters: ['default', './test/support/summary-reporter.ts'],
    projects: [
      {
        // Electron adapters run against a fake `electron` module: the real binary cannot be downloaded everywhere.
        resolve: { alias: { electron: resolve(root, 'test/fakes/electron.ts') } },
        test: { name: 'unit', include: ['test/unit/**/*.test.{ts,tsx}'], environment: 'node' },
      },
      {
        // Screens rendered in jsdom against a fake contract client: what a user sees in each state.
        test: {
          name: 'component',
          include: ['test/component/**/*.test.tsx'],
          environment: 'jsdom',
          setupFiles: ['test/component/support/setup.ts'],
        },
      },
      {
        test: { name: 'integration', include: ['test/integration/**/*.test.ts'], environment: 'node', testTimeout: 20_000 },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One browser at a time: CI machines have 2 cores.
          fileParallelism: false,
        },
      },
    ],
  },
});

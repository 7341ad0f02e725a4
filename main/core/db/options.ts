import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { OpenOptions } from './worker/protocol';

/** sql.js's own wasm, wherever npm put it (dev, headless, tests). The packaged app passes its own path. */
export const defaultWasmPath = (): string => createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm');

export const databaseOptions = (dataDir: string, overrides: Partial<OpenOptions> = {}): OpenOptions => ({
  file: join(dataDir, 'app.sqlite'),
  wasmPath: defaultWasmPath(),
  // ~4 MB of changes replays in ~0.3 s at open (a search run of 500 vacancies writes about 5 MB).
  checkpointBytes: 4 * 1024 * 1024,
  checkpointAgeMs: 10 * 60 * 1000,
  backupsToKeep: 3,
  backupEveryMs: 24 * 60 * 60 * 1000,
  onDamagedWithoutBackup: 'fail',
  ...overrides,
});

/** The worker from TypeScript source, for tests and the headless server run through tsx. */
export const sourceWorkerEntry = () => ({
  file: join(import.meta.dirname, 'worker', 'source-entry.mjs'),
  workerData: { sourceFile: join(import.meta.dirname, 'worker', 'db-worker.ts') },
});

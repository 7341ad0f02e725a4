import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkerEntry } from '../../main/core/db/client';

const root = join(import.meta.dirname, '..', '..');
const built = join(root, 'dist', 'main', 'db-worker.cjs');

/**
 * The database worker as the packaged app runs it (one bundled .cjs, no TypeScript loader), built
 * here when missing or older than its sources' newest change: cold opens are measured with it.
 */
export function builtWorkerEntry(): WorkerEntry {
  const source = join(root, 'main', 'core', 'db', 'worker', 'engine.ts');
  if (!existsSync(built) || statSync(built).mtimeMs < statSync(source).mtimeMs) {
    const result = spawnSync('npx', ['vite', 'build', '--mode', 'worker', '--logLevel', 'error'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
    });
    if (result.status !== 0) throw new Error('building the database worker failed');
  }
  return { file: built };
}

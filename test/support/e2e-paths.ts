import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** Where the browser e2e tests find the built renderer and put their screenshots. */
export const root = join(import.meta.dirname, '..', '..');
export const uiDir = join(root, 'dist', 'renderer');
export const shots = join(root, 'test-results');

/** npm run test:e2e builds the renderer first; a bare vitest run must say so instead of failing obscurely. */
export function requireBuiltRenderer(): void {
  if (!existsSync(join(uiDir, 'index.html')))
    throw new Error('Build the renderer first: npm run test:e2e does it (vite build --mode renderer).');
  mkdirSync(shots, { recursive: true });
}

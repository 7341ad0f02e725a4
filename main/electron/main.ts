import { join } from 'node:path';
import { app } from 'electron';
import { runDesktopApp } from './app';

// Bundled to dist/main/main.cjs; resources sit beside dist in dev and in process.resourcesPath when packaged.
const distDir = join(__dirname, '..');
const resourcesDir = app.isPackaged ? join(process.resourcesPath, 'resources') : join(distDir, '..', 'resources');

runDesktopApp({
  distDir,
  resourcesDir,
  argv: process.argv,
  devServerUrl: app.isPackaged ? undefined : process.env.VITE_DEV_SERVER_URL,
}).catch((err: unknown) => {
  console.error('AI Auto Applier failed to start', err);
  app.exit(1);
});

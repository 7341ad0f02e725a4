import { join } from 'node:path';
import { app } from 'electron';
import { resourcesDirFor } from '../core/app/desktop-layout';
import { runDesktopApp } from './app';

// Bundled to dist/main/main.cjs; resources sit beside dist in dev and in process.resourcesPath when packaged.
const distDir = join(__dirname, '..');

// Lets tests and a second profile keep their data apart from the user's own.
if (process.env.AAA_USER_DATA) app.setPath('userData', process.env.AAA_USER_DATA);
const resourcesDir = resourcesDirFor({ packaged: app.isPackaged, resourcesPath: process.resourcesPath, distDir });

runDesktopApp({
  distDir,
  resourcesDir,
  argv: process.argv,
  devServerUrl: app.isPackaged ? undefined : process.env.VITE_DEV_SERVER_URL,
}).catch((err: unknown) => {
  console.error('AI Auto Applier failed to start', err);
  app.exit(1);
});

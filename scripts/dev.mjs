// npm run dev: the renderer from Vite's dev server (hot reload), main and preload built once,
// Electron pointed at the dev server. Restart it after changing main/ or preload/.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import process from 'node:process';
import { build, createServer } from 'vite';

const require = createRequire(import.meta.url);

const ensure = spawnSync(process.execPath, ['scripts/ensure-electron.mjs'], { stdio: 'inherit' });
if (ensure.status !== 0) process.exit(ensure.status ?? 1);

await build({ mode: 'main', logLevel: 'warn' });
await build({ mode: 'worker', logLevel: 'warn' });
await build({ mode: 'preload', logLevel: 'warn' });
const server = await createServer({ mode: 'renderer' });
await server.listen();
const url = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:5173/';

const electron = spawn(require('electron'), ['.'], { stdio: 'inherit', env: { ...process.env, VITE_DEV_SERVER_URL: url } });
electron.on('exit', async (code) => {
  await server.close();
  process.exit(code ?? 0);
});

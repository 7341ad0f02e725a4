// Installs skip Electron's binary download (package.json denies its postinstall), so an install
// never needs more than the npm registry. The first `npm start` fetches the binary instead.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import process from 'node:process';
import console from 'node:console';

const require = createRequire(import.meta.url);
const electronDir = dirname(require.resolve('electron/package.json'));
const pathFile = join(electronDir, 'path.txt');
const installed = existsSync(pathFile) && existsSync(join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim()));

if (!installed) {
  console.log('Downloading the Electron runtime (first start only)...');
  const env = { ...process.env };
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'inherit', env });
  if (result.status !== 0) {
    console.error(
      'Could not download Electron. Check your internet connection (or set ELECTRON_MIRROR), then run npm start again.\n' +
        'Without Electron you can still run the whole UI in a browser: npm run preview',
    );
    process.exit(result.status ?? 1);
  }
}

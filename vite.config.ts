import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import getSwaggerUiDir from 'swagger-ui-dist/absolute-path.js';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { SWAGGER_UI_FILES } from './main/core/local-api/docs';
import { META_CONTENT_SECURITY_POLICY } from './main/core/ui/static-files';

/**
 * One config, three builds chosen by --mode:
 *   renderer: the React app (served over app:// in Electron, or by the headless server);
 *   main:     the Electron main process, one CommonJS file with its dependencies bundled;
 *   preload:  one CommonJS file (a sandboxed preload cannot require anything but 'electron');
 *   worker:   the database worker thread, one CommonJS file beside main.cjs, plus sql.js's wasm.
 */

const root = import.meta.dirname;

// Vite's dev server needs an inline refresh preamble and a websocket; the built app gets the strict policy.
const devPolicy = META_CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
  .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
  .replace("connect-src 'self'", "connect-src 'self' ws://localhost:* ws://127.0.0.1:*");

const csp = (command: 'build' | 'serve'): Plugin => ({
  name: 'app-csp',
  transformIndexHtml: (html) => html.replace('%APP_CSP%', command === 'build' ? META_CONTENT_SECURITY_POLICY : devPolicy),
});

/** The wasm sql.js loads at run time; electron-builder unpacks it from the asar archive. */
const copySqlWasm = (): Plugin => ({
  name: 'copy-sql-wasm',
  generateBundle() {
    const wasm = createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm');
    this.emitFile({ type: 'asset', fileName: 'sql-wasm.wasm', source: readFileSync(wasm) });
  },
});

/** Swagger UI's two files for the Local API's /docs page: the packaged app has no node_modules. */
const copySwaggerUi = (): Plugin => ({
  name: 'copy-swagger-ui',
  generateBundle() {
    const dir = getSwaggerUiDir();
    for (const file of SWAGGER_UI_FILES) this.emitFile({ type: 'asset', fileName: `docs/${file}`, source: readFileSync(join(dir, file)) });
  },
});

const nodeBundle = (entry: string, outDir: string, fileName: string, emptyOutDir = true, plugins: Plugin[] = []): UserConfig => ({
  plugins,
  build: {
    ssr: resolve(root, entry),
    outDir: resolve(root, outDir),
    emptyOutDir,
    target: 'node20',
    sourcemap: true,
    minify: false,
    rollupOptions: { output: { format: 'cjs', entryFileNames: fileName } },
  },
  ssr: { noExternal: true, external: ['electron'] },
});

export default defineConfig(({ mode, command }) => {
  if (mode === 'main') return nodeBundle('main/electron/main.ts', 'dist/main', 'main.cjs', true, [copySwaggerUi()]);
  if (mode === 'preload') return nodeBundle('preload/index.ts', 'dist/preload', 'preload.cjs');
  // Built after main (which empties dist/main), into the same folder.
  if (mode === 'worker') return nodeBundle('main/core/db/worker/db-worker.ts', 'dist/main', 'db-worker.cjs', false, [copySqlWasm()]);
  return {
    root: resolve(root, 'renderer'),
    base: '/',
    plugins: [react(), csp(command)],
    build: { outDir: resolve(root, 'dist/renderer'), emptyOutDir: true, target: 'chrome120', sourcemap: true },
    server: { host: '127.0.0.1', port: 5173, strictPort: true },
  };
});

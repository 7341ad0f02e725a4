import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import type { Configuration, TargetConfiguration } from 'electron-builder';
import { load } from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { APP_ID, desktopLayout, resourcesDirFor, type DesktopLayout } from '../../../main/core/app/desktop-layout';
import { SWAGGER_UI_FILES } from '../../../main/core/local-api/docs';
import { globToRegExp, selected, simulatePackagedTree } from '../../support/builder-tree';

const root = resolve(import.meta.dirname, '../../..');
const config = load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Configuration;
const platforms = ['linux', 'win32', 'darwin'] as const;

/** What `npm run build` writes (vite.config.ts), plus what must stay out of the app. */
const BUILT = [
  'dist/main/main.cjs',
  'dist/main/main.cjs.map',
  'dist/main/db-worker.cjs',
  'dist/main/sql-wasm.wasm',
  'dist/main/docs/swagger-ui-bundle.js',
  'dist/main/docs/swagger-ui.css',
  'dist/preload/preload.cjs',
  'dist/renderer/index.html',
  'dist/renderer/assets/index-abc.js',
];
const NOT_APP = ['main/core/index.ts', 'test/unit/x.test.ts', '.env', 'data/app.sqlite', 'node_modules/electron/package.json'];

const targetsOf = (platform: 'linux' | 'win' | 'mac') =>
  ((config[platform] as { target: TargetConfiguration[] }).target ?? []).map((t) => ({ target: t.target, arch: t.arch }));

describe('electron-builder.yml', () => {
  it("is valid by electron-builder's own schema", async () => {
    // electron-builder's validation, found through electron-builder itself (app-builder-lib is its own package).
    const fromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder'));
    const { validateConfiguration } = fromBuilder('app-builder-lib/out/util/config/config') as {
      validateConfiguration(c: Configuration, log: { isEnabled: boolean }): Promise<void>;
    };
    await expect(validateConfiguration(config, { isEnabled: false })).resolves.toBeUndefined();
  });

  it('builds AppImage and deb, NSIS, dmg (and the zip macOS updates from), each for x64 and arm64', () => {
    const both = ['x64', 'arm64'];
    expect(targetsOf('linux')).toEqual([
      { target: 'AppImage', arch: both },
      { target: 'deb', arch: both },
    ]);
    expect(targetsOf('win')).toEqual([{ target: 'nsis', arch: both }]);
    expect(targetsOf('mac')).toEqual([
      { target: 'dmg', arch: both },
      { target: 'zip', arch: both },
    ]);
  });

  it('publishes to GitHub Releases, where the app looks for updates (latest*.yml and app-update.yml are written from this)', () => {
    expect(config.publish).toEqual([{ provider: 'github', owner: 'aiautoapplier', repo: 'ai-auto-applier', releaseType: 'draft' }]);
  });

  it('its appId is the AppUserModelId the app sets on Windows', () => {
    expect(config.appId).toBe(APP_ID);
  });

  it('flips the fuses that close the app to code injection', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    expect(config.asar).toBe(true);
  });

  it('takes the build into the app, without source maps or anything else of the project', () => {
    const files = config.files as string[];
    for (const file of [...BUILT.filter((f) => !f.endsWith('.map')), 'package.json']) expect(selected(files, file), file).toBe(true);
    for (const file of ['dist/main/main.cjs.map', ...NOT_APP]) expect(selected(files, file), file).toBe(false);
    expect(config.asarUnpack).toEqual(['dist/main/db-worker.cjs', 'dist/main/sql-wasm.wasm']);
  });

  it('has an icon for each OS in the format it takes', () => {
    const icon = (platform: 'linux' | 'win' | 'mac') => readFileSync(join(root, (config[platform] as { icon: string }).icon));
    const png = icon('linux');
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(512);
    const ico = icon('win');
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const sizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico[6 + 16 * i] || 256);
    expect(sizes).toContain(256);
    const icns = icon('mac');
    expect(icns.subarray(0, 4).toString()).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
  });

  it('reads globs the way electron-builder does', () => {
    expect(globToRegExp('dist/**/*').test('dist/main/main.cjs')).toBe(true);
    expect(globToRegExp('dist/**/*').test('dist/x')).toBe(true);
    expect(globToRegExp('dist/**/*').test('distx/y')).toBe(false);
    expect(globToRegExp('**/*.{png,ico}').test('icons/tray.ico')).toBe(true);
    expect(selected(['dist/**/*', '!dist/**/*.map'], 'dist/a.js.map')).toBe(false);
  });
});

/** Every file the desktop app reads (main/core/app/desktop-layout.ts), checked on disk. */
function expectLayoutOnDisk(layout: DesktopLayout, platform: (typeof platforms)[number]) {
  const expected = [
    layout.preload,
    join(layout.renderer, 'index.html'),
    layout.worker,
    layout.wasm,
    layout.windowIcon,
    layout.trayIcons.active,
    layout.trayIcons.paused,
    layout.gigachatCa,
    // Read from inside the archive by the Local API's /docs page (fs reads app.asar in Electron).
    ...SWAGGER_UI_FILES.map((file) => join(layout.docs, file)),
    // Electron picks the @2x tray picture beside a PNG one on its own.
    ...(platform === 'win32'
      ? []
      : [layout.trayIcons.active.replace(/\.png$/, '@2x.png'), layout.trayIcons.paused.replace(/\.png$/, '@2x.png')]),
  ];
  for (const path of expected) expect(existsSync(path), `${platform}: ${path}`).toBe(true);
}

describe('the resources the desktop app loads', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it("are all in the packaged tree; the worker and sql.js's wasm outside the archive, the GigaChat CA the real one", async () => {
    const out = await mkdtemp(join(tmpdir(), 'aaa-packaged-'));
    dirs.push(out);
    const tree = await simulatePackagedTree(config, root, [...BUILT, 'package.json', ...NOT_APP], out);
    const distDir = join(tree.resourcesPath, 'app.asar', 'dist');
    const resourcesDir = resourcesDirFor({ packaged: true, resourcesPath: tree.resourcesPath, distDir });
    expect(resourcesDir).toBe(join(tree.resourcesPath, 'resources'));
    for (const platform of platforms) {
      const layout = desktopLayout({ distDir, resourcesDir, platform });
      expectLayoutOnDisk(layout, platform);
      // Read by a worker thread and by sql.js: a path inside app.asar would not open there.
      for (const path of [layout.worker, layout.wasm]) expect(path.split(sep)).toContain('app.asar.unpacked');
      expect(existsSync(join(distDir, 'main', 'db-worker.cjs'))).toBe(false);
    }
    const ca = await readFile(desktopLayout({ distDir, resourcesDir, platform: 'linux' }).gigachatCa, 'utf8');
    expect(ca).toBe(await readFile(join(root, 'resources', 'certs', 'russian_trusted_root_ca.pem'), 'utf8'));
    expect(tree.inAsar.some((file) => file.startsWith('main/') || file.startsWith('node_modules/') || file === '.env')).toBe(false);
  });

  it('are where a source checkout keeps them (npm start), with the names vite.config.ts builds', async () => {
    const distDir = join(root, 'dist');
    const resourcesDir = resourcesDirFor({ packaged: false, resourcesPath: '/nowhere', distDir });
    expect(resourcesDir).toBe(join(root, 'resources'));
    const viteConfig = await readFile(join(root, 'vite.config.ts'), 'utf8');
    for (const name of ["'main.cjs'", "'db-worker.cjs'", "'preload.cjs'", "'sql-wasm.wasm'", "'dist/renderer'", '`docs/${file}`'])
      expect(viteConfig).toContain(name);
    for (const platform of platforms) {
      const layout = desktopLayout({ distDir, resourcesDir, platform });
      expect(
        [layout.preload, layout.worker, layout.wasm].map((path) =>
          path
            .slice(root.length + 1)
            .split(sep)
            .join('/'),
        ),
      ).toEqual(['dist/preload/preload.cjs', 'dist/main/db-worker.cjs', 'dist/main/sql-wasm.wasm']);
      for (const path of [layout.windowIcon, layout.trayIcons.active, layout.trayIcons.paused, layout.gigachatCa])
        expect(existsSync(path), `${platform}: ${path}`).toBe(true);
    }
  });
});

import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { BrowserWindow, resetFakeElectron, shell } from '../../fakes/electron';
import { resolveAppRequest } from '../../../main/electron/protocol';
import {
  APP_ORIGIN,
  CONTENT_SECURITY_POLICY,
  hardenAnyWebContents,
  isAllowedExternalUrl,
  openExternalSafely,
} from '../../../main/electron/security';
import { createMainWindow } from '../../../main/electron/windows';

const fake = () => BrowserWindow.all.at(-1)!;

const openWindow = (quitting = false) =>
  createMainWindow({
    preload: '/app/dist/preload/preload.cjs',
    url: `${APP_ORIGIN}/index.html`,
    icon: '/app/resources/icons/icon.png',
    trustedOrigins: [APP_ORIGIN],
    startHidden: false,
    isQuitting: () => quitting,
  });

beforeEach(() => resetFakeElectron());

describe('main window hardening', () => {
  it('uses isolated, sandboxed, Node-free web preferences', () => {
    openWindow();
    expect(fake().options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/app/dist/preload/preload.cjs',
    });
    expect(fake().loadedUrl).toBe('app://renderer/index.html');
  });

  it('denies every window.open and sends only allowlisted hh.ru links to the browser', () => {
    openWindow();
    const { webContents } = fake();
    expect(webContents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(webContents.windowOpenHandler?.({ url: 'https://hh.ru/vacancy/1' })).toEqual({ action: 'deny' });
    expect(shell.opened).toEqual(['https://hh.ru/vacancy/1']);
  });

  it('blocks navigation and redirects away from the app, and allows moving within it', () => {
    openWindow();
    const { webContents } = fake();
    expect(webContents.simulate('will-navigate', 'https://hh.ru/')).toBe(true);
    expect(webContents.simulate('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(webContents.simulate('will-redirect', 'https://evil.example/')).toBe(true);
    expect(webContents.simulate('will-navigate', 'app://renderer/index.html')).toBe(false);
    expect(webContents.simulate('will-navigate', 'app://other/index.html')).toBe(true);
    expect(webContents.simulate('will-attach-webview', {}, {})).toBe(true);
  });

  it('denies every permission request and check', () => {
    openWindow();
    const { session } = fake().webContents;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      let granted: boolean | undefined;
      session.permissionRequestHandler?.({}, permission, (answer) => (granted = answer));
      expect(granted, permission).toBe(false);
      expect(session.permissionCheckHandler?.({}, permission)).toBe(false);
    }
    expect(session.devicePermissionHandler?.({})).toBe(false);
  });

  it('hides to the tray on close, and closes for real while quitting', () => {
    openWindow(false);
    expect(fake().simulateClose()).toBe(true);
    expect(fake().isVisible()).toBe(false);
    resetFakeElectron();
    openWindow(true);
    expect(fake().simulateClose()).toBe(false);
  });
});

describe('the rule for every web contents (app web-contents-created)', () => {
  it('no webview, no new window, no navigation outside http(s) and app:, and no downloads in its session', () => {
    const window = new BrowserWindow();
    const contents = window.webContents;
    hardenAnyWebContents(contents as never);
    expect(contents.simulate('will-attach-webview')).toBe(true);
    expect(contents.windowOpenHandler!({ url: 'https://hh.ru/vacancy/1' })).toEqual({ action: 'deny' });
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,x', 'chrome://settings', 'not a url']) {
      expect(contents.simulate('will-navigate', url), url).toBe(true);
      expect(contents.simulate('will-redirect', url), url).toBe(true);
    }
    // A window's own guard narrows the rest (the main window to the app, the hh.ru window to hh.ru).
    for (const url of ['https://hh.ru/', 'app://renderer/index.html', 'http://localhost:5173/'])
      expect(contents.simulate('will-navigate', url), url).toBe(false);
    expect(contents.session.simulate('will-download', {}, {})).toBe(true);
  });
});

describe('openExternal allowlist', () => {
  it.each([
    'https://hh.ru/vacancy/123',
    'https://spb.hh.ru/',
    'https://api.hh.ru/me',
    'https://hh.kz/',
    'https://rabota.by/vacancy/1',
    'https://HH.RU/upper',
    'http://127.0.0.1:47821/docs',
  ])('allows %s', (url) => expect(isAllowedExternalUrl(url)).toBe(true));

  it.each([
    'http://hh.ru/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'https://hh.ru.evil.com/',
    'https://evilhh.ru/',
    'https://user:pass@hh.ru/',
    'https://hh.ru:8443/',
    'https://example.com/?u=https://hh.ru',
    'not a url',
    'smb://hh.ru/share',
    'http://127.0.0.1:47821/api/v1/letters',
    'http://127.0.0.1:47821/docs?url=https://evil.example/openapi.json',
    'http://localhost:47821/docs',
    'http://192.168.1.5:47821/docs',
  ])('refuses %s', (url) => expect(isAllowedExternalUrl(url)).toBe(false));

  it('never hands a refused URL to the shell', async () => {
    expect(await openExternalSafely(shell, 'javascript:alert(1)')).toBe(false);
    expect(await openExternalSafely(shell, 'file:///tmp/x')).toBe(false);
    expect(shell.opened).toEqual([]);
  });
});

describe('app:// protocol', () => {
  it('serves files under the renderer folder with the CSP and refuses everything else', async () => {
    const root = await mkdtemp(join(tmpdir(), 'aaa-renderer-'));
    await mkdir(join(root, 'assets'));
    await writeFile(join(root, 'index.html'), '<html></html>');
    await writeFile(join(root, 'assets', 'app.js'), 'console.log(1)');
    await writeFile(join(tmpdir(), 'aaa-secret.txt'), 'secret');

    const index = await resolveAppRequest(root, 'app://renderer/');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(index.headers.get('content-type')).toContain('text/html');
    expect((await resolveAppRequest(root, 'app://renderer/assets/app.js')).headers.get('content-type')).toContain('javascript');

    expect((await resolveAppRequest(root, 'app://renderer/../aaa-secret.txt')).status).toBe(404);
    expect((await resolveAppRequest(root, 'app://renderer/%2e%2e/aaa-secret.txt')).status).toBe(404);
    expect((await resolveAppRequest(root, 'app://renderer/..%2faaa-secret.txt')).status).toBe(404);
    expect((await resolveAppRequest(root, 'app://elsewhere/index.html')).status).toBe(404);
    expect((await resolveAppRequest(root, 'app://renderer/missing.js')).status).toBe(404);
  });

  it('answers a malformed escape in the path with 400 and the page headers, never a thrown URIError', async () => {
    const root = await mkdtemp(join(tmpdir(), 'aaa-static-'));
    for (const path of ['app://renderer/%E0%A4%A', 'app://renderer/%', 'app://renderer/assets/%zz.js']) {
      const answer = await resolveAppRequest(root, path);
      expect(answer.status).toBe(400);
      expect(answer.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('has a CSP without inline scripts, eval or remote origins', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });
});

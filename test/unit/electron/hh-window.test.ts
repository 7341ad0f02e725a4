import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BrowserWindow, resetFakeElectron, session } from '../../fakes/electron';
import { readAppEnv } from '../../../main/core/secrets';
import { createHhSignInWindow, createHhWebSession, HH_PARTITION } from '../../../main/electron/hh-window';
import { startTestCore, type TestCore } from '../../support/core';

const REDIRECT = 'http://localhost:8080/hh/callback';
const env = readAppEnv({
  HH_CLIENT_ID: 'CLIENTID123',
  HH_CLIENT_SECRET: 'CLIENTSECRET123',
  HH_REDIRECT_URI: REDIRECT,
  HH_API_BASE_URL: 'http://127.0.0.1:9',
  HH_OAUTH_BASE_URL: 'https://hh.ru',
});

let running: TestCore | undefined;
beforeEach(() => resetFakeElectron());
afterEach(async () => {
  await running?.close();
  running = undefined;
});

const hhWindow = () => BrowserWindow.all.at(-1)!;
const hhSession = () => session.fromPartition(HH_PARTITION);

describe('hh.ru sign-in window', () => {
  it('opens hh.ru in its own sandboxed, persistent session with no preload', async () => {
    const window = createHhSignInWindow({ siteUrl: 'https://hh.ru' });
    void window.oauth({ authorizeUrl: 'https://hh.ru/oauth/authorize?x=1', redirectUri: REDIRECT });
    expect(hhWindow().options.webPreferences).toMatchObject({
      partition: HH_PARTITION,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    });
    expect(hhWindow().options.webPreferences?.preload).toBeUndefined();
    expect(hhWindow().loadedUrl).toBe('https://hh.ru/oauth/authorize?x=1');
    let granted: boolean | undefined;
    hhSession().permissionRequestHandler?.({}, 'notifications', (answer) => (granted = answer));
    expect(granted).toBe(false);
    expect(hhWindow().webContents.windowOpenHandler?.({ url: 'https://hh.ru/popup' })).toEqual({ action: 'deny' });
  });

  it('catches the redirect to the registered URI before it loads, and closes', async () => {
    const window = createHhSignInWindow({ siteUrl: 'https://hh.ru' });
    const outcome = window.oauth({ authorizeUrl: 'https://hh.ru/oauth/authorize', redirectUri: REDIRECT });
    expect(hhSession().beforeRequest?.filter.urls).toEqual(['http://localhost:8080/*']);
    expect(hhSession().simulateRequest('http://localhost:8080/other')).toBe(false);
    expect(hhSession().simulateRequest(`${REDIRECT}?code=abc&state=s1`)).toBe(true);
    await expect(outcome).resolves.toEqual({ kind: 'redirect', url: `${REDIRECT}?code=abc&state=s1` });
    expect(hhWindow().destroyed).toBe(true);
    expect(hhSession().beforeRequest).toBeUndefined();
  });

  it('catches a custom-scheme redirect URI through will-redirect', async () => {
    const window = createHhSignInWindow({ siteUrl: 'https://hh.ru' });
    const outcome = window.oauth({ authorizeUrl: 'https://hh.ru/oauth/authorize', redirectUri: 'aiautoapplier://hh/callback' });
    expect(hhWindow().webContents.simulate('will-redirect', 'aiautoapplier://hh/callback?code=z&state=s')).toBe(true);
    await expect(outcome).resolves.toEqual({ kind: 'redirect', url: 'aiautoapplier://hh/callback?code=z&state=s' });
  });

  it('keeps the window on hh.ru: other sites are blocked', () => {
    const window = createHhSignInWindow({ siteUrl: 'https://hh.ru' });
    void window.oauth({ authorizeUrl: 'https://hh.ru/oauth/authorize', redirectUri: REDIRECT });
    expect(hhWindow().webContents.simulate('will-navigate', 'https://evil.example/login')).toBe(true);
    expect(hhWindow().webContents.simulate('will-navigate', 'http://hh.ru/insecure')).toBe(true);
    expect(hhWindow().webContents.simulate('will-navigate', 'https://spb.hh.ru/account/login')).toBe(false);
    expect(hhWindow().webContents.simulate('will-navigate', 'https://hh.ru/account/login')).toBe(false);
  });

  it('reports a closed window as cancelled', async () => {
    const window = createHhSignInWindow({ siteUrl: 'https://hh.ru' });
    const outcome = window.oauth({ authorizeUrl: 'https://hh.ru/oauth/authorize', redirectUri: REDIRECT });
    hhWindow().close();
    await expect(outcome).resolves.toEqual({ kind: 'closed' });
  });

  it('website sign-in resolves once the applicant pages show and the core confirms the session', async () => {
    const window = createHhSignInWindow({ siteUrl: 'https://hh.ru' });
    const answers = [false, true];
    const isSignedIn = vi.fn(async () => answers.shift() ?? true);
    const outcome = window.website({ isSignedIn });
    expect(hhWindow().loadedUrl).toBe('https://hh.ru/account/login?backurl=%2Fapplicant%2Fresumes');
    hhWindow().webContents.emit('did-navigate', {}, 'https://hh.ru/account/login');
    expect(isSignedIn).not.toHaveBeenCalled(); // not an applicant page: nothing to ask
    hhWindow().webContents.emit('did-navigate', {}, 'https://hh.ru/applicant/resumes');
    await vi.waitFor(() => expect(isSignedIn).toHaveBeenCalledTimes(1));
    expect(hhWindow().destroyed).toBe(false); // the core said "not signed in" yet
    hhWindow().webContents.emit('did-navigate', {}, 'https://hh.ru/applicant/resumes');
    await expect(outcome).resolves.toEqual({ kind: 'signed_in' });
    expect(isSignedIn).toHaveBeenCalledTimes(2);
  });

  it('web session requests go through the hh.ru partition, with bodies encoded and cookies kept inside', async () => {
    const web = createHhWebSession('https://hh.ru');
    hhSession().fetchStatus.set('/applicant/vacancy_response/popup', 200);
    const answer = await web.request('POST', 'https://hh.ru/applicant/vacancy_response/popup', {
      form: { vacancy_id: '1', letter: 'Здравствуйте' },
      headers: { 'X-Xsrftoken': 'x' },
    });
    const sent = hhSession().fetchedWith.at(-1)!;
    expect(sent.init).toMatchObject({
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Xsrftoken': 'x' },
    });
    expect(String(sent.init?.body)).toBe('vacancy_id=1&letter=%D0%97%D0%B4%D1%80%D0%B0%D0%B2%D1%81%D1%82%D0%B2%D1%83%D0%B9%D1%82%D0%B5');
    expect(answer.status).toBe(200);
    expect(answer.headers['set-cookie']).toBeUndefined();
    const redirected = await web.request('GET', 'https://hh.ru/applicant/negotiations');
    expect(redirected).toMatchObject({ status: 302, headers: { location: '/account/login' } });
    hhSession().cookieValues.set('_xsrf', 'token-1');
    expect(await web.cookie('_xsrf')).toBe('token-1');
  });

  it('web session: sign-out clears the partition', async () => {
    const web = createHhWebSession('https://hh.ru');
    await web.clear();
    expect(hhSession().cleared).toBe(1);
  });
});

/** Every way the app opens hh.ru: each must get the same hardened window. */
const paths = {
  oauth: (w: ReturnType<typeof createHhSignInWindow>) =>
    void w.oauth({ authorizeUrl: 'https://hh.ru/oauth/authorize?x=1', redirectUri: REDIRECT }),
  website: (w: ReturnType<typeof createHhSignInWindow>) => void w.website({ isSignedIn: async () => false }),
  assistApply: (w: ReturnType<typeof createHhSignInWindow>) => void w.assistApply({ vacancyId: '777', letter: 'Здравствуйте' }),
  show: (w: ReturnType<typeof createHhSignInWindow>) => void w.show('https://hh.ru/account/captcha?state=1'),
};

describe.each(Object.entries(paths))('the hh.ru window opened by %s', (_name, open) => {
  beforeEach(() => {
    // Assisted apply polls for hh.ru's confirmation; no interval may outlive the test.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout'] });
    open(createHhSignInWindow({ siteUrl: 'https://hh.ru' }));
  });
  afterEach(() => {
    if (!hhWindow().destroyed) hhWindow().close();
    vi.useRealTimers();
  });

  it('lives in the hh.ru partition, sandboxed, with no preload', () => {
    expect(hhWindow().options.webPreferences).toMatchObject({
      partition: HH_PARTITION,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webviewTag: false,
    });
    expect(hhWindow().options.webPreferences?.preload).toBeUndefined();
  });

  it('denies every permission its session is asked for, from the first page on', () => {
    const ses = hhSession();
    for (const permission of ['notifications', 'media', 'geolocation', 'clipboard-read']) {
      let granted: boolean | undefined;
      ses.permissionRequestHandler?.({}, permission, (answer) => (granted = answer));
      expect(granted).toBe(false);
      expect(ses.permissionCheckHandler?.({}, permission)).toBe(false);
    }
    expect(ses.devicePermissionHandler?.({})).toBe(false);
  });

  it('refuses every download', () => {
    expect(hhSession().simulate('will-download', { getFilename: () => 'resume.exe' }, {})).toBe(true);
  });

  it.each(['will-navigate', 'will-redirect'])('%s: stays on hh.ru and its regional sites', (event) => {
    const { webContents } = hhWindow();
    expect(webContents.simulate(event, 'https://evil.example/login')).toBe(true);
    expect(webContents.simulate(event, 'http://hh.ru/insecure')).toBe(true);
    expect(webContents.simulate(event, 'https://hh.ru.evil.example/')).toBe(true);
    expect(webContents.simulate(event, 'https://user:pass@hh.ru/')).toBe(true);
    expect(webContents.simulate(event, 'file:///etc/passwd')).toBe(true);
    expect(webContents.simulate(event, 'https://spb.hh.ru/account/login')).toBe(false);
    expect(webContents.simulate(event, 'https://hh.kz/vacancy/1')).toBe(false);
    expect(webContents.simulate('will-attach-webview', {}, {})).toBe(true);
  });

  it('opens no new window: an hh.ru link loads in this one, anything else nowhere', () => {
    const window = hhWindow();
    const before = BrowserWindow.all.length;
    expect(window.webContents.windowOpenHandler?.({ url: 'https://evil.example/popup' })).toEqual({ action: 'deny' });
    expect(window.loadedUrl).not.toBe('https://evil.example/popup');
    expect(window.webContents.windowOpenHandler?.({ url: 'https://hh.ru/vacancy/5' })).toEqual({ action: 'deny' });
    expect(window.loadedUrl).toBe('https://hh.ru/vacancy/5');
    expect(BrowserWindow.all).toHaveLength(before);
  });

  it("shows the address it is at in its title, ahead of the page's own title", () => {
    const window = hhWindow();
    expect(window.getTitle()).toMatch(/^https:\/\/hh\.ru\//);
    window.webContents.emit('did-navigate', {}, 'https://spb.hh.ru/applicant/resumes?secret=1');
    expect(window.getTitle()).toBe('https://spb.hh.ru/applicant/resumes');
    expect(window.simulate('page-title-updated', 'hh.ru — Мои резюме')).toBe(true);
    expect(window.getTitle()).toBe('https://spb.hh.ru/applicant/resumes — hh.ru — Мои резюме');
  });
});

describe('hh.ru window paths that refuse before opening', () => {
  it('show() opens nothing for a page that is not hh.ru', async () => {
    const window = createHhSignInWindow({ siteUrl: 'https://hh.ru' });
    await window.show('https://evil.example/captcha');
    await window.show('https://hh.ru.evil.example/');
    expect(BrowserWindow.all).toHaveLength(0);
  });

  it('website(): only an hh.ru applicant page starts the signed-in check', async () => {
    const window = createHhSignInWindow({ siteUrl: 'https://hh.ru' });
    const isSignedIn = vi.fn(async () => true);
    void window.website({ isSignedIn });
    hhWindow().webContents.emit('did-navigate', {}, 'https://evil.example/applicant/resumes');
    expect(isSignedIn).not.toHaveBeenCalled();
    hhWindow().close();
  });
});

describe('sign-in through the window, end to end in core', () => {
  const start = async () => {
    running = await startTestCore({ env, hhSignInWindow: createHhSignInWindow({ siteUrl: 'https://hh.ru' }) });
    return running.core;
  };

  it('rejects an answer whose state is not this attempt', async () => {
    const core = await start();
    const result = core.invoke('hh.signIn', { mode: 'default' });
    const window = await BrowserWindow.whenOpened();
    const authorize = new URL(window.loadedUrl!);
    expect(authorize.searchParams.get('state')).toMatch(/^[\w-]{20,}$/);
    hhSession().simulateRequest(`${REDIRECT}?code=stolen&state=not-ours`);
    expect(await result).toMatchObject({ ok: false, error: { code: 'hh_sign_in_cancelled' } });
    expect((await core.repositories.auditLog.list({ limit: 5, offset: 0 })).items[0]).toMatchObject({
      action: 'hh.sign_in',
      outcome: 'refused',
    });
  });

  it('reports that the user declined access', async () => {
    const core = await start();
    const result = core.invoke('hh.signIn', { mode: 'default' });
    const window = await BrowserWindow.whenOpened();
    const state = new URL(window.loadedUrl!).searchParams.get('state');
    hhSession().simulateRequest(`${REDIRECT}?error=access_denied&state=${state}`);
    expect(await result).toMatchObject({ ok: false, error: { code: 'hh_access_denied' } });
  });

  it('treats a closed window as a cancelled sign-in, not an error', async () => {
    const core = await start();
    const result = core.invoke('hh.signIn', { mode: 'switch' });
    const window = await BrowserWindow.whenOpened();
    expect(new URL(window.loadedUrl!).searchParams.get('force_login')).toBe('true');
    window.close();
    expect(await result).toMatchObject({ ok: true, value: { cancelled: true, status: { signedIn: false } } });
  });

  it('opens a captcha page in the hh.ru window, and refuses anything that is not hh.ru', async () => {
    const core = await start();
    const opened = core.invoke('hh.openPage', { url: 'https://hh.ru/account/captcha?state=1&backurl=https%3A%2F%2Fhh.ru%2Fvacancy%2F1' });
    const window = await BrowserWindow.whenOpened();
    expect(window.loadedUrl).toContain('/account/captcha');
    window.close();
    expect(await opened).toMatchObject({ ok: true, value: { openedInApp: true } });
    expect(await core.invoke('hh.openPage', { url: 'https://evil.example/captcha' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await core.invoke('hh.openPage', { url: 'https://hh.ru.evil.example/' })).toMatchObject({ ok: false });
  });
});

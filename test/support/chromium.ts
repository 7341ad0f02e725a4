/**
 * Browser e2e tests: finding Chromium, launching it, and `describeInBrowser`, the one harness every
 * browser e2e file uses (the built UI served by a headless core, pages opened in Chromium).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { patience } from './wait';
import { requireBuiltRenderer, shots, uiDir } from './e2e-paths';
import { startTestServer, type TestServer, type TestServerOptions } from './headless';

const candidates = [
  process.env.CHROME_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
].filter((path): path is string => Boolean(path));

export const HOW_TO_GET_CHROMIUM =
  'No Chromium found for the browser e2e tests. Install one (Debian/Ubuntu: sudo apt-get install -y chromium) or point CHROME_PATH at a Chrome/Chromium binary.';

export function findChromium(): string | undefined {
  return candidates.find((path) => existsSync(path));
}

/**
 * Where no browser exists the e2e tests skip and say how to get one, except under CI=true:
 * there a missing browser is a broken CI machine, and the run must fail.
 */
export function chromiumOrSkipReason(): { path: string } | { skip: string } {
  const path = findChromium();
  if (path) return { path };
  if (process.env.CI === 'true') throw new Error(`${HOW_TO_GET_CHROMIUM} (CI=true: browser e2e may not skip)`);
  console.warn(`[e2e skipped] ${HOW_TO_GET_CHROMIUM}`);
  return { skip: HOW_TO_GET_CHROMIUM };
}

export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    headless: true,
    // This machine has no network beyond loopback: background services would only fail noisily.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

export interface BrowserSuite {
  /** Launched before the suite's first test, closed after its last. */
  readonly browser: Browser;
  /** The headless core and its server, serving the built UI; closed after the suite unless a test closes it first. */
  startServer(options?: Omit<TestServerOptions, 'uiDir'>): Promise<TestServer>;
  /** Runs after the suite, last registered first (a server goes before the fakes it talks to). */
  afterSuite(close: () => Promise<unknown>): void;
  /** A page in a fresh browser context at the app's address, once the shell is on screen. */
  openApp(server: TestServer, options?: OpenAppOptions): Promise<Page>;
  /**
   * openApp, then `work`, then the context is closed. When `work` fails, `<name>-failure.png` shows
   * what the user saw, and the error banner's text goes with the error.
   */
  withApp(name: string, server: TestServer, work: (page: Page) => Promise<void>, options?: OpenAppOptions): Promise<void>;
}

export interface OpenAppOptions {
  context?: BrowserContextOptions;
  /** Called before the app loads: to listen to the page from its first moment. */
  beforeLoad?(page: Page): void;
  /** Keep the first-run assistant: by default it is marked done, so a suite starts on its own screen. */
  firstRun?: boolean;
}

/**
 * A browser e2e suite: the UI built by vite, a headless core, Debian's Chromium. Without a browser
 * it skips and says how to get one, except under CI=true, where it fails (chromiumOrSkipReason).
 */
export function describeInBrowser(name: string, body: (suite: BrowserSuite) => void): void {
  const chromium = chromiumOrSkipReason();
  describe.skipIf('skip' in chromium)(name, () => {
    let browser: Browser | undefined;
    const closers: (() => Promise<unknown>)[] = [];

    beforeAll(async () => {
      requireBuiltRenderer();
      browser = await launchChromium((chromium as { path: string }).path);
    });
    afterAll(async () => {
      for (const close of closers.splice(0).reverse()) await close();
      await browser?.close();
    });

    const suite: BrowserSuite = {
      get browser() {
        if (!browser) throw new Error('The browser starts in beforeAll: use it from a hook or a test.');
        return browser;
      },
      async startServer(options = {}) {
        const running = await startTestServer({ ...options, uiDir });
        let closing: Promise<void> | undefined;
        const close = () => (closing ??= running.close());
        closers.push(close);
        return { ...running, close };
      },
      afterSuite: (close) => void closers.push(close),
      async openApp(server, options = {}) {
        const context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 }, ...options.context });
        const page = await context.newPage();
        options.beforeLoad?.(page);
        if (!options.firstRun) {
          const done = await server.core.invoke('preferences.set', { setupDone: true });
          if (!done.ok) throw new Error(done.error.message);
        }
        await page.goto(server.server.uiUrl);
        await page.getByRole('button', { name: 'Обзор' }).waitFor();
        return page;
      },
      async withApp(shot, server, work, options) {
        const page = await suite.openApp(server, options);
        try {
          await work(page);
        } catch (error) {
          await page.screenshot({ path: join(shots, `${shot}-failure.png`), fullPage: true });
          throw new Error(`${String(error)}\nBanner: ${await page.locator('.banner--error').allTextContents()}`, { cause: error });
        } finally {
          await page.context().close();
        }
      },
    };
    body(suite);
  });
}

/** Goes to a section through the app's navigation. */
/**
 * The window's language set through the core, as when the user picks it in Settings; the window
 * follows the core's event. Said again until the window shows it: on a loaded machine its event
 * stream may connect after the first one went out.
 */
export async function switchLanguage(
  page: Page,
  core: { invoke(name: 'preferences.set', input: { language: 'ru' | 'en' }): Promise<{ ok: boolean }> },
  lang: 'ru' | 'en',
): Promise<void> {
  const settingsButton = page.getByRole('navigation').getByRole('button', { name: lang === 'en' ? 'Settings' : 'Настройки', exact: true });
  await expect
    .poll(async () => {
      expect((await core.invoke('preferences.set', { language: lang })).ok).toBe(true);
      return settingsButton.isVisible();
    }, patience)
    .toBe(true);
}

export const nav = (page: Page, section: string) => page.getByRole('navigation').getByRole('button', { name: section }).click();

/** Settings at one of its sections (the tab's name as the user reads it). */
export async function settings(page: Page, tab: string): Promise<void> {
  const inEnglish = await page.getByRole('navigation').getByRole('button', { name: 'Settings', exact: true }).count();
  await nav(page, inEnglish ? 'Settings' : 'Настройки');
  await page.getByRole('tab', { name: tab, exact: true }).click();
}

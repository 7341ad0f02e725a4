import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

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

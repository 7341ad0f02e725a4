import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { findChromium, HOW_TO_GET_CHROMIUM, launchChromium } from '../support/chromium';
import { root, uiDir } from '../support/e2e-paths';
import { startTestServer } from '../support/headless';
import { measureVacanciesScreen, seedVacancies } from '../support/vacancies-perf';
import { round, type BenchRow } from './measure';

const SEEDED = 10_000;
const ROWS = 1_050;
const QUERY = 'android';

/**
 * The Vacancies screen in Chromium with 10,000 vacancies seeded through the repositories: first
 * render, scrolling through 1,050 rows (pages load as it scrolls), the DOM that leaves behind, and
 * keystrokes in the search box. Skips, and says why, where there is no browser.
 */
export async function uiBench(): Promise<BenchRow[]> {
  const chromium = findChromium();
  if (!chromium) return [{ name: 'skipped: no Chromium', value: 0, unit: '', note: HOW_TO_GET_CHROMIUM }];

  // The screen as the sources say now, not whatever dist/ held.
  execFileSync(process.execPath, [`${root}/node_modules/vite/bin/vite.js`, 'build', '--mode', 'renderer', '--logLevel', 'error'], {
    cwd: root,
    stdio: 'inherit',
  });
  const running = await startTestServer({ uiDir });
  const browser = await launchChromium(chromium);
  try {
    const seedStart = performance.now();
    await seedVacancies(running.core, SEEDED);
    const seedMs = performance.now() - seedStart;
    const queryTotal = (await running.core.repositories.vacancies.search(QUERY, { limit: 1, offset: 0 })).total;
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(running.server.uiUrl);
    await page.getByRole('button', { name: 'Обзор' }).waitFor();
    const n = await measureVacanciesScreen(page, { vacancies: SEEDED, rows: ROWS, query: QUERY, queryTotal });
    await context.close();
    const ms = (value: number) => round(value, 0);
    return [
      {
        name: `seed ${SEEDED.toLocaleString('en')} vacancies (repositories)`,
        value: round(seedMs / 1000, 1),
        unit: 's',
        note: 'setup, not the screen',
      },
      {
        name: 'first render (nav click to rows painted)',
        value: ms(n.firstRenderMs),
        unit: 'ms',
        note: 'Chromium headless, 1280x800; includes the first page from the core',
      },
      {
        name: `scroll through ${ROWS} rows`,
        value: ms(n.scrollThrough.ms),
        unit: 'ms',
        note: `240 px a frame; pages of 100 load as it goes`,
      },
      { name: '  frame p50', value: ms(n.scrollThrough.frames.p50), unit: 'ms' },
      { name: '  frame p95', value: ms(n.scrollThrough.frames.p95), unit: 'ms', note: 'a frame at 60 Hz is 17 ms' },
      { name: '  frame max', value: ms(n.scrollThrough.frames.max), unit: 'ms' },
      { name: 'scroll back over loaded rows: frame p95', value: ms(n.scrollBack.p95), unit: 'ms', note: `max ${ms(n.scrollBack.max)} ms` },
      {
        name: `DOM elements after ${ROWS} rows`,
        value: n.domNodes,
        unit: 'elements',
        note: `target < 1500: ${n.domNodes < 1_500 ? 'met' : 'MISSED'}; ${n.rowsMounted} rows mounted`,
      },
      {
        name: 'keystroke to paint p50',
        value: ms(n.keystrokes.p50),
        unit: 'ms',
        note: `search box, ${n.keystrokes.count} keys with the list scrolled`,
      },
      { name: 'keystroke to paint p95', value: ms(n.keystrokes.p95), unit: 'ms', note: `max ${ms(n.keystrokes.max)} ms` },
      {
        name: 'last keystroke to search results',
        value: ms(n.queryToResultsMs),
        unit: 'ms',
        note: `"${QUERY}": ${queryTotal} found; includes the 300 ms pause`,
      },
    ];
  } finally {
    await browser.close();
    await running.close();
  }
}

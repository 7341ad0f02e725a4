/**
 * The Vacancies screen with many vacancies: seeding the core's database directly (no hh.ru), and
 * measuring the screen in Chromium with performance marks. Used by the browser e2e (which asserts
 * only the DOM-node bound and correctness) and by `npm run bench ui` (which prints the numbers).
 */
import type { Page } from 'playwright-core';
import type { VacancyFacts } from '../../shared/domain';
import { statusFor, vacancySlice } from '../bench/vacancy-corpus';
import type { TestCoreHandle } from './core';

const CHUNK = 500;

/** Every seventh title is a long one, as hh.ru has them: the list must clamp it to two lines. */
const LONG_TAIL =
  ' в команду платформы данных (Python, Go, PostgreSQL, ClickHouse, Kafka, Kubernetes), удалённо или гибрид в Москве, ДМС с первого дня';

export function seededFacts(index: number): VacancyFacts {
  const [facts] = vacancySlice(index, 1, { seed: 3 });
  return index % 7 === 3 ? { ...facts!, title: facts!.title + LONG_TAIL } : facts!;
}

/**
 * `count` vacancies through the vacancy repository, as a search would store them, with the corpus's
 * statuses (found, drafted, applied, viewed, invited, rejected) given by the repository too.
 */
export async function seedVacancies(core: TestCoreHandle, count: number): Promise<void> {
  const vacancies = core.repositories.vacancies;
  for (let start = 0; start < count; start += CHUNK) {
    const chunk = Array.from({ length: Math.min(CHUNK, count - start) }, (_, i) => seededFacts(start + i));
    await vacancies.upsertMany(chunk);
    const stored = await Promise.all(chunk.map((facts) => vacancies.getByHhId(facts.hhId)));
    await Promise.all(
      stored.map((vacancy, i) => {
        const status = statusFor(start + i, 3);
        return vacancy && status !== 'found' ? vacancies.setStatus(vacancy.id, status) : undefined;
      }),
    );
  }
}

/**
 * Installed in the page as `window.__vacPerf`. Plain JavaScript in a string: the test's transpiler
 * may wrap functions it passes to the page in helpers the page does not have.
 */
const PAGE_SCRIPT = `
(() => {
  // The moment after the next frame is painted: a task queued from requestAnimationFrame runs after it.
  const nextPaint = () => new Promise((resolve) => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve(performance.now());
    channel.port2.postMessage(0);
  }));
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  const percentile = (values, p) => {
    if (!values.length) return 0;
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
  };
  const stats = (values) => ({ count: values.length, p50: percentile(values, 50), p95: percentile(values, 95), max: values.length ? Math.max(...values) : 0 });
  const keys = [];
  let listening = false;
  let lastKeyAt = 0;

  window.__vacPerf = {
    keys,
    stats,
    /** Clicks the navigation button and resolves with the time until the first rows are painted. */
    firstRender(navLabel) {
      const button = [...document.querySelectorAll('nav button')].find((b) => b.textContent.trim() === navLabel);
      if (!button) throw new Error('no navigation button ' + navLabel);
      return new Promise((resolve) => {
        const done = async () => {
          observer.disconnect();
          await nextPaint();
          performance.mark('vacancies:first-rows-painted');
          resolve(performance.measure('vacancies:first-render', 'vacancies:nav', 'vacancies:first-rows-painted').duration);
        };
        const observer = new MutationObserver(() => {
          if (document.querySelector('[data-testid="vacancy"]')) void done();
        });
        observer.observe(document.body, { childList: true, subtree: true });
        performance.mark('vacancies:nav');
        button.click();
      });
    },
    /** Scrolls the window by step px a frame until a row at aria-rowindex >= rows is on screen (pages load as it goes). */
    async scrollThrough(rows, step, limitMs) {
      const deltas = [];
      const started = performance.now();
      let last = await frame();
      window.scrollTo(0, 0);
      for (;;) {
        window.scrollBy(0, step);
        const now = await frame();
        deltas.push(now - last);
        last = now;
        const reached = [...document.querySelectorAll('[data-testid="vacancy"]')].some((row) => Number(row.getAttribute('aria-rowindex')) >= rows);
        if (reached) break;
        if (now - started > limitMs) throw new Error('did not reach row ' + rows + ' within ' + limitMs + ' ms');
      }
      performance.measure('vacancies:scroll-through', { start: started, end: performance.now() });
      return { frames: stats(deltas), ms: performance.now() - started, scrollY: window.scrollY };
    },
    /** Frame times while scrolling back up by step px a frame, for frames frames (rows already loaded). */
    async scrollFrames(step, frames) {
      const deltas = [];
      let last = await frame();
      for (let i = 0; i < frames; i += 1) {
        window.scrollBy(0, -step);
        const now = await frame();
        deltas.push(now - last);
        last = now;
      }
      return stats(deltas);
    },
    /** Resolves with the ms from the last keydown to the frame painted once text is on the page. */
    afterLastKey(text) {
      return new Promise((resolve) => {
        const done = async () => {
          observer.disconnect();
          const painted = await nextPaint();
          performance.measure('vacancies:query-to-results', { start: lastKeyAt, end: painted });
          resolve(painted - lastKeyAt);
        };
        const observer = new MutationObserver(() => {
          if (document.body.innerText.includes(text)) void done();
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        if (document.body.innerText.includes(text)) void done();
      });
    },
    domNodes: () => document.getElementsByTagName('*').length,
    rowsMounted: () => document.querySelectorAll('[data-testid="vacancy"]').length,
    /** From each keydown in the page to the frame painted after it, recorded in keys. */
    listenToKeys() {
      if (listening) return;
      listening = true;
      document.addEventListener('keydown', (event) => {
        const start = event.timeStamp;
        lastKeyAt = start;
        void nextPaint().then((painted) => {
          keys.push(painted - start);
          performance.measure('vacancies:keystroke-to-paint', { start, end: painted });
        });
      }, { capture: true });
    },
  };
})();
`;

export interface FrameStats {
  count: number;
  p50: number;
  p95: number;
  max: number;
}

export interface ScreenNumbers {
  vacancies: number;
  firstRenderMs: number;
  /** Scrolling down through the list, pages loading as it goes. */
  scrollThrough: { rows: number; ms: number; frames: FrameStats };
  /** Scrolling back over loaded rows. */
  scrollBack: FrameStats;
  domNodes: number;
  rowsMounted: number;
  keystrokes: FrameStats;
  /** From the last keystroke to the list showing the query's rows (the search box waits 300 ms for a pause). */
  queryToResultsMs: number;
}

/**
 * The numbers for the issue, on a page already showing the app (any screen but Vacancies): first
 * render, scrolling through `rows` rows, DOM nodes there, keystrokes in the search box with those
 * rows behind it, and the search's answer on screen.
 */
export async function measureVacanciesScreen(
  page: Page,
  options: { vacancies: number; rows: number; query: string; queryTotal: number },
): Promise<ScreenNumbers> {
  await page.evaluate(PAGE_SCRIPT);
  const firstRenderMs = (await page.evaluate(`window.__vacPerf.firstRender('Вакансии')`)) as number;
  const through = (await page.evaluate(`window.__vacPerf.scrollThrough(${options.rows}, 240, 120000)`)) as {
    frames: FrameStats;
    ms: number;
  };
  const scrollBack = (await page.evaluate(`window.__vacPerf.scrollFrames(120, 240)`)) as FrameStats;
  const domNodes = (await page.evaluate('window.__vacPerf.domNodes()')) as number;
  const rowsMounted = (await page.evaluate('window.__vacPerf.rowsMounted()')) as number;

  const box = page.getByRole('searchbox', { name: 'Поиск по вакансиям' });
  await box.focus();
  await page.evaluate('window.__vacPerf.listenToKeys()');
  let typed = 0;
  for (const char of options.query) {
    await page.keyboard.press(char === ' ' ? 'Space' : char);
    typed += 1;
    await page.waitForFunction((n) => (window as unknown as { __vacPerf: { keys: number[] } }).__vacPerf.keys.length >= n, typed);
  }
  // The count under the search box is the query's: its rows are on screen.
  const queryToResultsMs = (await page.evaluate(
    `window.__vacPerf.afterLastKey('Показано ${Math.min(options.queryTotal, 100)} из ${options.queryTotal}')`,
  )) as number;
  const keystrokes = (await page.evaluate('window.__vacPerf.stats(window.__vacPerf.keys)')) as FrameStats;
  return {
    vacancies: options.vacancies,
    firstRenderMs,
    scrollThrough: { rows: options.rows, ms: through.ms, frames: through.frames },
    scrollBack,
    domNodes,
    rowsMounted,
    keystrokes,
    queryToResultsMs,
  };
}

const ms = (value: number) => `${Math.round(value)} ms`;

/** One line per number, for the test's output and the bench's table. */
export function describeNumbers(numbers: ScreenNumbers): [string, string][] {
  return [
    ['vacancies in the database', String(numbers.vacancies)],
    ['first render (nav click to rows painted)', ms(numbers.firstRenderMs)],
    [`scroll through ${numbers.scrollThrough.rows} rows: time`, ms(numbers.scrollThrough.ms)],
    [
      '  frame p50 / p95 / max',
      `${ms(numbers.scrollThrough.frames.p50)} / ${ms(numbers.scrollThrough.frames.p95)} / ${ms(numbers.scrollThrough.frames.max)}`,
    ],
    [
      'scroll back over loaded rows: frame p50 / p95 / max',
      `${ms(numbers.scrollBack.p50)} / ${ms(numbers.scrollBack.p95)} / ${ms(numbers.scrollBack.max)}`,
    ],
    ['DOM elements after scrolling', String(numbers.domNodes)],
    ['rows mounted', String(numbers.rowsMounted)],
    ['keystroke to paint p50 / p95 / max', `${ms(numbers.keystrokes.p50)} / ${ms(numbers.keystrokes.p95)} / ${ms(numbers.keystrokes.max)}`],
    ['last keystroke to search results (incl. the 300 ms pause)', ms(numbers.queryToResultsMs)],
  ];
}

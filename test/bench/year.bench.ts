import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DatabaseClient } from '../../main/core/db/client';
import { databaseOptions, sourceWorkerEntry } from '../../main/core/db/options';
import { createRepositories } from '../../main/core/db/repositories';
import { silentLogger, type Clock } from '../../main/core/ports';
import { keepBounded } from '../../main/core/vacancies/retention';
import { builtWorkerEntry } from './built-worker';
import { medianMs, round, type BenchRow } from './measure';
import { vacancySlice } from './vacancy-corpus';

const DAYS = 365;
const NEW_PER_DAY = 100;
const APPLIED_PER_DAY = 20;
const IGNORED_PER_DAY = 50;
const DAY_MS = 24 * 3_600_000;
const MB = 1024 * 1024;
const LETTER =
  'Здравствуйте! Меня заинтересовала ваша вакансия: я пишу на Python пять лет и строила сервисы для десятков тысяч пользователей. '.repeat(
    6,
  );

/**
 * A year of daily use, as the issue sizes it: 100 new vacancies and 20 applications a day; of the
 * rest, 50 set aside by the engine and 30 left found; employers answer ten days later (60% reject,
 * 10% invite, the rest view). The daily checkpoint's retention runs each day with the default 60
 * days. At the end: the file's size, a cold open and a checkpoint with the built worker, and the
 * memory a process holds with the year open (a fresh process, so nothing else is counted).
 */
export async function yearBench(): Promise<BenchRow[]> {
  const dir = await mkdtemp(join(tmpdir(), 'aaa-year-bench-'));
  let now = Date.parse('2025-12-01T09:00:00Z');
  const clock: Clock = { now: () => new Date(now) };
  const rows: BenchRow[] = [];
  try {
    const started = performance.now();
    const { db } = await DatabaseClient.open(sourceWorkerEntry(), databaseOptions(dir));
    const repositories = createRepositories(db, clock);
    let trimmed = 0;
    let compactions = 0;
    const appliedOn: number[][] = [];
    try {
      for (let day = 0; day < DAYS; day += 1) {
        await repositories.vacancies.upsertMany(vacancySlice(day * NEW_PER_DAY, NEW_PER_DAY, { seed: 3 }));
        const fresh = (await repositories.vacancies.list({ statuses: ['found'], limit: NEW_PER_DAY, offset: 0 })).items;
        const applied = fresh.slice(0, APPLIED_PER_DAY);
        for (const vacancy of applied) {
          const letter = await repositories.applications.createDraft(vacancy.id, 'r1', LETTER);
          await repositories.applications.transition(letter.id, 'draft', 'sending');
          await repositories.applications.transition(letter.id, 'sending', 'sent', { transport: 'website', vacancyStatus: 'applied' });
        }
        for (const vacancy of fresh.slice(APPLIED_PER_DAY, APPLIED_PER_DAY + IGNORED_PER_DAY))
          await repositories.vacancies.setSkipped(vacancy.id, 'ignored', 'excluded_word', 'bench');
        appliedOn.push(applied.map((v) => v.id));
        const answered = appliedOn[day - 10] ?? [];
        for (const [i, id] of answered.entries())
          await repositories.vacancies.setStatus(id, i % 10 < 6 ? 'rejected' : i % 10 === 6 ? 'invited' : 'viewed');
        now += DAY_MS;
        const kept = await keepBounded({ repositories, clock, log: silentLogger, compact: () => db.compact() });
        trimmed += kept.trimmed;
        if (kept.compacted) compactions += 1;
      }
    } finally {
      await db.close();
    }
    const simulatedS = (performance.now() - started) / 1000;
    const file = databaseOptions(dir).file;
    const sizeMb = (await stat(file)).size / MB;
    const entry = builtWorkerEntry();
    const openMs = await medianMs(() => DatabaseClient.open(entry, databaseOptions(dir)).then(({ db: opened }) => opened.close()), 3, 1);
    const { db: reopened } = await DatabaseClient.open(entry, databaseOptions(dir));
    let checkpointMs = 0;
    try {
      const [one] = (await reopened.all<{ id: number }>("SELECT id FROM vacancies WHERE status = 'found' LIMIT 1")) ?? [];
      checkpointMs = await medianMs(
        async () => {
          await reopened.run('UPDATE vacancies SET updated_at = updated_at WHERE id = ?', [one!.id]);
          await reopened.run("INSERT INTO audit_log (at, action, target, outcome, details) VALUES ('x', 'bench', '', 'ok', '')");
          await reopened.flush();
        },
        3,
        1,
      );
    } finally {
      await reopened.close();
    }
    const memory = memoryWithYearOpen(dir);
    const total = DAYS * NEW_PER_DAY;
    rows.push({
      name: `a year of use (${total.toLocaleString('en')} vacancies, ${(DAYS * APPLIED_PER_DAY).toLocaleString('en')} applications; retention 60 days)`,
      value: round(sizeMb, 1),
      unit: 'MB on disk',
      note: `${trimmed.toLocaleString('en')} trimmed, ${compactions} compactions; target <= 150 MB: ${sizeMb <= 150 ? 'met' : 'MISSED'}; simulated in ${round(simulatedS, 0)} s`,
    });
    rows.push({
      name: '  cold open of the year (built worker)',
      value: round(openMs, 0),
      unit: 'ms',
      note: `median of 3; target <= 1000 ms: ${openMs <= 1000 ? 'met' : 'MISSED'}`,
    });
    rows.push({
      name: '  checkpoint of the year',
      value: round(checkpointMs, 0),
      unit: 'ms',
      note: 'median of 3: export + write + fsync + rename, in the worker',
    });
    rows.push({
      name: '  memory with the year open',
      value: round(memory.openMb, 1),
      unit: 'MB',
      note: `a fresh process's RSS over its own baseline with the data open; ${round(memory.peakMb, 1)} MB at most through a checkpoint (the export is a second copy); target <= 150 MB: ${memory.peakMb <= 150 ? 'met' : 'MISSED'}`,
    });
    return rows;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Opens the folder in a new process with the built worker and reports its RSS growth, open and through a checkpoint. */
function memoryWithYearOpen(dir: string): { openMb: number; peakMb: number } {
  const script = join(import.meta.dirname, 'year-memory.ts');
  const result = spawnSync(process.execPath, ['--import', 'tsx', script, dir], {
    encoding: 'utf8',
    cwd: join(import.meta.dirname, '..', '..'),
  });
  const line = result.stdout.trim().split('\n').at(-1) ?? '';
  try {
    return JSON.parse(line) as { openMb: number; peakMb: number };
  } catch {
    throw new Error(`the memory probe failed: ${result.stderr || line}`);
  }
}

import { DatabaseClient } from '../../main/core/db/client';
import { databaseOptions } from '../../main/core/db/options';
import { builtWorkerEntry } from './built-worker';

/** Run by year.bench.ts in a fresh process: RSS growth with the data open, and its peak through a checkpoint. */
const dir = process.argv[2]!;
const MB = 1024 * 1024;
const entry = builtWorkerEntry();
// Before anything is open: the growth counts the worker thread, sql.js and the data together.
const baseline = process.memoryUsage().rss;
const { db } = await DatabaseClient.open(entry, databaseOptions(dir));
let peak = process.memoryUsage().rss;
const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
const open = process.memoryUsage().rss;
await db.run("INSERT INTO audit_log (at, action, target, outcome, details) VALUES ('x', 'bench', '', 'ok', '')");
await db.flush();
peak = Math.max(peak, process.memoryUsage().rss);
clearInterval(sample);
await db.close();
console.log(JSON.stringify({ openMb: (open - baseline) / MB, peakMb: (peak - baseline) / MB }));

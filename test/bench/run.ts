import { contractBench } from './contract.bench';
import { storageBench } from './storage.bench';
import type { BenchRow } from './measure';

/**
 * npm run bench: performance targets live here, as numbers and ratios, not in timed unit tests
 * (the machines are small and shared). Each suite returns rows; this prints them as one table.
 */
const suites: [string, () => Promise<BenchRow[]>][] = [
  ['contract', contractBench],
  ['storage', storageBench],
  // A year of daily use with retention: size on disk, open, checkpoint and memory.
  ['year', async () => (await import('./year.bench')).yearBench()],
  ['ai', async () => (await import('./ai.bench')).aiBench()],
  ['automation', async () => (await import('./automation.bench')).automationBench()],
  // Launches Chromium (skips without one) and builds the renderer first.
  ['ui', async () => (await import('./ui.bench')).uiBench()],
];

const only = process.argv.slice(2);
for (const [name, run] of suites) {
  if (only.length && !only.includes(name)) continue;
  const rows = await run();
  console.log(`\n## ${name}`);
  console.table(rows.map((row) => ({ measure: row.name, value: row.value, unit: row.unit, note: row.note ?? '' })));
}

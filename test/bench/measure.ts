import { performance } from 'node:perf_hooks';

export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  note?: string;
}

/** Median time of `runs` rounds of `fn`, after a warm-up: medians shrug off a busy shared machine. */
export async function medianMs(fn: () => Promise<unknown> | unknown, runs = 7, warmup = 2): Promise<number> {
  for (let i = 0; i < warmup; i += 1) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export const round = (value: number, digits = 3) => Number(value.toFixed(digits));

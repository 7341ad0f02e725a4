import { createGigaChatProvider, createOpenAiProvider, type ProviderDeps } from '../../main/core/ai/providers';
import type { TextProvider } from '../../main/core/ai/provider';
import { limitConcurrency } from '../../main/core/ai/queue';
import { silentLogger, systemClock } from '../../main/core/ports';
import { resourcesDir, startFakeGigaChat, startFakeOpenAi } from '../fakes/ai';
import { performance } from 'node:perf_hooks';
import { medianMs, round, type BenchRow } from './measure';

const LETTERS = 30;
const MODEL_MS = 100;

/** Secrets in a Map: the bench measures the queue and the providers, not the vault's disk writes. */
function memoryVault(initial: Record<string, string> = {}): ProviderDeps['vault'] {
  const secrets = new Map(Object.entries(initial));
  return {
    get: async (name) => secrets.get(name),
    put: async (name, value) => void secrets.set(name, value),
    delete: async (name) => void secrets.delete(name),
  };
}

const letter = (i: number) => [{ role: 'user' as const, content: `vacancy ${i}` }];

/** All letters at once through the queue, as the letter writer will queue a batch. */
const draft = (provider: TextProvider, streams: number) => {
  const limited = limitConcurrency(provider, streams);
  return () => Promise.all(Array.from({ length: LETTERS }, (_, i) => limited.complete(letter(i))));
};

/** The same requests with bare fetch and `streams` workers: what the fake server and loopback HTTP cost alone. */
const bareFetch = (baseUrl: string, streams: number) => async () => {
  let next = 0;
  const worker = async () => {
    while (next < LETTERS) {
      const i = next++;
      const response = await fetch(`${baseUrl}/chat/completions`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ model: 'gpt-4o-mini', messages: letter(i) }),
      });
      await response.json();
    }
  };
  await Promise.all(Array.from({ length: streams }, worker));
};

/** Medians of `a` and `b` run in turns, so a shared machine's slow moments hit both alike. */
async function pairedMedians(a: () => Promise<unknown>, b: () => Promise<unknown>, runs: number): Promise<[number, number]> {
  const times: [number[], number[]] = [[], []];
  for (let i = 0; i < runs; i += 1) {
    for (const [k, fn] of [a, b].entries()) {
      const start = performance.now();
      await fn();
      times[k]!.push(performance.now() - start);
    }
  }
  const median = (list: number[]) => list.sort((x, y) => x - y)[Math.floor(list.length / 2)]!;
  return [median(times[0]), median(times[1])];
}

const percent = (value: number, base: number) => `${round(((value - base) / base) * 100, 1)}%`;

/**
 * A model that answers in 100 ms: 30 letters through the real provider (SDK, HTTP, retries wiring)
 * and the queue. One stream should take ~30 x 100 ms; four streams a quarter of that (8 rounds of
 * 4, since 30 is not a multiple of 4: 800 ms is the floor).
 */
export async function aiBench(): Promise<BenchRow[]> {
  const openai = await startFakeOpenAi();
  openai.setDelay(MODEL_MS);
  const deps: ProviderDeps = { vault: memoryVault(), log: silentLogger, clock: systemClock, resourcesDir };
  const provider = createOpenAiProvider({ baseUrl: openai.baseUrl, model: 'gpt-4o-mini' }, deps);
  // Warm up the SDK, the connection pool and the JIT with one letter.
  await provider.complete(letter(0));
  const [one, bareOne] = await pairedMedians(draft(provider, 1), bareFetch(openai.baseUrl, 1), 3);
  const [four, bareFour] = await pairedMedians(draft(provider, 4), bareFetch(openai.baseUrl, 4), 9);
  await openai.close();

  const key = Buffer.from('bench:bench-secret').toString('base64');
  const gigachat = await startFakeGigaChat({ credentials: key });
  gigachat.setDelay(MODEL_MS);
  const gigachatProvider = createGigaChatProvider(
    { scope: 'GIGACHAT_API_PERS', authUrl: gigachat.authUrl, baseUrl: gigachat.baseUrl, caFile: gigachat.caFile },
    { ...deps, vault: memoryVault({ 'gigachat.credentials': key }) },
  );
  await gigachatProvider.complete(letter(0));
  const gigaOne = await medianMs(draft(gigachatProvider, 1), 3, 0);
  await gigachat.close();

  const idealOne = LETTERS * MODEL_MS;
  const quarter = idealOne / 4;
  const rounds = Math.ceil(LETTERS / 4);
  const floorFour = rounds * MODEL_MS;
  return [
    {
      name: `${LETTERS} letters, 1 stream (OpenAI-compatible)`,
      value: round(one, 0),
      unit: 'ms',
      note: `ideal ${idealOne} ms: +${percent(one, idealOne)}`,
    },
    {
      name: '  app over bare fetch, 1 stream',
      value: round(one - bareOne, 0),
      unit: 'ms',
      note: `+${percent(one, bareOne)} (bare fetch: ${round(bareOne, 0)} ms)`,
    },
    {
      name: `${LETTERS} letters, 4 streams (OpenAI-compatible)`,
      value: round(four, 0),
      unit: 'ms',
      note: `ideal ${quarter} ms (a quarter), ${floorFour} ms (${rounds} rounds of 4): +${percent(four, floorFour)}`,
    },
    {
      name: '  app over bare fetch, 4 streams',
      value: round(four - bareFour, 0),
      unit: 'ms',
      note: `+${percent(four, bareFour)} (bare fetch: ${round(bareFour, 0)} ms)`,
    },
    {
      name: '1 stream / 4 streams',
      value: round(one / four, 2),
      unit: 'x',
      note: `ideal ${round(idealOne / floorFour, 2)}x with ${rounds} rounds (4x if 30 split evenly)`,
    },
    {
      name: `${LETTERS} letters, 1 stream (GigaChat)`,
      value: round(gigaOne, 0),
      unit: 'ms',
      note: `ideal ${idealOne} ms: +${percent(gigaOne, idealOne)}`,
    },
  ];
}

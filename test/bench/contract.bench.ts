import { startTestCore } from '../support/core';
import { httpClient } from '../../renderer/src/api/client';
import { startTestServer } from '../support/headless';
import { medianMs, round, type BenchRow } from './measure';

/** What the contract costs per call: zod parsing in core, and the HTTP bridge of the headless shell. */
export async function contractBench(): Promise<BenchRow[]> {
  const testCore = await startTestCore();
  const { core } = testCore;
  const calls = 10_000;
  const dispatched = await medianMs(async () => {
    for (let i = 0; i < calls; i += 1) await core.invoke('app.ping', { message: 'bench' });
  });
  const direct = await medianMs(async () => {
    for (let i = 0; i < calls; i += 1) await Promise.resolve({ reply: 'pong: bench', at: new Date().toISOString() });
  });

  const running = await startTestServer();
  const client = httpClient(running.server.url, running.server.token);
  const httpCalls = 500;
  const overHttp = await medianMs(
    async () => {
      for (let i = 0; i < httpCalls; i += 1) await client.invoke('app.ping', { message: 'bench' });
    },
    5,
    1,
  );
  await running.close();
  await testCore.close();

  const perDispatch = (dispatched / calls) * 1000;
  const perDirect = (direct / calls) * 1000;
  return [
    { name: 'contract dispatch (validate in + out)', value: round(perDispatch), unit: 'µs/call' },
    { name: 'same handler without the contract', value: round(perDirect), unit: 'µs/call' },
    {
      name: 'contract overhead',
      value: round(perDispatch - perDirect),
      unit: 'µs/call',
      note: `${round(perDispatch / perDirect, 1)}x the bare call`,
    },
    { name: 'headless HTTP round trip (loopback)', value: round((overHttp / httpCalls) * 1000, 0), unit: 'µs/call' },
  ];
}

import { afterEach, describe, expect, it, vi } from 'vitest';
import { createOpenAiProvider, createProvider } from '../../../../main/core/ai/providers';
import { limitConcurrency } from '../../../../main/core/ai/queue';
import { startFakeGigaChat, startFakeOpenAi, testDeps } from '../../../fakes/ai';
import { gate } from '../../../support/wait';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(closers.splice(0).map((close) => close()));
});

const letters = (n: number) => Array.from({ length: n }, (_, i) => [{ role: 'user' as const, content: `vacancy ${i}` }]);

describe('a queue per provider', () => {
  it.each([1, 2, 4])('%i stream(s): the server never sees more at once, and every letter arrives', async (streams) => {
    const fake = await startFakeOpenAi();
    closers.push(fake.close);
    // The first `streams` answers wait until all of them are in: the server surely sees that many at
    // once, and a queue that let more through would show it while they wait.
    const allIn = gate();
    fake.enqueue('chat', ...Array.from({ length: streams }, () => ({ heldUntil: allIn.opened })));
    const provider = limitConcurrency(createOpenAiProvider({ baseUrl: fake.baseUrl, model: 'gpt-4o-mini' }, await testDeps()), streams);
    const pending = Promise.all(letters(12).map((messages) => provider.complete(messages)));
    await fake.script.arrived('chat', streams);
    allIn.open();
    const results = await pending;
    expect(results.map((r) => r.text)).toEqual(letters(12).map((m) => `Letter for: ${m[0]!.content}`));
    expect(fake.maxInFlight.chat).toBe(streams);
    expect(provider.active).toBe(0);
    expect(provider.waiting).toBe(0);
  });

  it('GigaChat for individuals gets one stream by default (createProvider), businesses ten', async () => {
    const key = Buffer.from('id:secret-queue').toString('base64');
    const fake = await startFakeGigaChat({ credentials: key });
    closers.push(fake.close);
    fake.setDelay(30);
    const deps = await testDeps();
    await deps.vault.put('gigachat.credentials', key);
    const personal = createProvider(
      { kind: 'gigachat', scope: 'GIGACHAT_API_PERS', authUrl: fake.authUrl, baseUrl: fake.baseUrl, caFile: fake.caFile },
      deps,
    );
    expect(personal.streams).toBe(1);
    await Promise.all(letters(6).map((m) => personal.complete(m)));
    expect(fake.maxInFlight.chat).toBe(1);
    expect(createProvider({ kind: 'gigachat', scope: 'GIGACHAT_API_CORP' }, deps).streams).toBe(10);
    expect(createProvider({ kind: 'gigachat', scope: 'GIGACHAT_API_PERS', streams: 3 }, deps).streams).toBe(3);
  });

  it('a caller aborted while waiting leaves the line without reaching the server', async () => {
    const fake = await startFakeOpenAi();
    closers.push(fake.close);
    fake.setDelay(150);
    const provider = limitConcurrency(createOpenAiProvider({ baseUrl: fake.baseUrl, model: 'gpt-4o-mini' }, await testDeps()), 1);
    const controller = new AbortController();
    const first = provider.complete(letters(1)[0]!);
    const waiting = provider.complete(letters(2)[1]!, { signal: controller.signal }).catch((e: unknown) => e);
    const third = provider.complete(letters(3)[2]!);
    expect(provider.waiting).toBe(2);
    controller.abort();
    expect(await waiting).toMatchObject({ name: 'AbortError' });
    expect(provider.waiting).toBe(1);
    await Promise.all([first, third]);
    expect(fake.counts.chat).toBe(2);
    expect(fake.requests.map((r) => (JSON.parse(r.body) as { messages: { content: string }[] }).messages[0]!.content)).toEqual([
      'vacancy 0',
      'vacancy 2',
    ]);
  });

  it('waiting in line does not count against the timeout', async () => {
    const fake = await startFakeOpenAi();
    closers.push(fake.close);
    const answers = [gate(), gate(), gate()];
    fake.enqueue('chat', ...answers.map((answer) => ({ heldUntil: answer.opened })));
    // The timeouts run on a clock the test moves; the requests are real.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const provider = limitConcurrency(
      createOpenAiProvider({ baseUrl: fake.baseUrl, model: 'gpt-4o-mini', timeoutMs: 1_000 }, await testDeps()),
      1,
    );
    const results = Promise.all(letters(4).map((m) => provider.complete(m)));
    // Each of the first three answers takes 600 ms of its own 1 s limit, so the fourth waits 1.8 s
    // for its turn, longer than its limit, and still succeeds.
    for (const [n, answer] of answers.entries()) {
      await fake.script.arrived('chat', n + 1);
      await vi.advanceTimersByTimeAsync(600);
      answer.open();
    }
    expect((await results).map((r) => r.text)).toEqual(letters(4).map((m) => `Letter for: ${m[0]!.content}`));
    expect(fake.counts.chat).toBe(4);
  });
});

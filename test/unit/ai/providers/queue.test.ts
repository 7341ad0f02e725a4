import { describe, expect, it } from 'vitest';
import type { Completion, TextProvider } from '../../../../main/core/ai/provider';
import { limitConcurrency } from '../../../../main/core/ai/queue';
import { settled } from '../../../support/wait';

/** A provider whose calls finish only when the test says so. */
function manualProvider() {
  const started: string[] = [];
  const finishers = new Map<string, (text?: string) => void>();
  let running = 0;
  let maxRunning = 0;
  const provider: TextProvider = {
    kind: 'openai',
    complete: (messages) => {
      const id = messages[0]!.content;
      started.push(id);
      running += 1;
      maxRunning = Math.max(maxRunning, running);
      return new Promise<Completion>((resolve, reject) => {
        finishers.set(id, (fail) => {
          running -= 1;
          if (fail) reject(new Error(fail));
          else resolve({ text: id, usage: { promptTokens: 0, completionTokens: 0, totalTokens: 0 }, model: 'm', finishReason: 'stop' });
        });
      });
    },
    listModels: async () => [{ id: 'm' }],
    check: async () => ({ model: 'm', models: [{ id: 'm' }] }),
  };
  return { provider, started, finish: (id: string, fail?: string) => finishers.get(id)!(fail), max: () => maxRunning };
}

const msg = (id: string) => [{ role: 'user' as const, content: id }];

describe('limitConcurrency', () => {
  it('runs at most N, first come first served, and a failure frees its slot', async () => {
    const m = manualProvider();
    const limited = limitConcurrency(m.provider, 2);
    const calls = ['a', 'b', 'c', 'd', 'e'].map((id) =>
      limited.complete(msg(id)).then(
        (r) => r.text,
        (e: Error) => `failed ${e.message}`,
      ),
    );
    await settled();
    expect(m.started).toEqual(['a', 'b']);
    expect([limited.active, limited.waiting]).toEqual([2, 3]);
    m.finish('b', 'boom');
    await settled();
    expect(m.started).toEqual(['a', 'b', 'c']);
    m.finish('a');
    m.finish('c');
    await settled();
    expect(m.started).toEqual(['a', 'b', 'c', 'd', 'e']);
    m.finish('d');
    m.finish('e');
    expect(await Promise.all(calls)).toEqual(['a', 'failed boom', 'c', 'd', 'e']);
    expect(m.max()).toBe(2);
    expect([limited.active, limited.waiting]).toEqual([0, 0]);
  });

  it('an aborted waiter leaves the line with its abort reason and never runs', async () => {
    const m = manualProvider();
    const limited = limitConcurrency(m.provider, 1);
    const controller = new AbortController();
    const first = limited.complete(msg('a'));
    const second = limited.complete(msg('b'), { signal: controller.signal }).catch((e: unknown) => e);
    const third = limited.complete(msg('c'));
    controller.abort(new Error('stop'));
    expect(await second).toMatchObject({ message: 'stop' });
    m.finish('a');
    await first;
    await settled();
    m.finish('c');
    await third;
    expect(m.started).toEqual(['a', 'c']);
  });

  it('an already aborted signal does not take a slot', async () => {
    const m = manualProvider();
    const limited = limitConcurrency(m.provider, 1);
    await expect(limited.complete(msg('a'), { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
    expect(limited.active).toBe(0);
  });

  it('listModels and check do not queue behind letters', async () => {
    const m = manualProvider();
    const limited = limitConcurrency(m.provider, 1);
    void limited.complete(msg('a'));
    expect(await limited.listModels()).toEqual([{ id: 'm' }]);
    expect((await limited.check()).model).toBe('m');
    m.finish('a');
  });

  it('rejects a nonsense stream count', () => {
    const m = manualProvider();
    for (const bad of [0, -1, 1.5, Number.NaN]) expect(() => limitConcurrency(m.provider, bad)).toThrow(RangeError);
    expect(limitConcurrency(m.provider, Number.POSITIVE_INFINITY).streams).toBe(Number.POSITIVE_INFINITY);
  });
});

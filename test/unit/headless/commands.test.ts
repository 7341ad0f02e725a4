import { describe, expect, it } from 'vitest';
import { runCommand } from '../../../main/headless/commands';

/** A core whose contract answers from a table: what each command asks, and what it prints. */
function fakeCore(answers: Record<string, unknown>) {
  const calls: [string, unknown][] = [];
  return {
    calls,
    invoke: async (name: string, input: unknown) => {
      calls.push([name, input]);
      const value = answers[name];
      return value instanceof Error
        ? { ok: false as const, error: { code: 'hh_captcha' as const, message: value.message } }
        : { ok: true as const, value };
    },
  };
}

const run = async (core: ReturnType<typeof fakeCore>, command: Parameters<typeof runCommand>[1], args: string[] = []) => {
  const lines: string[] = [];
  const code = await runCommand(core, command, args, (line) => lines.push(line));
  return { code, lines };
};

describe('headless commands', () => {
  it('status: sign-in, why the automation is (not) running, each job', async () => {
    const core = fakeCore({
      'automation.status': {
        reason: 'quiet_hours',
        until: '2026-11-28T05:00:00.000Z',
        nextRunAt: null,
        jobs: [{ job: 'search:1', outcome: 'ok', message: '3 new of 40', nextDueAt: '2026-11-27T14:00:00.000Z' }],
      },
      'hh.status': { signedIn: true, via: 'website' },
    });
    const { code, lines } = await run(core, 'status');
    expect(code).toBe(0);
    expect(lines).toEqual([
      'hh.ru: signed in (website)',
      'automation: quiet_hours until 2026-11-28T05:00:00.000Z; next run -',
      '  search:1: ok (3 new of 40); next 2026-11-27T14:00:00.000Z',
    ]);
  });

  it('run and send take a number; without one they say how to find it', async () => {
    const core = fakeCore({
      'searches.run': { found: 40, added: 3, updated: 37 },
      'letters.send': { application: { state: 'sent', transport: 'website' } },
    });
    expect(await run(core, 'run', ['1'])).toEqual({ code: 0, lines: ['hh.ru found 40; 3 new, 37 already known.'] });
    expect(await run(core, 'send', ['12'])).toEqual({ code: 0, lines: ['Letter 12: sent (via website).'] });
    expect(core.calls).toEqual([
      ['searches.run', { id: 1 }],
      ['letters.send', { applicationId: 12 }],
    ]);
    const missing = await run(core, 'send', ['x']);
    expect(missing.code).toBe(2);
    expect(missing.lines[0]).toMatch(/drafts/);
  });

  it("a refusal prints the core's sentence and exits 1", async () => {
    const core = fakeCore({ 'chats.sync': new Error('hh.ru asks you to solve a captcha.') });
    expect(await run(core, 'sync')).toEqual({ code: 1, lines: ['Error (hh_captcha): hh.ru asks you to solve a captcha.'] });
  });

  it('drafts and searches list what waits, with numbers', async () => {
    const core = fakeCore({
      'letters.list': {
        total: 1,
        items: [
          {
            application: { id: 7, state: 'draft' },
            vacancy: { title: 'Python-разработчик', employer: { name: 'Ромашка' } },
            validation: { ok: false },
          },
        ],
      },
      'searches.list': [{ id: 1, name: 'Python', mode: 'autopilot', active: true, intervalHours: 4 }],
    });
    expect((await run(core, 'drafts')).lines).toEqual(['7\tPython-разработчик - Ромашка\tneeds editing']);
    expect((await run(core, 'searches')).lines).toEqual(['1\tPython\tautopilot\tevery 4 h']);
  });
});

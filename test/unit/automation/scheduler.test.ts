import { readRecord } from '../../../main/core/automation/reports';
import { describe, expect, it, vi } from 'vitest';
import { AutomationSwitch } from '../../../main/core/pause';
import { Scheduler, type Job } from '../../../main/core/automation/scheduler';
import { CoreEvents } from '../../../main/core/events';
import { defaultPreferences, memoryPreferences, silentLogger } from '../../../main/core/ports';
import { useTestDatabase } from '../../support/db-fixture';
import { gate } from '../../support/wait';

const HOUR = 3_600_000;

describe('the scheduler', () => {
  const database = useTestDatabase();

  function setUp(jobs: Job[]) {
    const { repos, clock } = database();
    const automation = new AutomationSwitch(memoryPreferences(defaultPreferences(clock)), clock, new CoreEvents());
    const scheduler = new Scheduler({
      jobRuns: repos.jobRuns,
      clock,
      log: silentLogger,
      jobs: async () => jobs,
      gate: async () => (automation.state().paused ? 'paused' : null),
    });
    return { repos, clock, automation, scheduler };
  }

  const counting = (id: string, intervalMs: number) => {
    const job = { id, intervalMs, runs: 0, run: async () => `run ${++job.runs}` };
    return job;
  };

  it('runs a job never run before at once, then at its interval, counted from when it ended', async () => {
    const search = counting('search:1', 4 * HOUR);
    const { clock, scheduler, repos } = setUp([search]);
    await scheduler.tick();
    expect(search.runs).toBe(1);
    clock.advance(4 * HOUR - 60_000);
    await scheduler.tick();
    expect(search.runs).toBe(1);
    clock.advance(60_000);
    await scheduler.tick();
    expect(search.runs).toBe(2);
    expect(await repos.jobRuns.get('search:1')).toMatchObject({
      outcome: 'ok',
      message: 'run 2',
      nextDueAt: new Date(clock.now().getTime() + 4 * HOUR).toISOString(),
    });
  });

  it('a laptop that slept 9 hours runs each overdue job once, not once per missed interval', async () => {
    const sync = counting('sync:chats', 10 * 60_000);
    const search = counting('search:1', 4 * HOUR);
    const { clock, scheduler } = setUp([search, sync]);
    await scheduler.tick();
    clock.advance(9 * HOUR);
    await scheduler.tick();
    await scheduler.tick();
    expect([search.runs, sync.runs]).toEqual([2, 2]);
  });

  it('a job never runs twice at once; a tick during a pass joins it', async () => {
    const release = gate();
    let started = 0;
    const slow: Job = { id: 'search:1', intervalMs: HOUR, run: async () => (started++, await release.opened, 'done') };
    const { scheduler } = setUp([slow]);
    const first = scheduler.tick();
    const second = scheduler.tick();
    expect(second).toBe(first);
    await vi.waitFor(() => expect(started).toBe(1));
    // A conflict the user can act on (409 on the Local API), not an internal error.
    await expect(scheduler.runNow(slow)).rejects.toMatchObject({
      code: 'conflict',
      details: { job: 'search:1' },
      message: expect.stringMatching(/already running/),
    });
    release.open(undefined);
    await first;
    expect(started).toBe(1);
  });

  it('a pause stops every job and survives into the next pass; resuming lets them run', async () => {
    const search = counting('search:1', HOUR);
    const { automation, scheduler } = setUp([search]);
    automation.setPaused(true);
    await scheduler.tick();
    expect(search.runs).toBe(0);
    automation.setPaused(false);
    await scheduler.tick();
    expect(search.runs).toBe(1);
  });

  it('a failing job is recorded and tried once more at the next check; after a second failure in a row, only after its interval', async () => {
    let calls = 0;
    const failing: Job = {
      id: 'sync:chats',
      intervalMs: 10 * 60_000,
      run: async () => (calls++, Promise.reject(new Error('hh.ru is down'))),
    };
    const { clock, scheduler, repos } = setUp([failing]);
    await scheduler.tick();
    const run = await repos.jobRuns.get('sync:chats');
    expect(run).toMatchObject({ outcome: 'failed' });
    // A report the window translates by its code, with the English sentence kept for the CLI and the log.
    expect(readRecord(run!.message)).toEqual({ key: 'failed', params: { code: 'internal', message: 'hh.ru is down' } });
    clock.advance(60_000);
    await scheduler.tick();
    expect(calls).toBe(2);
    clock.advance(60_000);
    await scheduler.tick();
    expect(calls).toBe(2);
    clock.advance(9 * 60_000);
    await scheduler.tick();
    expect(calls).toBe(3);
  });

  it('"Run now" with keepSchedule leaves the next scheduled run where it was; a cancelled run keeps its time', async () => {
    let calls = 0;
    const job: Job = { id: 'search:1', intervalMs: 4 * 3_600_000, run: async () => (calls++, 'done') };
    const { clock, scheduler, repos } = setUp([job]);
    await scheduler.tick();
    const due = (await repos.jobRuns.get('search:1'))!.nextDueAt;
    clock.advance(3_600_000);
    await scheduler.runNow(job, { keepSchedule: true });
    expect((await repos.jobRuns.get('search:1'))!.nextDueAt).toBe(due);
    await scheduler.runNow(job);
    expect((await repos.jobRuns.get('search:1'))!.nextDueAt).toBe(new Date(clock.now().getTime() + 4 * 3_600_000).toISOString());
    expect(calls).toBe(3);
  });
});

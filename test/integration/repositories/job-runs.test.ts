import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../support/db-fixture';

const at = (iso: string) => new Date(iso);

describe('JobRunRepository', () => {
  const t = useTestDatabase();

  it('records a start, then a finish with its outcome and next time', async () => {
    const { repos, clock } = t();
    expect(await repos.jobRuns.get('search:1')).toBeUndefined();
    await repos.jobRuns.markStarted('search:1', at('2025-03-14T08:59:00Z'));
    expect(await repos.jobRuns.get('search:1')).toEqual({
      job: 'search:1',
      lastStartedAt: '2025-03-14T08:59:00.000Z',
      lastFinishedAt: null,
      nextDueAt: null,
      outcome: null,
      message: null,
    });
    await repos.jobRuns.markFinished('search:1', 'ok', '12 new vacancies', at('2025-03-14T13:00:00Z'));
    expect(await repos.jobRuns.get('search:1')).toEqual({
      job: 'search:1',
      lastStartedAt: '2025-03-14T08:59:00.000Z',
      lastFinishedAt: clock.now().toISOString(),
      nextDueAt: '2025-03-14T13:00:00.000Z',
      outcome: 'ok',
      message: '12 new vacancies',
    });
  });

  it('a new start keeps the last outcome and schedule', async () => {
    const { jobRuns } = t().repos;
    await jobRuns.markStarted('chats', at('2025-03-14T08:00:00Z'));
    await jobRuns.markFinished('chats', 'failed', 'hh.ru: 503', at('2025-03-14T08:30:00Z'));
    await jobRuns.markStarted('chats', at('2025-03-14T08:30:00Z'));
    expect(await jobRuns.get('chats')).toMatchObject({
      lastStartedAt: '2025-03-14T08:30:00.000Z',
      outcome: 'failed',
      message: 'hh.ru: 503',
      nextDueAt: '2025-03-14T08:30:00.000Z',
    });
    await jobRuns.markFinished('chats', 'skipped', null, null);
    expect(await jobRuns.get('chats')).toMatchObject({ outcome: 'skipped', message: null, nextDueAt: null });
  });

  it('lists every job by name', async () => {
    const { jobRuns } = t().repos;
    await jobRuns.markFinished('resumes', 'ok', null, null);
    await jobRuns.markStarted('chats', at('2025-03-14T08:00:00Z'));
    expect((await jobRuns.list()).map((run) => run.job)).toEqual(['chats', 'resumes']);
  });

  it('due() returns jobs whose time has come or that have no schedule', async () => {
    const { jobRuns } = t().repos;
    await jobRuns.markFinished('later', 'ok', null, at('2025-03-14T12:00:00Z'));
    await jobRuns.markFinished('exactly-now', 'ok', null, at('2025-03-14T09:00:00Z'));
    await jobRuns.markFinished('overdue', 'failed', 'timeout', at('2025-03-14T08:00:00Z'));
    await jobRuns.markStarted('never-finished', at('2025-03-14T07:00:00Z'));
    const now = at('2025-03-14T09:00:00Z');
    expect((await jobRuns.due(now)).map((run) => run.job)).toEqual(['never-finished', 'overdue', 'exactly-now']);
    expect((await jobRuns.due(at('2025-03-14T12:00:00.001Z'))).map((run) => run.job)).toContain('later');
  });
});

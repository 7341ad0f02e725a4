import { describe, expect, it } from 'vitest';
import type { Dashboard } from '../../../shared/contract';
import { closeAfterEach, ok } from '../../support/contract';
import { startSiteApp } from '../../support/site-app';

const keep = closeAfterEach();

describe('the dashboard numbers', () => {
  it('counts found, drafted, sent, viewed, invited and rejected per period and day, and invitations per template and per search', async () => {
    const { core, site, clock } = await startSiteApp(keep, { vacancies: 30 });
    ok(await core.invoke('applying.setSettings', { dailyCap: 3 }));
    ok(
      await core.invoke('searches.save', { search: { name: 'Python', filters: { text: 'Python' }, intervalHours: 4, mode: 'autopilot' } }),
    );

    const empty = ok<Dashboard>(await core.invoke('dashboard.get', { days: 7 }));
    expect(empty.totals).toEqual({ found: 0, drafted: 0, sent: 0, viewed: 0, invited: 0, rejected: 0 });
    expect(empty.perDay.map((d) => d.date)).toEqual([
      '2026-11-21',
      '2026-11-22',
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
    ]);

    await core.automation.scheduler.tick();
    expect(site.applications).toHaveLength(3);
    // The next day the employers answer: one invitation, one rejection, one only viewed.
    clock.advance(24 * 3_600_000);
    const [invited, rejected, viewed] = site.applications;
    site.updateTopic(invited!.topicId, { state: 'INVITATION' });
    site.updateTopic(rejected!.topicId, { state: 'DISCARD' });
    site.updateTopic(viewed!.topicId, { viewed: true });
    await core.automation.scheduler.tick();

    const week = ok<Dashboard>(await core.invoke('dashboard.get', { days: 7 }));
    const found = ok<{ total: number }>(await core.invoke('vacancies.list', { statuses: [], limit: 1 })).total;
    expect(week.totals).toMatchObject({ found, sent: 3, viewed: 1, invited: 1, rejected: 1 });
    expect(week.totals.drafted).toBeGreaterThanOrEqual(3);
    expect(week.funnel).toMatchObject({ sent: 3, viewed: 3, invited: 1 });
    expect(week.perDay.find((d) => d.date === '2026-11-27')).toMatchObject({ found, sent: 3, invited: 0 });
    expect(week.perDay.find((d) => d.date === '2026-11-28')).toMatchObject({ found: 0, sent: 0, invited: 1 });
    // No template of the user's own: the built-in one, id null.
    expect(week.byTemplate).toEqual([{ id: null, name: '', sent: 3, invited: 1 }]);
    expect(week.bySearch).toEqual([{ id: expect.any(Number), name: 'Python', sent: 3, invited: 1 }]);
    expect(week.needsYou).toMatchObject({ lettersToReview: week.totals.drafted - 3, captcha: false, signedOut: false });
    expect(week.needsYou.applyByHand).toBeGreaterThan(0);

    // "Today" is the second day: the answers, not the applications.
    const today = ok<Dashboard>(await core.invoke('dashboard.get', { days: 1 }));
    expect(today.totals).toMatchObject({ found: 0, sent: 0, invited: 1, rejected: 1 });
    expect(today.funnel.sent).toBe(0);
  });
});

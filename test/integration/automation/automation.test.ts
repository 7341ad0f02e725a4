import { describe, expect, it } from 'vitest';
import type { AutomationStatus, Notice } from '../../../shared/contract';
import { siteReplies } from '../../fakes/hh-site/server';
import { closeAfterEach, ok } from '../../support/contract';
import { startSiteApp } from '../../support/site-app';

const keep = closeAfterEach();

/** The app with the user's website session, signed in, a profile for the letters' contacts, a clock the test moves. */
const signedInApp = (start?: number) => startSiteApp(keep, start === undefined ? {} : { start });

const search = (mode: 'review' | 'autopilot') => ({ name: 'Python', filters: { text: 'Python' }, intervalHours: 4, mode });

describe('the engine, against the fake hh.ru website', () => {
  it('review: a scheduled run finds vacancies and drafts letters, sends nothing, and sends those needing a test to the user', async () => {
    const { core, site } = await signedInApp();
    ok(await core.invoke('searches.save', { search: search('review') }));
    await core.automation.scheduler.tick();
    const letters = ok<{ total: number; items: { application: { state: string } }[] }>(await core.invoke('letters.list', { states: [] }));
    expect(letters.total).toBeGreaterThan(0);
    expect(letters.items.every((item) => item.application.state === 'draft')).toBe(true);
    expect(site.applications).toHaveLength(0);
    const manual = ok<{ total: number }>(await core.invoke('vacancies.list', { statuses: ['needs_manual'] }));
    expect(manual.total).toBeGreaterThan(0);
    const status = ok<AutomationStatus>(await core.invoke('automation.status', {}));
    expect(status.jobs.find((job) => job.job.startsWith('search:'))).toMatchObject({
      outcome: 'ok',
      message: expect.stringMatching(/letters drafted, 0 sent/),
    });
  });

  it('letters are written from the full vacancy, read once from hh.ru, not from the search snippet', async () => {
    const { core, site, clock } = await signedInApp();
    const saved = ok<{ id: number }[]>(await core.invoke('searches.save', { search: search('review') }));
    // The search stores snippets; "Run now" goes on like a scheduled run: each vacancy read in full, then letters.
    ok(await core.invoke('searches.run', { id: saved[0]!.id }));
    const reads = site.requests.filter((r) => r.route === 'GET /vacancy/{id}').map((r) => r.path);
    expect(reads.length).toBeGreaterThan(0);
    expect(new Set(reads).size).toBe(reads.length);
    clock.advance(4 * 3_600_000);
    await core.automation.scheduler.tick();
    const drafted = ok<{ items: { vacancy: { id: number } }[] }>(await core.invoke('letters.list', { states: ['draft'] })).items;
    expect(drafted.length).toBeGreaterThan(0);
    for (const item of drafted) expect((await core.repositories.vacancies.get(item.vacancy.id))?.descriptionText).not.toBe('');
    expect(site.vacancies().length).toBeGreaterThan(0);
  });

  it('autopilot sends within the daily limit, then says until when it waits', async () => {
    const { core, site } = await signedInApp();
    const heard: { kind: string }[] = [];
    core.events.on('automation.notify', (notification) => heard.push(notification));
    ok(await core.invoke('applying.setSettings', { dailyCap: 2 }));
    ok(await core.invoke('searches.save', { search: search('autopilot') }));
    await core.automation.scheduler.tick();
    expect(site.applications).toHaveLength(2);
    expect(heard.map((n) => n.kind)).toEqual(['applications_sent', 'limit_reached']);
    const status = ok<AutomationStatus>(await core.invoke('automation.status', {}));
    expect(status).toMatchObject({ reason: 'daily_limit', until: expect.any(String) });
  });

  it('the "per run" setting bounds what one run takes: 2 drafted, then 2 more at the next run', async () => {
    const { core, clock } = await signedInApp();
    ok(await core.invoke('applying.setSettings', { perRunCap: 2 }));
    ok(await core.invoke('searches.save', { search: search('review') }));
    await core.automation.scheduler.tick();
    const drafts = async () => ok<{ total: number }>(await core.invoke('letters.list', { states: ['draft'] })).total;
    const afterFirst = await drafts();
    expect(afterFirst).toBeGreaterThan(0);
    expect(afterFirst).toBeLessThanOrEqual(2);
    const waiting = ok<{ total: number }>(await core.invoke('vacancies.list', { statuses: ['found'] })).total;
    expect(waiting).toBeGreaterThan(0);
    clock.advance(4 * 3_600_000);
    await core.automation.scheduler.tick();
    expect(await drafts()).toBeGreaterThan(afterFirst);
    expect(await drafts()).toBeLessThanOrEqual(4);
  });

  it('no application goes out in quiet hours; searching and drafting go on', async () => {
    const { core, site } = await signedInApp(new Date(2026, 10, 27, 23, 30).getTime());
    ok(await core.invoke('searches.save', { search: search('autopilot') }));
    await core.automation.scheduler.tick();
    expect(site.applications).toHaveLength(0);
    expect(ok<{ total: number }>(await core.invoke('letters.list', { states: ['draft'] })).total).toBeGreaterThan(0);
    expect(ok<AutomationStatus>(await core.invoke('automation.status', {}))).toMatchObject({ reason: 'quiet_hours' });
  });

  it('the 10-minute sync reads responses and tells the user about an invitation, once', async () => {
    const { core, site, clock } = await signedInApp();
    const heard: { kind: string; params: Record<string, string | number> }[] = [];
    core.events.on('automation.notify', (notification) => heard.push(notification));
    const [vacancy] = site.vacancies();
    const topic = site.addResponse(vacancy!.id);
    await core.automation.scheduler.tick();
    expect(heard).toEqual([]);
    site.employerMessage(topic.chatId, 'Приглашаем вас на собеседование в четверг в 11:00.', { state: 'INVITATION' });
    clock.advance(10 * 60_000);
    await core.automation.scheduler.tick();
    expect(heard).toEqual([{ kind: 'invitation', params: expect.objectContaining({ count: 1 }) }]);
    clock.advance(10 * 60_000);
    await core.automation.scheduler.tick();
    expect(heard).toHaveLength(1);
  });

  it("raising resumes is off until the user turns it on; then each resume is raised every 4 hours, hh.ru's own limit is no failure", async () => {
    const { core, site, clock } = await signedInApp();
    // Each attempt; the fake keeps hh.ru's 4-hour rule on its own clock, which the test does not move.
    const raised = () =>
      site.requests.filter((request) => request.method === 'POST' && request.path === '/profile/shards/resume/touch').length;
    await core.automation.scheduler.tick();
    expect(raised()).toBe(0);
    expect(ok<AutomationStatus>(await core.invoke('automation.setRaiseResumes', { enabled: true }))).toMatchObject({ raiseResumes: true });
    await core.automation.scheduler.tick();
    const first = raised();
    expect(first).toBeGreaterThan(0);
    clock.advance(60 * 60_000);
    await core.automation.scheduler.tick();
    expect(raised()).toBe(first);
    clock.advance(4 * 60 * 60_000);
    await core.automation.scheduler.tick();
    expect(raised()).toBe(first * 2);
    expect(site.touches).toHaveLength(first); // the second round met hh.ru's rule: refused, and not a failure
    const status = ok<AutomationStatus>(await core.invoke('automation.status', {}));
    expect(status.jobs.find((job) => job.job === 'raise:resumes')).toMatchObject({ outcome: 'ok', message: '0 resumes raised' });
  });

  it('paused: nothing runs; with no saved search the status says there is nothing set up', async () => {
    const { core, site } = await signedInApp();
    expect(ok<AutomationStatus>(await core.invoke('automation.status', {}))).toMatchObject({ reason: 'nothing_set_up' });
    ok(await core.invoke('automation.setPaused', { paused: true }));
    ok(await core.invoke('searches.save', { search: search('autopilot') }));
    await core.automation.scheduler.tick();
    expect(ok<{ total: number }>(await core.invoke('vacancies.list', {})).total).toBe(0);
    expect(site.applications).toHaveLength(0);
    expect(ok<AutomationStatus>(await core.invoke('automation.status', {}))).toMatchObject({ reason: 'paused', paused: true });
  });
});

describe('hh.ru states pause everything the same way', () => {
  it('a captcha met by a search pauses the automation with the notice that opens it; an ended session met by the chat sync says "sign in"', async () => {
    const { core, site, clock } = await signedInApp();
    ok(await core.invoke('searches.save', { search: search('review') }));
    site.failNext('GET /search/vacancy', siteReplies.captchaRedirect('/search/vacancy'));
    await core.automation.scheduler.tick();
    const paused = ok<AutomationStatus>(await core.invoke('automation.status', {}));
    expect(paused).toMatchObject({ paused: true, reason: 'captcha' });
    const [notice] = ok<Notice[]>(await core.invoke('notices.list', {}));
    expect(notice).toMatchObject({ id: 'hh.stopped', code: 'hh_captcha', params: { url: expect.stringContaining('/account/captcha') } });
    // While paused, nothing else runs: the sync and the rest wait.
    const before = site.requests.length;
    clock.advance(10 * 60_000);
    await core.automation.scheduler.tick();
    expect(site.requests.length).toBe(before);

    // Resumed; the session ends under the chat sync: the same pause, now asking to sign in.
    ok(await core.invoke('automation.setPaused', { paused: false }));
    site.failNext('GET /applicant/negotiations', siteReplies.loginRedirect('/applicant/negotiations'), { times: 3 });
    clock.advance(10 * 60_000);
    await core.automation.scheduler.tick();
    expect(ok<AutomationStatus>(await core.invoke('automation.status', {}))).toMatchObject({ paused: true, reason: 'signed_out' });
    expect(ok<Notice[]>(await core.invoke('notices.list', {}))[0]).toMatchObject({ id: 'hh.stopped', code: 'hh_login_required' });
  });

  it('"Refresh" in Chats reads nothing from hh.ru while the app says the user is signed out', async () => {
    const { core, site } = await signedInApp();
    ok(await core.invoke('hh.signOut', {}));
    const before = site.requests.length;
    const refused = await core.invoke('chats.sync', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'hh_signed_out', next: { kind: 'sign_in' } } });
    expect(site.requests.length).toBe(before);
  });
});

import { readFile } from 'node:fs/promises';
import { expect, it, vi } from 'vitest';
import type { HhPages } from '../../../shared/domain';
import type { Notice, SearchRunOutcome } from '../../../shared/contract';
import { statePage } from '../../fakes/hh-site/pages';
import { closeAfterEach, ok } from '../../support/contract';
import { startSiteApp } from '../../support/site-app';

/** hh.ru's pages checked: at sign-in, before scheduled runs and on demand; a page not understood holds Autopilot's sending. */

const keep = closeAfterEach();

for (const shape of ['2026', 'older'] as const) {
  it(`at sign-in every page the app depends on is read and understood (${shape} pages)`, async () => {
    const { core } = await startSiteApp(keep, { shape, vacancies: 10 });
    await vi.waitFor(async () => expect(ok<HhPages>(await core.invoke('hh.pages', {})).checkedAt).not.toBeNull());
    const { pages, supported } = ok<HhPages>(await core.invoke('hh.pages', {}));
    expect(supported).toBe(true);
    expect(pages.map((p) => [p.page, p.state])).toEqual([
      ['resumes', 'ok'],
      ['resume', 'ok'],
      ['search', 'ok'],
      ['vacancy', 'ok'],
      ['negotiations', 'ok'],
      ['chats', 'ok'],
    ]);
    expect(pages.filter((p) => ['resumes', 'resume', 'search', 'vacancy'].includes(p.page)).map((p) => p.shape)).toEqual([
      shape,
      shape,
      shape,
      shape,
    ]);
  });
}

it('a page whose state sits under a key the app does not know holds Autopilot with a notice naming it; its keys, none of its values, are saved; review goes on', async () => {
  const { core, site } = await startSiteApp(keep, { vacancies: 10 });
  await vi.waitFor(async () => expect(ok<HhPages>(await core.invoke('hh.pages', {})).checkedAt).not.toBeNull());
  // hh.ru moves the resume page's state.
  const moved = {
    userType: 'applicant',
    applicantResumeV3: {
      title: [{ string: 'Секретный заголовок' }],
      email: [{ string: site.user.email }],
      experience: [{ companyName: 'Тайная Компания' }],
    },
  };
  site.failNext(
    'GET /resume/{hash}',
    { status: 200, headers: { 'content-type': 'text/html' }, body: statePage(moved, { escape: true }) },
    { times: 1000 },
  );

  const heard: HhPages[] = [];
  core.events.on('hh.pagesChecked', (pages) => heard.push(pages));
  const checked = ok<HhPages>(await core.invoke('hh.checkPages', {}));
  // The window hears the check (Settings shows it without asking).
  expect(heard).toEqual([checked]);
  const resume = checked.pages.find((p) => p.page === 'resume')!;
  expect(resume).toMatchObject({ state: 'changed', savedShape: expect.stringContaining('resume.json') });
  const notice = ok<Notice[]>(await core.invoke('notices.list', {})).find((n) => n.id === 'hh.pageChanged');
  expect(notice).toMatchObject({ code: 'hh_page_changed_hold', level: 'error', params: { page: 'resume', file: resume.savedShape } });
  const saved = await readFile(resume.savedShape!, 'utf8');
  expect(JSON.parse(saved)).toMatchObject({
    page: 'resume',
    keys: { applicantResumeV3: { title: [{ string: 'string' }], experience: [{ companyName: 'string' }] } },
  });
  for (const value of ['Секретный заголовок', site.user.email, 'Тайная Компания']) expect(saved).not.toContain(value);

  // Autopilot writes but does not send; the run says why.
  ok(await core.invoke('searches.save', { search: { name: 'Все', filters: { text: '' }, intervalHours: 4, mode: 'autopilot' } }));
  const run = ok<SearchRunOutcome>(await core.invoke('searches.run', { id: 1 }));
  expect(run).toMatchObject({ sent: 0, stoppedBy: 'page_changed' });
  expect(run.drafted).toBeGreaterThan(0);
  expect(site.applications).toHaveLength(0);

  // hh.ru's page reads again (an updated app, or hh.ru rolled back): the hold ends with the next check.
  site.clearFailures();
  expect(ok<HhPages>(await core.invoke('hh.checkPages', {})).pages.every((p) => p.state === 'ok')).toBe(true);
  expect(ok<Notice[]>(await core.invoke('notices.list', {})).some((n) => n.id === 'hh.pageChanged')).toBe(false);
});

import { describe, expect, it } from 'vitest';
import { VACANCY_ID_BASE } from '../../fakes/hh-site/data';
import { closeAfterEach } from '../../support/contract';
import { startLocalApi } from '../../support/local-api';
import { startSiteApp } from '../../support/site-app';

const keep = closeAfterEach();

describe('Local API: a script over HTTP only', () => {
  it('checks the sign-in, creates a search and runs it, lists vacancies, edits and sends a letter, and reads the stats', async () => {
    // The app as the user left it: signed in to the (fake) hh.ru website, with a profile.
    const { core, site, clock } = await startSiteApp(keep);
    const api = keep(await startLocalApi(core, { clock }));
    const expectDocumented = (answer: { problems: string[] }) => expect(answer.problems).toEqual([]);

    const hh = await api.call('get', '/hh/status', { token: api.read.token });
    expectDocumented(hh);
    expect(hh).toMatchObject({ status: 200, body: { signedIn: true, via: 'website' } });

    expect((await api.call('put', '/ai/settings', { body: { settings: { kind: 'template' } } })).status).toBe(200);

    const created = await api.call('post', '/searches', { body: { name: 'Python', filters: { text: 'Python' }, mode: 'review' } });
    expectDocumented(created);
    expect(created.status).toBe(201);
    const searchId = (created.body as { id: number; name: string }[]).find((s) => s.name === 'Python')!.id;

    const run = await api.call('post', `/searches/${searchId}/run`, { template: '/searches/{id}/run' });
    expectDocumented(run);
    expect(run.body).toMatchObject({ cancelled: false });
    expect(run.body.added).toBeGreaterThan(0);

    // The run drafted letters and set some vacancies aside: every vacancy it added is listed, whatever its status.
    const list = await api.call('get', '/vacancies?limit=200', { token: api.read.token, template: '/vacancies' });
    expectDocumented(list);
    expect(list.body.total).toBe(run.body.added);
    // One without a test or an employer's own form (see the fake site's data), so the app applies to it itself.
    const plain = (hhId: string) => ((i) => i % 7 !== 6 && i % 11 !== 10)(Number(hhId) - VACANCY_ID_BASE - 1);
    const vacancy = (list.body.items as { id: number; hhId: string }[]).find((v) => plain(v.hhId))!;

    const drafted = await api.call('post', `/vacancies/${vacancy.id}/letter`, { template: '/vacancies/{vacancyId}/letter' });
    expectDocumented(drafted);
    expect(drafted).toMatchObject({ status: 201, body: { application: { state: 'draft' }, validation: { ok: true } } });
    const { id: letterId, letter } = drafted.body.application as { id: number; letter: string };

    const edited = await api.call('put', `/letters/${letterId}`, {
      template: '/letters/{applicationId}',
      body: { letter: `Добрый день!\n\n${letter}` },
    });
    expectDocumented(edited);
    expect(edited.body.application.letter.startsWith('Добрый день!')).toBe(true);

    const sent = await api.call('post', `/letters/${letterId}/send`, { template: '/letters/{applicationId}/send' });
    expectDocumented(sent);
    expect(sent).toMatchObject({ status: 200, body: { application: { state: 'sent' } } });
    expect(site.applications).toHaveLength(1);

    const late = await api.call('put', `/letters/${letterId}`, { template: '/letters/{applicationId}', body: { letter: 'Другое письмо' } });
    expectDocumented(late);
    expect(late).toMatchObject({ status: 409, body: { ok: false, error: { code: 'conflict' } } });

    const stats = await api.call('get', '/dashboard?days=7', { token: api.read.token, template: '/dashboard' });
    expectDocumented(stats);
    expect(stats.body.totals).toMatchObject({ sent: 1, found: run.body.added });

    // Every change is in the activity log with the token's id; the reads are not.
    const log = await api.call('get', '/activity?action=local_api.call&limit=50', { token: api.read.token, template: '/activity' });
    expect((log.body.items as { target: string; details: string }[]).map((e) => e.target).reverse()).toEqual([
      'PUT /api/v1/ai/settings',
      'POST /api/v1/searches',
      `POST /api/v1/searches/${searchId}/run`,
      `POST /api/v1/vacancies/${vacancy.id}/letter`,
      `PUT /api/v1/letters/${letterId}`,
      `POST /api/v1/letters/${letterId}/send`,
      `PUT /api/v1/letters/${letterId}`,
    ]);
    expect(log.body.items.every((e: { details: string }) => e.details.includes(`token ${api.write.info.id}`))).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { HhError } from '../../../main/core/hh/errors';
import { useTestDatabase } from '../../support/db-fixture';
import { lettersWorld, response } from './letters-world';

describe('reconciling at start the letters an interruption left in "sending"', () => {
  const database = useTestDatabase();

  it('reads every page of responses: found ones are sent with their negotiation and path, their vacancies applied; the rest go back to draft', async () => {
    const { repos, hh, letters, draft } = await lettersWorld(database(), { perPage: 2 });
    const onPage2 = await draft();
    await repos.vacancies.setStatus(onPage2.vacancy.id, 'drafted');
    const lost = await draft();
    for (const { application } of [onPage2, lost]) await repos.applications.transition(application.id, 'draft', 'sending');
    hh.state.responses = [
      response('a', '1'),
      response('b', '2'),
      response('c', '3'),
      response('d', '4'),
      response('neg-5', onPage2.vacancy.hhId),
    ];

    expect(await letters.reconcile()).toBe(2);
    expect(hh.calls.apply).not.toHaveBeenCalled();
    // Three pages of two: the lost one is looked for to the end.
    expect(hh.calls.negotiations.mock.calls.map(([page]) => page)).toEqual([0, 1, 2]);
    expect(await repos.applications.get(onPage2.application.id)).toMatchObject({
      state: 'sent',
      hhNegotiationId: 'neg-5',
      transport: 'official',
      sentAt: expect.any(String),
    });
    expect((await repos.vacancies.get(onPage2.vacancy.id))?.status).toBe('applied');
    expect(await repos.applications.get(lost.application.id)).toMatchObject({
      state: 'draft',
      lastError: expect.stringContaining('no record'),
    });
  });

  it('stops reading pages once every letter is found', async () => {
    const { repos, hh, letters, draft } = await lettersWorld(database(), { perPage: 2 });
    const { vacancy, application } = await draft();
    await repos.applications.transition(application.id, 'draft', 'sending');
    hh.state.responses = [response('neg-1', vacancy.hhId), response('b', '2'), response('c', '3'), response('d', '4')];
    await letters.reconcile();
    expect(hh.calls.negotiations).toHaveBeenCalledTimes(1);
  });

  it('a page that fails leaves every letter in "sending" (nothing is half-settled)', async () => {
    const { repos, hh, letters, draft } = await lettersWorld(database(), { perPage: 1 });
    const { application } = await draft();
    await repos.applications.transition(application.id, 'draft', 'sending');
    hh.state.responses = [response('a', '1'), response('b', '2')];
    hh.calls.negotiations
      .mockResolvedValueOnce({ items: [response('a', '1')], pages: 2 })
      .mockRejectedValueOnce(new HhError('hh_network', 'offline', { status: 0 }, { retryable: true }));
    await letters.reconcile();
    expect((await repos.applications.get(application.id))?.state).toBe('sending');
  });
});

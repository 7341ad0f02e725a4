import { describe, expect, it } from 'vitest';
import { HhError } from '../../../main/core/hh/errors';
import { sampleVacancy, useTestDatabase } from '../../support/db-fixture';
import { LETTER, lettersWorld } from './letters-world';

describe('sending a letter', () => {
  const database = useTestDatabase();

  /** A LetterService over real repositories with hh.ru played by a double (letters-world.ts). */
  const setUp = (options: { dailyCap?: number } = {}) => lettersWorld(database(), options);

  it('applies with the chosen resume, records sent with its path and negotiation, and marks the vacancy applied', async () => {
    const { repos, hh, letters, draft } = await setUp();
    const { vacancy, application } = await draft();
    const view = await letters.send(application.id);
    expect(hh.applied).toEqual([{ vacancyId: vacancy.hhId, resumeId: 'r1', resumeHash: 'h1', message: LETTER }]);
    expect(view.application).toMatchObject({ state: 'sent', transport: 'website', hhNegotiationId: 'n-1' });
    expect((await repos.vacancies.get(vacancy.id))?.status).toBe('applied');
    expect((await repos.auditLog.list({ limit: 1, offset: 0 })).items[0]).toMatchObject({
      action: 'application.sent',
      outcome: 'ok',
      details: 'via website',
    });
    // Sending again is a no-op: hh.ru is not asked twice.
    await letters.send(application.id);
    expect(hh.applied).toHaveLength(1);
  });

  it('refuses an invalid letter with its problems, and never asks hh.ru', async () => {
    const { repos, hh, letters, draft } = await setUp();
    const { application } = await draft();
    await repos.applications.updateLetter(application.id, 'Здравствуйте! [ИМЯ]');
    await expect(letters.send(application.id)).rejects.toMatchObject({ code: 'invalid_input', said: { key: 'letters.notValid' } });
    expect(hh.applied).toEqual([]);
  });

  it('hh.ru saying "already applied" records the letter as sent, not failed', async () => {
    const { repos, hh, letters, draft } = await setUp();
    const { vacancy, application } = await draft();
    hh.state.answer = () => Promise.reject(new HhError('hh_already_applied', 'already', { status: 403, value: 'already_applied' }));
    await expect(letters.send(application.id)).rejects.toMatchObject({ code: 'hh_already_applied' });
    expect((await repos.applications.get(application.id))?.state).toBe('sent');
    expect((await repos.vacancies.get(vacancy.id))?.status).toBe('applied');
  });

  it('a vacancy that needs the user (a test) fails the letter and sends the vacancy to manual handling', async () => {
    const { repos, hh, letters, draft } = await setUp();
    const { vacancy, application } = await draft();
    hh.state.answer = () => Promise.reject(new HhError('hh_needs_manual', 'test', { status: 400, value: 'test_required' }));
    await expect(letters.send(application.id)).rejects.toMatchObject({ code: 'hh_needs_manual' });
    expect((await repos.applications.get(application.id))?.state).toBe('failed');
    expect((await repos.vacancies.get(vacancy.id))?.status).toBe('needs_manual');
  });

  it("an employer's own site: the letter fails with the link, the vacancy needs the user", async () => {
    const { repos, hh, letters, draft } = await setUp();
    const { vacancy, application } = await draft();
    hh.state.answer = () => Promise.resolve({ kind: 'external', url: 'https://careers.example.ru/apply' });
    const view = await letters.send(application.id);
    expect(view.application).toMatchObject({ state: 'failed', lastError: expect.stringContaining('https://careers.example.ru/apply') });
    expect((await repos.vacancies.get(vacancy.id))?.status).toBe('needs_manual');
  });

  it('a captcha puts the letter back, pauses the automation and raises a notice', async () => {
    const { repos, hh, letters, automation, notices, draft } = await setUp();
    const { application } = await draft();
    const captcha = 'https://hh.ru/account/captcha?backurl=%2F';
    hh.state.answer = () =>
      Promise.reject(
        new HhError('hh_captcha', 'captcha', { status: 403, value: 'captcha_required' }, { next: { kind: 'open_captcha', url: captcha } }),
      );
    await expect(letters.send(application.id)).rejects.toMatchObject({ code: 'hh_captcha' });
    expect((await repos.applications.get(application.id))?.state).toBe('draft');
    expect(automation.state().paused).toBe(true);
    // The page to solve it on goes with the notice: the window offers to open it.
    expect(notices.list()).toEqual([expect.objectContaining({ id: 'hh.stopped', code: 'hh_captcha', params: { url: captcha } })]);
  });

  it('a passing hh.ru failure (5xx) puts the letter back to be sent later; an unknown refusal fails it', async () => {
    const { repos, hh, letters, draft } = await setUp();
    const first = await draft();
    hh.state.answer = () => Promise.reject(new HhError('hh_unavailable', 'down', { status: 503 }, { retryable: true }));
    await expect(letters.send(first.application.id)).rejects.toMatchObject({ code: 'hh_unavailable' });
    expect((await repos.applications.get(first.application.id))?.state).toBe('draft');

    const second = await draft();
    hh.state.answer = () => Promise.reject(new HhError('hh_bad_request', 'odd', { status: 400, value: 'odd' }));
    await expect(letters.send(second.application.id)).rejects.toMatchObject({ code: 'hh_bad_request' });
    expect((await repos.applications.get(second.application.id))?.state).toBe('failed');
    expect((await repos.vacancies.get(second.vacancy.id))?.status).toBe('failed');
  });

  it('the daily cap: the last slot sends, the next is refused with the cap and the time a slot frees', async () => {
    const { clock, hh, letters, cap, draft } = await setUp({ dailyCap: 2 });
    const sendOne = async () => letters.send((await draft()).application.id);
    await sendOne();
    const firstSentAt = clock.now().toISOString();
    clock.advance(60 * 60 * 1000);
    await sendOne();
    expect(await cap.status()).toMatchObject({
      sentLast24h: 2,
      remaining: 0,
      nextSlotAt: new Date(Date.parse(firstSentAt) + 86_400_000).toISOString(),
    });

    const refused = await draft();
    await expect(letters.send(refused.application.id)).rejects.toMatchObject({
      code: 'hh_limit_exceeded',
      said: { key: 'letters.capReached', params: { cap: 2, at: new Date(Date.parse(firstSentAt) + 86_400_000).toISOString() } },
    });
    expect(hh.applied).toHaveLength(2);

    // One millisecond short of 24 hours the first send still counts; at 24 hours its slot is free.
    clock.set(new Date(Date.parse(firstSentAt) + 86_400_000 - 1));
    expect((await cap.status()).remaining).toBe(0);
    clock.set(new Date(Date.parse(firstSentAt) + 86_400_000));
    expect((await cap.status()).remaining).toBe(1);
    await letters.send(refused.application.id);
    expect(hh.applied).toHaveLength(3);
  });
});

describe('reconciling letters a crash left in "sending"', () => {
  const database = useTestDatabase();

  it('asks hh.ru first: found means sent (with its negotiation), missing means it may be sent again', async () => {
    const { repos, hh, letters } = await lettersWorld(database());
    const facts = [sampleVacancy(), sampleVacancy()];
    await repos.vacancies.upsertMany(facts);
    const arrived = (await repos.vacancies.getByHhId(facts[0]!.hhId))!;
    const lost = (await repos.vacancies.getByHhId(facts[1]!.hhId))!;
    const a = await repos.applications.createDraft(arrived.id, 'r1', LETTER);
    const b = await repos.applications.createDraft(lost.id, 'r1', LETTER);
    await repos.applications.transition(a.id, 'draft', 'sending');
    await repos.applications.transition(b.id, 'draft', 'sending');
    hh.state.responses = [
      {
        id: 'neg-9',
        state: 'response',
        vacancyId: arrived.hhId,
        resumeId: 'r1',
        viewedByOpponent: false,
        hasUpdates: false,
        updatedAt: null,
      },
    ];

    expect(await letters.reconcile()).toBe(2);
    expect(hh.applied).toEqual([]);
    expect(await repos.applications.get(a.id)).toMatchObject({ state: 'sent', hhNegotiationId: 'neg-9' });
    expect(await repos.applications.get(b.id)).toMatchObject({ state: 'draft', lastError: expect.stringContaining('no record') });
  });

  it('leaves them in "sending" while hh.ru cannot be asked', async () => {
    const { repos, hh, letters } = await lettersWorld(database());
    hh.calls.negotiations.mockRejectedValueOnce(new HhError('hh_network', 'offline', { status: 0 }, { retryable: true }));
    const [facts] = [sampleVacancy()];
    await repos.vacancies.upsertMany([facts!]);
    const vacancy = (await repos.vacancies.getByHhId(facts!.hhId))!;
    const stuck = await repos.applications.createDraft(vacancy.id, 'r1', LETTER);
    await repos.applications.transition(stuck.id, 'draft', 'sending');
    await letters.reconcile();
    expect((await repos.applications.get(stuck.id))?.state).toBe('sending');
  });
});

import { describe, expect, it } from 'vitest';
import { sampleVacancy, useTestDatabase, type TestDatabase } from '../../support/db-fixture';

const storedVacancy = async ({ repos }: TestDatabase) => {
  const facts = sampleVacancy();
  await repos.vacancies.upsertMany([facts]);
  return (await repos.vacancies.getByHhId(facts.hhId))!.id;
};

describe('ApplicationRepository', () => {
  const t = useTestDatabase();

  it('createDraft stores a draft with no attempts', async () => {
    const vacancyId = await storedVacancy(t());
    const draft = await t().repos.applications.createDraft(vacancyId, 'resume-abc', 'Здравствуйте! Меня заинтересовала вакансия.');
    expect(draft).toEqual({
      id: expect.any(Number),
      vacancyId,
      resumeHhId: 'resume-abc',
      letter: 'Здравствуйте! Меня заинтересовала вакансия.',
      state: 'draft',
      transport: null,
      hhNegotiationId: null,
      attempts: 0,
      lastError: null,
      lastErrorDetail: null,
      createdAt: t().clock.now().toISOString(),
      sentAt: null,
      confirmation: null,
      confirmedResumeHhId: null,
      discardedAt: null,
      previousLetter: null,
    });
    expect(await t().repos.applications.forVacancy(vacancyId)).toEqual([draft]);
    expect(await t().repos.applications.get(draft.id + 1)).toBeUndefined();
  });

  it('transitions only from the expected state', async () => {
    const { applications } = t().repos;
    const draft = await applications.createDraft(await storedVacancy(t()), null, 'Письмо');
    expect(await applications.transition(draft.id, 'draft', 'approved')).toBe(true);
    // A second worker that read "draft" earlier loses the race.
    expect(await applications.transition(draft.id, 'draft', 'approved')).toBe(false);
    expect(await applications.transition(draft.id, 'draft', 'sending')).toBe(false);
    expect((await applications.get(draft.id))?.state).toBe('approved');
  });

  it("sets the vacancy's status in the same write as the letter's move, and only when the letter moved", async () => {
    const { applications, vacancies } = t().repos;
    const vacancyId = await storedVacancy(t());
    const { id } = await applications.createDraft(vacancyId, null, 'Письмо');
    await vacancies.setStatus(vacancyId, 'drafted');
    await applications.transition(id, 'draft', 'sending');
    // Read as approved by someone who lost the race: nothing moves, the vacancy included.
    expect(await applications.transition(id, 'approved', 'sent', { vacancyStatus: 'applied' })).toBe(false);
    expect((await vacancies.get(vacancyId))?.status).toBe('drafted');
    expect(
      await applications.transition(id, 'sending', 'sent', { transport: 'official', hhNegotiationId: '5000001', vacancyStatus: 'applied' }),
    ).toBe(true);
    expect(await applications.get(id)).toMatchObject({ state: 'sent', transport: 'official', hhNegotiationId: '5000001' });
    expect((await vacancies.get(vacancyId))?.status).toBe('applied');
  });

  it('counts attempts by transitions into sending and records failures', async () => {
    const { applications } = t().repos;
    const { id } = await applications.createDraft(await storedVacancy(t()), null, 'Письмо');
    await applications.transition(id, 'draft', 'approved');
    await applications.transition(id, 'approved', 'sending');
    await applications.transition(id, 'sending', 'failed', { lastError: 'hh.ru ответил 503' });
    expect(await applications.get(id)).toMatchObject({ state: 'failed', attempts: 1, lastError: 'hh.ru ответил 503', sentAt: null });
    // 'sending' is entered only from draft or approved: a failed letter is approved again first.
    expect(await applications.transition(id, 'failed', 'sending')).toBe(false);
    await applications.transition(id, 'failed', 'approved');
    await applications.transition(id, 'approved', 'sending');
    expect(await applications.get(id)).toMatchObject({ state: 'sending', attempts: 2, lastError: 'hh.ru ответил 503' });
  });

  it('reserveSending takes a slot of the cap in the same write that moves the letter to sending', async () => {
    const { repos, clock } = t();
    const ids = [];
    for (let i = 0; i < 4; i += 1) ids.push((await repos.applications.createDraft(await storedVacancy(t()), null, 'Письмо')).id);
    const since = new Date(clock.now().getTime() - 86_400_000).toISOString();
    const results = await Promise.all(ids.map((id) => repos.applications.reserveSending(id, { max: 2, since })));
    expect(results.filter(Boolean)).toHaveLength(2);
    const [sending] = await repos.applications.stuckSending();
    // Assisted and "already on hh.ru" letters are not the app's sends: they take no slot.
    await repos.applications.transition(sending!.id, 'sending', 'sent', { transport: 'already' });
    expect(await repos.applications.capSlotsSince(since, clock.now().toISOString())).toEqual([clock.now().toISOString()]);
    const waiting = ids.find((_, i) => !results[i])!;
    expect(await repos.applications.reserveSending(waiting, { max: 2, since })).toBe(true);
    expect(await repos.applications.reserveSending(waiting, { max: 9, since })).toBe(false);
  });

  it('createDraft keeps one unsent letter per vacancy: a second, even for another resume, returns the first', async () => {
    const { applications } = t().repos;
    const vacancyId = await storedVacancy(t());
    const [a, b] = await Promise.all([
      applications.createDraft(vacancyId, 'r1', 'Первое'),
      applications.createDraft(vacancyId, 'r2', 'Второе'),
    ]);
    expect(b!.id).toBe(a!.id);
    expect(await applications.forVacancy(vacancyId)).toHaveLength(1);
  });

  it('reserveSending holds one application per vacancy in the same write: letters kept by two processes, two resumes', async () => {
    const { repos, db, clock } = t();
    const vacancyId = await storedVacancy(t());
    // Two unsent letters for one vacancy, as two processes (or a version before this rule) could leave them.
    const insert = (resume: string, second = 0) =>
      db.run(
        "INSERT INTO applications (vacancy_id, resume_hh_id, letter, state, second_resume, created_at) VALUES (?, ?, 'Письмо', 'draft', ?, ?)",
        [vacancyId, resume, second, clock.now().toISOString()],
      );
    const ids = [(await insert('r1')).lastInsertRowid, (await insert('r2')).lastInsertRowid];
    const since = new Date(clock.now().getTime() - 86_400_000).toISOString();
    const results = await Promise.all([...ids, ...ids].map((id) => repos.applications.reserveSending(id, { max: 50, since })));
    expect(results.filter(Boolean)).toHaveLength(1);
    const winner = ids.find((id) => results[ids.indexOf(id)] || results[ids.indexOf(id) + 2])!;
    const loser = ids.find((id) => id !== winner)!;
    expect(await repos.applications.vacancyConflict(loser)).toMatchObject({ kind: 'in_flight' });
    await repos.applications.transition(winner, 'sending', 'sent', { vacancyStatus: 'applied' });
    // Sent with another resume: not without the user's confirmation, and then once.
    expect(await repos.applications.reserveSending(loser, { max: 50, since })).toBe(false);
    expect(await repos.applications.vacancyConflict(loser)).toMatchObject({ kind: 'unconfirmed' });
    await repos.applications.confirmSecondResume(loser);
    expect(await repos.applications.vacancyConflict(loser)).toBeNull();
    expect(await repos.applications.reserveSending(loser, { max: 50, since })).toBe(true);
    // The same resume never, confirmed or not.
    const again = (await insert((await repos.applications.get(winner))!.resumeHhId!, 1)).lastInsertRowid;
    await repos.applications.transition(loser, 'sending', 'sent');
    expect(await repos.applications.reserveSending(again, { max: 50, since })).toBe(false);
    expect(await repos.applications.vacancyConflict(again)).toMatchObject({ kind: 'same_resume' });
  });

  it('reserveSending refuses a letter whose vacancy hh.ru shows as applied to (outside the app) unless confirmed', async () => {
    const { repos, clock } = t();
    const vacancyId = await storedVacancy(t());
    const { id } = await repos.applications.createDraft(vacancyId, 'r1', 'Письмо');
    await repos.vacancies.setStatus(vacancyId, 'applied');
    const since = new Date(clock.now().getTime() - 86_400_000).toISOString();
    expect(await repos.applications.reserveSending(id, { max: 50, since })).toBe(false);
    expect(await repos.applications.vacancyConflict(id)).toMatchObject({ kind: 'unconfirmed', resumes: [] });
    await repos.applications.confirmSecondResume(id);
    expect(await repos.applications.reserveSending(id, { max: 50, since })).toBe(true);
  });

  it('sent clears last_error and sets sent_at, transport and negotiation id', async () => {
    const { repos, clock } = t();
    const { id } = await repos.applications.createDraft(await storedVacancy(t()), null, 'Письмо');
    await repos.applications.transition(id, 'draft', 'sending');
    await repos.applications.transition(id, 'sending', 'approved', { lastError: 'timeout' });
    await repos.applications.transition(id, 'approved', 'sending');
    clock.advance(30_000);
    expect(await repos.applications.transition(id, 'sending', 'sent', { transport: 'api', hhNegotiationId: 'n-42' })).toBe(true);
    expect(await repos.applications.get(id)).toMatchObject({
      state: 'sent',
      lastError: null,
      sentAt: clock.now().toISOString(),
      transport: 'api',
      hhNegotiationId: 'n-42',
      attempts: 2,
    });
    expect(await repos.applications.listByState('sent')).toHaveLength(1);
    expect(await repos.applications.listByState('draft')).toEqual([]);
  });

  it('updateLetter works until the letter is sent', async () => {
    const { applications } = t().repos;
    const { id } = await applications.createDraft(await storedVacancy(t()), null, 'Черновик');
    expect(await applications.updateLetter(id, 'Исправленное письмо')).toBe(true);
    expect((await applications.get(id))?.letter).toBe('Исправленное письмо');
    await applications.transition(id, 'draft', 'sending');
    expect(await applications.updateLetter(id, 'Поздно')).toBe(false);
    await applications.transition(id, 'sending', 'sent');
    expect(await applications.updateLetter(id, 'Поздно')).toBe(false);
    expect((await applications.get(id))?.letter).toBe('Исправленное письмо');
  });

  it('listByState returns the oldest first, up to the limit', async () => {
    const { repos, clock } = t();
    const first = await repos.applications.createDraft(await storedVacancy(t()), null, 'один');
    clock.advance(1000);
    const second = await repos.applications.createDraft(await storedVacancy(t()), null, 'два');
    expect((await repos.applications.listByState('draft')).map((a) => a.id)).toEqual([first.id, second.id]);
    expect((await repos.applications.listByState('draft', 1)).map((a) => a.id)).toEqual([first.id]);
  });
});

import { describe, expect, it } from 'vitest';
import type { ApplicationView } from '../../../shared/contract';
import type { VacancySummary } from '../../../shared/domain';
import { siteReplies } from '../../fakes/hh-site/replies';
import { closeAfterEach, ok } from '../../support/contract';
import { startSiteApp } from '../../support/site-app';

/**
 * Issue 23, Letters: after one Autopilot run the review list could only be cleared by blacklisting
 * employers. A letter can be discarded (and brought back), its vacancy skipped, its text rewritten
 * by the AI; and a letter put back after a refused send is the draft it was, not "approved".
 */

const keep = closeAfterEach();

const FIRST = 'Здравствуйте!\n\nМне интересна эта вакансия.\n\nС уважением';
const REWRITTEN = 'Здравствуйте!\n\nКоротко: я работал в «Газпромнефть» и хочу к вам.\n\nС уважением';

/** Writes the first letter, then the rewritten one for any prompt that shows the letter it replaces. */
const letterModel = () => (messages: { role: string; content: string }[]) => {
  const user = messages.map((m) => m.content).join('\n');
  if (user.includes('Текущий вариант письма')) return REWRITTEN;
  return /сопроводительн|cover letter/i.test(user) ? FIRST : '{"score": 80, "reason": "ok"}';
};

async function drafted(options: { ai?: boolean } = {}) {
  const app = await startSiteApp(keep, options.ai === false ? {} : { ai: letterModel() });
  const hhVacancy = app.site.addVacancy({ name: 'Инженер платформы', hasTest: false, responseUrl: null, letterRequired: false });
  const resume = ok<{ resumeHhId: string | null }>(await app.core.invoke('profile.resume', {})).resumeHhId;
  ok(await app.core.invoke('vacancies.recommended', { resumeHhId: resume }));
  const vacancy = ok<{ items: VacancySummary[] }>(await app.core.invoke('vacancies.list', { statuses: ['found'], limit: 500 })).items.find(
    (v) => v.hhId === hhVacancy.id,
  )!;
  const view = ok<ApplicationView>(await app.core.invoke('letters.draft', { vacancyId: vacancy.id }));
  const listed = async () =>
    ok<{ items: ApplicationView[] }>(await app.core.invoke('letters.list', { states: [] })).items.map((v) => v.application.id);
  return { ...app, vacancy, hhVacancy, view, id: view.application.id, listed };
}

describe('discarding a letter', () => {
  it('leaves the list at once, is never sent, and comes back with restore in the state it had', async () => {
    const { core, site, id, listed } = await drafted();
    expect(await listed()).toEqual([id]);
    const discarded = ok<ApplicationView>(await core.invoke('letters.discard', { applicationId: id }));
    expect(discarded.application).toMatchObject({ state: 'draft', discardedAt: expect.any(String) });
    expect(await listed()).toEqual([]);
    const discardedOnes = ok<{ items: ApplicationView[] }>(await core.invoke('letters.list', { states: [], discarded: true })).items;
    expect(discardedOnes.map((v) => v.application.id)).toEqual([id]);

    // Nobody sends it: not the user, not the Local API, not a bulk send (all go through letters.send).
    expect(await core.invoke('letters.send', { applicationId: id })).toMatchObject({
      ok: false,
      error: { code: 'conflict', key: 'letters.discarded', details: { reason: 'discarded' } },
    });
    expect(await core.invoke('letters.update', { applicationId: id, letter: 'Другой текст' })).toMatchObject({
      ok: false,
      error: { key: 'letters.discarded' },
    });
    expect(site.applications).toHaveLength(0);

    const restored = ok<ApplicationView>(await core.invoke('letters.restore', { applicationId: id }));
    expect(restored.application).toMatchObject({ state: 'draft', discardedAt: null, letter: expect.stringContaining('интересна') });
    expect(await listed()).toEqual([id]);
    ok(await core.invoke('letters.send', { applicationId: id }));
    expect(site.applications).toHaveLength(1);
  });

  it('the user may write a new letter for the vacancy; the discarded one then cannot come back (one unsent letter per vacancy)', async () => {
    const { core, vacancy, id, listed } = await drafted();
    ok(await core.invoke('letters.discard', { applicationId: id }));
    const fresh = ok<ApplicationView>(await core.invoke('letters.draft', { vacancyId: vacancy.id }));
    expect(fresh.application.id).not.toBe(id);
    expect(await listed()).toEqual([fresh.application.id]);
    expect(await core.invoke('letters.restore', { applicationId: id })).toMatchObject({
      ok: false,
      error: { code: 'conflict', key: 'letters.newerLetter' },
    });
  });

  it('no run writes the vacancy another letter; bringing the vacancy back to "found" is asking for one', async () => {
    const { core, clock } = await startSiteApp(keep, { ai: letterModel() });
    ok(await core.invoke('searches.save', { search: { name: 'Все', filters: { text: '' }, intervalHours: 4, mode: 'review' } }));
    await core.automation.scheduler.tick();
    const [first] = ok<{ items: ApplicationView[] }>(await core.invoke('letters.list', { states: [] })).items;
    const vacancyId = first!.vacancy.id;
    ok(await core.invoke('letters.discard', { applicationId: first!.application.id }));
    expect(ok<VacancySummary>(await core.invoke('vacancies.get', { id: vacancyId })).status).toBe('drafted');
    const nextRun = async () => {
      clock.advance(4 * 3_600_000 + 60_000);
      await core.automation.scheduler.tick();
    };
    await nextRun();
    const letters = () => core.repositories.applications.forVacancy(vacancyId);
    expect((await letters()).map((a) => [a.id, a.discardedAt !== null])).toEqual([[first!.application.id, true]]);

    // The user brings the vacancy back as new: the next run writes it a new letter; the discarded one stays discarded.
    ok(await core.invoke('vacancies.setStatus', { id: vacancyId, status: 'found' }));
    await nextRun();
    expect((await letters()).map((a) => a.discardedAt !== null)).toEqual([true, false]);
  });
});

describe('skipping the vacancy from its letter', () => {
  it('sets the vacancy aside, hides it on hh.ru when asked, and discards the letter, in one action', async () => {
    const { core, site, vacancy, id, listed } = await drafted();
    const skipped = ok<ApplicationView>(await core.invoke('letters.skip', { applicationId: id, hideOnHh: true }));
    expect(skipped.application.discardedAt).toEqual(expect.any(String));
    expect(skipped.vacancy.status).toBe('ignored');
    expect(site.hidden.vacancies).toContain(vacancy.hhId);
    expect(await listed()).toEqual([]);
  });

  it('without hiding on hh.ru, hh.ru is not asked', async () => {
    const { core, site, vacancy, id } = await drafted();
    ok(await core.invoke('letters.skip', { applicationId: id, hideOnHh: false }));
    expect(ok<VacancySummary>(await core.invoke('vacancies.get', { id: vacancy.id })).status).toBe('ignored');
    expect(site.hidden.vacancies).not.toContain(vacancy.hhId);
  });
});

describe('rewriting a letter with the AI', () => {
  it('writes from the letter and the wish, checks the facts again, keeps nothing until accepted, and one undo brings the old text back', async () => {
    const { core, ai, id, view } = await drafted();
    const proposal = ok<{ letter: string; validation: ApplicationView['validation']; source: string }>(
      await core.invoke('letters.rewrite', { applicationId: id, instruction: 'короче, упомяни Go' }),
    );
    expect(proposal.source).toBe('ai');
    expect(proposal.letter).toContain('Газпромнефть');
    // The fact check ran on the new text: the resume has no such employer.
    expect(proposal.validation.unsupported).toEqual(expect.arrayContaining([{ kind: 'employer', text: 'Газпромнефть' }]));
    const prompt = ai!.requests.map((r) => r.body).find((body) => body.includes('Текущий вариант письма'))!;
    expect(prompt).toContain('короче, упомяни Go');
    expect(prompt).toContain('Мне интересна эта вакансия');
    // Not kept yet.
    expect((await core.repositories.applications.get(id))!.letter).toBe(view.application.letter);

    const accepted = ok<ApplicationView>(
      await core.invoke('letters.update', { applicationId: id, letter: proposal.letter, keepPrevious: true }),
    );
    expect(accepted.application).toMatchObject({ letter: proposal.letter, previousLetter: view.application.letter });
    const reverted = ok<ApplicationView>(await core.invoke('letters.revert', { applicationId: id }));
    expect(reverted.application).toMatchObject({ letter: view.application.letter, previousLetter: null });
    // One undo: there is nothing more to bring back.
    expect(await core.invoke('letters.revert', { applicationId: id })).toMatchObject({
      ok: false,
      error: { key: 'letters.nothingToRevert' },
    });
  });

  it('without AI the template is filled again; a wish is refused with a clear reason', async () => {
    const { core, id } = await drafted({ ai: false });
    const again = ok<{ letter: string; source: string }>(await core.invoke('letters.rewrite', { applicationId: id }));
    expect(again.source).toBe('template');
    expect(again.letter.length).toBeGreaterThan(0);
    expect(await core.invoke('letters.rewrite', { applicationId: id, instruction: 'короче' })).toMatchObject({
      ok: false,
      error: { code: 'ai_not_configured', key: 'letters.rewriteNeedsAi', params: { instruction: 'короче' } },
    });
  });
});

describe('a letter put back after a refused send', () => {
  it('is the draft it was (with the reason), not "approved", a state the user never chose', async () => {
    const { core, site, id } = await drafted();
    site.failNext('POST /applicant/vacancy_response/popup', siteReplies.captchaRedirect());
    expect(await core.invoke('letters.send', { applicationId: id })).toMatchObject({ ok: false, error: { code: 'hh_captcha' } });
    const back = (await core.repositories.applications.get(id))!;
    expect(back.state).toBe('draft');
    expect(back.lastError).toEqual(expect.any(String));
    expect(site.applications).toHaveLength(0);
  });
});

describe('a sent letter in the list', () => {
  it('carries its employer chat once a sync has seen it, so Letters can link to it', async () => {
    const { core, id } = await drafted();
    ok(await core.invoke('letters.send', { applicationId: id }));
    ok(await core.invoke('chats.sync', {}));
    const chats = ok<{ items: { id: number }[] }>(await core.invoke('chats.list', {})).items;
    const [view] = ok<{ items: ApplicationView[] }>(await core.invoke('letters.list', { states: ['sent'] })).items;
    expect(view!.application.hhNegotiationId).not.toBeNull();
    expect(chats.map((chat) => chat.id)).toContain(view!.chatId);
  });
});

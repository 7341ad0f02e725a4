import { describe, expect, it } from 'vitest';
import type { ApplicationView, Notice, SearchRunOutcome } from '../../../shared/contract';
import { statePage } from '../../fakes/hh-site/pages';
import type { VacancySummary } from '../../../shared/domain';
import { closeAfterEach, ok } from '../../support/contract';
import { startSiteApp } from '../../support/site-app';

/**
 * A letter drafted by hand is written as the engine writes one: from the vacancy in full (read from
 * hh.ru once) and the resume in full, and never for a vacancy hh.ru says is applied to or closed.
 */

const keep = closeAfterEach();

const letterModel = () => (messages: { role: string; content: string }[]) =>
  messages.some((m) => /сопроводительн|cover letter/i.test(m.content))
    ? 'Здравствуйте!\n\nМне интересна эта вакансия.\n\nС уважением'
    : '{"score": 80, "reason": "ok"}';

/** hh.ru's recommendations store search cards only: the snippet, no description. */
async function storedFromCards(core: Awaited<ReturnType<typeof startSiteApp>>['core']) {
  const resume = ok<{ resumeHhId: string | null }>(await core.invoke('profile.resume', {})).resumeHhId;
  ok(await core.invoke('vacancies.recommended', { resumeHhId: resume }));
  return ok<{ items: VacancySummary[] }>(await core.invoke('vacancies.list', { statuses: ['found'], limit: 500 })).items;
}

for (const shape of ['2026', 'older'] as const) {
  describe(`drafting by hand (${shape} pages)`, () => {
    it("reads the vacancy in full once and writes from its description and the resume's experience", async () => {
      const { core, site, ai } = await startSiteApp(keep, { ai: letterModel(), shape });
      const vacancy = site.addVacancy({
        name: 'Инженер платформы',
        descriptionHtml: '<p>Строим платформу на Kubernetes для 300 команд.</p>',
        hasTest: false,
        responseUrl: null,
      });
      const stored = (await storedFromCards(core)).find((v) => v.hhId === vacancy.id)!;
      expect((await core.repositories.vacancies.get(stored.id))!.descriptionText).toBe('');
      const drafted = ok<ApplicationView>(await core.invoke('letters.draft', { vacancyId: stored.id }));
      expect(drafted.application.state).toBe('draft');
      const prompt = ai!.requests.map((r) => r.body).find((body) => /сопроводительн|cover letter/i.test(body))!;
      expect(prompt).toContain('Kubernetes для 300 команд');
      // The resume in full, not its title: the current employer and an achievement.
      expect(prompt).toContain('Пиксель Плюс');
      expect(prompt).toContain('конверсия выросла на 12%');
      const reads = () => site.requests.filter((r) => r.route === 'GET /vacancy/{id}' && r.path === `/vacancy/${vacancy.id}`).length;
      expect(reads()).toBe(1);
      // Opening it, or asking for its letter again, reads nothing more.
      ok(await core.invoke('vacancies.get', { id: stored.id }));
      ok(await core.invoke('letters.draft', { vacancyId: stored.id }));
      expect(reads()).toBe(1);
    });

    it('a vacancy applied to outside the app is neither drafted nor applied to again, and says why', async () => {
      const { core, site } = await startSiteApp(keep, { ai: letterModel(), shape });
      const vacancy = site.addVacancy({ name: 'Аналитик', hasTest: false, responseUrl: null });
      const stored = (await storedFromCards(core)).find((v) => v.hhId === vacancy.id)!;
      // The user applies in their browser after the app stored the card.
      site.addResponse(vacancy.id);
      const refused = await core.invoke('letters.draft', { vacancyId: stored.id });
      expect(refused).toMatchObject({ ok: false, error: { code: 'hh_already_applied' } });
      expect(ok<VacancySummary>(await core.invoke('vacancies.get', { id: stored.id }))).toMatchObject({
        status: 'applied',
        skip: { reason: 'already_applied' },
      });
      expect(site.applications).toHaveLength(0);
    });

    it('a vacancy closed for applications is set aside with its reason, and no letter is written', async () => {
      const { core, site, ai } = await startSiteApp(keep, { ai: letterModel(), shape });
      const vacancy = site.addVacancy({ name: 'Тестировщик', hasTest: false, responseUrl: null });
      const stored = (await storedFromCards(core)).find((v) => v.hhId === vacancy.id)!;
      site.updateVacancy(vacancy.id, { closed: true });
      const refused = await core.invoke('letters.draft', { vacancyId: stored.id });
      expect(refused).toMatchObject({ ok: false, error: { code: 'hh_vacancy_gone', details: { reason: 'closed' } } });
      expect(ok<VacancySummary>(await core.invoke('vacancies.get', { id: stored.id }))).toMatchObject({
        status: 'ignored',
        skip: { reason: 'closed' },
      });
      expect(ai!.requests.filter((r) => /сопроводительн|cover letter/i.test(r.body))).toHaveLength(0);
    });
  });
}

describe('a resume hh.ru will not show', () => {
  it('is said as such, letters say they were written without it, and Autopilot holding them back raises one notice with the reason and the count', async () => {
    // The model names an employer: with the resume unread, nothing backs it.
    const model = () => (messages: { role: string; content: string }[]) =>
      messages.some((m) => /сопроводительн|cover letter/i.test(m.content))
        ? 'Здравствуйте!\n\nВ ООО «Пиксель Плюс» я подняла конверсию витрины на 12%.\n\nС уважением'
        : '{"score": 80, "reason": "ok"}';
    const { core, site } = await startSiteApp(keep, { ai: model(), vacancies: 12 });
    // hh.ru moved the resume under a key the app does not know.
    site.failNext(
      'GET /resume/{hash}',
      {
        status: 200,
        headers: { 'content-type': 'text/html' },
        body: statePage({ userType: 'applicant', applicantResumeV3: { title: 'x' } }, { escape: true }),
      },
      { times: 100 },
    );
    const content = await core.invoke('profile.resumeContent', { resumeHhId: null });
    expect(content).toMatchObject({ ok: false, error: { code: 'hh_resume_unreadable' } });

    ok(await core.invoke('searches.save', { search: { name: 'Все', filters: { text: '' }, intervalHours: 4, mode: 'autopilot' } }));
    const run = ok<SearchRunOutcome>(await core.invoke('searches.run', { id: 1 }));
    expect(run.heldBack).toBeGreaterThan(0);
    expect(run.sent).toBe(0);
    const held = ok<Notice[]>(await core.invoke('notices.list', {})).filter((n) => n.id === 'letters.heldBack');
    expect(held).toEqual([
      expect.objectContaining({ code: 'letters_held_back_resume_unread', params: { count: String(run.heldBack), search: 'Все' } }),
    ]);

    const [letter] = ok<{ items: ApplicationView[] }>(await core.invoke('letters.list', { states: ['draft'], limit: 1 })).items;
    expect(letter).toMatchObject({ resumeUnread: true });
  });
});

describe('after every application', () => {
  it('hh.ru is asked: the response with the resume the app used is confirmed; another resume is shown on the letter and counted', async () => {
    const { core, site } = await startSiteApp(keep, { ai: letterModel() });
    const [first, second] = [
      site.addVacancy({ name: 'Первая', hasTest: false, responseUrl: null, letterRequired: false }),
      site.addVacancy({ name: 'Вторая', hasTest: false, responseUrl: null, letterRequired: false }),
    ];
    const stored = await storedFromCards(core);
    const send = async (hhId: string) => {
      const drafted = ok<ApplicationView>(await core.invoke('letters.draft', { vacancyId: stored.find((v) => v.hhId === hhId)!.id }));
      return ok<ApplicationView>(await core.invoke('letters.send', { applicationId: drafted.application.id }));
    };
    const confirmed = await send(first.id);
    expect(confirmed.application).toMatchObject({
      state: 'sent',
      confirmation: 'confirmed',
      confirmedResumeHhId: site.user.resumes[0]!.id,
    });

    // hh.ru swaps the resume (as users report it does with its default one): the app notices.
    const other = site.user.resumes[1]!;
    site.swapResumeOnApply(other.hash);
    const swapped = await send(second.id);
    expect(swapped.application).toMatchObject({ state: 'sent', confirmation: 'resume_mismatch', confirmedResumeHhId: other.id });
    const notice = ok<Notice[]>(await core.invoke('notices.list', {})).find((n) => n.id === 'letters.resumeMismatch');
    expect(notice).toMatchObject({ code: 'letters_resume_mismatch', params: { count: '1' } });
  });
});

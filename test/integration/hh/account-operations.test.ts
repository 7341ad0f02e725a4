import { afterEach, describe, expect, it } from 'vitest';
import type { Area } from '../../../shared/contract';
import { startFakeOpenAi, type FakeOpenAi } from '../../fakes/ai';
import { ok } from '../../support/contract';
import { signInThroughOAuth, startHhWorld, type HhWorld } from '../../support/hh';

let world: HhWorld | undefined;
let ai: FakeOpenAi | undefined;
afterEach(async () => {
  await world?.close();
  await ai?.close();
  world = ai = undefined;
});

/** Signed in through OAuth, with one vacancy hh.ru has and the app has stored. */
async function signedInWithOneVacancy() {
  world = await startHhWorld();
  await signInThroughOAuth(world);
  const { core } = world.app;
  const vacancy = world.fake.addVacancy();
  await core.repositories.vacancies.upsertMany([await core.hh.gateway.vacancy(vacancy.id)]);
  return { core, fake: world.fake, vacancy, stored: (await core.repositories.vacancies.getByHhId(vacancy.id))! };
}

describe('resume, recommendations, hiding and the blacklist through the contract', () => {
  it("reads a resume in full, raises it, and stores hh.ru's recommendations", async () => {
    world = await startHhWorld();
    await signInThroughOAuth(world);
    const { core } = world.app;
    const [resume] = await core.repositories.resumes.list();

    const facts = ok<{ title: string; experience: unknown[] }>(await core.invoke('hh.resume', { resumeHhId: resume!.hhId }));
    expect(facts.title).toBe(resume!.title);
    expect(facts.experience.length).toBeGreaterThan(0);

    expect(ok(await core.invoke('hh.raiseResume', { resumeHhId: resume!.hhId }))).toEqual({ raised: true });
    expect(world.fake.counts['POST /resumes/{resume_id}/publish']).toBe(1);

    const recommended = ok<{ found: number; added: number }>(await core.invoke('vacancies.recommended', {}));
    expect(recommended.added).toBeGreaterThan(0);
    expect((await core.repositories.vacancies.list({ statuses: [], limit: 500, offset: 0 })).total).toBe(recommended.added);
  });

  it('shows the resume letters use from the kept copy, and reads it again from hh.ru on refresh', async () => {
    world = await startHhWorld();
    await signInThroughOAuth(world);
    const { core } = world.app;
    const [resume] = await core.repositories.resumes.list();
    const reads = () => world!.fake.counts['GET /resumes/{resume_id}'] ?? 0;

    const first = ok<{ resumeHhId: string; title: string; facts: { experience: unknown[] } }>(
      await core.invoke('profile.resumeContent', {}),
    );
    expect(first).toMatchObject({ resumeHhId: resume!.hhId, title: resume!.title });
    expect(first.facts.experience.length).toBeGreaterThan(0);
    expect(reads()).toBe(1);
    // Shown again from the kept copy: hh.ru is not asked twice for the same version.
    ok(await core.invoke('profile.resumeContent', { resumeHhId: resume!.hhId }));
    expect(reads()).toBe(1);

    world.fake.updateResume(resume!.hhId, { title: 'Ведущий Python-разработчик', updatedAt: Date.now() + 60_000 });
    const refreshed = ok<{ title: string }>(await core.invoke('profile.refreshResume', { resumeHhId: resume!.hhId }));
    expect(refreshed.title).toBe('Ведущий Python-разработчик');
    expect(reads()).toBe(2);
    ok(await core.invoke('profile.resumeContent', { resumeHhId: resume!.hhId }));
    expect(reads()).toBe(2);

    expect(await core.invoke('profile.resumeContent', { resumeHhId: 'someone-elses' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    // hh.ru failing on refresh is an error the user sees; the kept copy stays.
    world.fake.failNext('GET /resumes/{resume_id}', world.fake.errors.serverError(), 10);
    expect(await core.invoke('profile.refreshResume', { resumeHhId: resume!.hhId })).toMatchObject({ ok: false });
    world.fake.clearFailures();
    expect(ok<{ title: string }>(await core.invoke('profile.resumeContent', { resumeHhId: resume!.hhId })).title).toBe(
      'Ведущий Python-разработчик',
    );
  });

  it('adds a vacancy by its link or number, read in full from hh.ru; a link that is not a vacancy says so', async () => {
    world = await startHhWorld();
    await signInThroughOAuth(world);
    const { core } = world.app;
    const vacancy = world.fake.addVacancy({ name: 'Разработчик, найденный вручную' });
    const added = ok<{ id: number; hhId: string; title: string; status: string }>(
      await core.invoke('vacancies.add', { link: `https://hh.ru/vacancy/${vacancy.id}?from=share` }),
    );
    expect(added).toMatchObject({ hhId: vacancy.id, title: 'Разработчик, найденный вручную', status: 'found' });
    expect((await core.repositories.vacancies.get(added.id))?.descriptionText).not.toBe('');
    // The same vacancy by its number is the same one, not a copy.
    expect(ok<{ id: number }>(await core.invoke('vacancies.add', { link: vacancy.id })).id).toBe(added.id);
    expect(await core.invoke('vacancies.add', { link: 'https://example.com/jobs/1' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await core.invoke('vacancies.add', { link: 'https://hh.ru/vacancy/999999999' })).toMatchObject({ ok: false });
  });

  it('letters use the resume the user picked; the first one until then; a resume that is not theirs is refused', async () => {
    const { core, stored } = await signedInWithOneVacancy();
    ok(await core.invoke('profile.set', { name: 'Анна', email: 'anna@example.ru', phone: '', telegram: '@anna_dev', links: [] }));
    const resumes = await core.repositories.resumes.list();
    expect(resumes.length).toBeGreaterThan(1);
    expect(ok(await core.invoke('profile.resume', {}))).toEqual({ resumeHhId: resumes[0]!.hhId });
    expect(ok(await core.invoke('profile.setResume', { resumeHhId: resumes[1]!.hhId }))).toEqual({ resumeHhId: resumes[1]!.hhId });
    const view = ok<{ application: { resumeHhId: string } }>(await core.invoke('letters.draft', { vacancyId: stored.id }));
    expect(view.application.resumeHhId).toBe(resumes[1]!.hhId);
    expect(await core.invoke('profile.setResume', { resumeHhId: 'someone-elses' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('hides a vacancy on hh.ru and here; blacklists an employer here and on hh.ru', async () => {
    const { core, fake, vacancy, stored } = await signedInWithOneVacancy();

    expect(ok(await core.invoke('vacancies.hide', { id: stored.id }))).toMatchObject({ status: 'ignored' });
    expect(fake.counts['PUT /vacancies/blacklisted/{vacancy_id}']).toBe(1);

    const list = ok<{ employerId: string }[]>(
      await core.invoke('blacklist.add', { employerId: vacancy.employer.id, employerName: vacancy.employer.name }),
    );
    expect(list.map((entry) => entry.employerId)).toEqual([vacancy.employer.id]);
    expect(fake.counts['PUT /employers/blacklisted/{employer_id}']).toBe(1);

    expect(ok(await core.invoke('blacklist.remove', { employerId: vacancy.employer.id }))).toEqual([]);
  });

  it('an employer hh.ru does not know is refused by hh.ru, and nothing is blacklisted here', async () => {
    world = await startHhWorld();
    await signInThroughOAuth(world);
    const refused = await world.app.core.invoke('blacklist.add', { employerId: '999999999' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'hh_vacancy_gone' } });
    expect(ok(await world.app.core.invoke('blacklist.list', {}))).toEqual([]);
  });

  it("gives hh.ru's dictionaries and regions as plain id/name lists", async () => {
    world = await startHhWorld();
    const dictionaries = ok<Record<string, { id: string; name: string }[]>>(await world.app.core.invoke('hh.dictionaries', {}));
    expect(dictionaries.experience?.map((item) => item.id)).toContain('noExperience');
    const areas = ok<Area[]>(await world.app.core.invoke('hh.areas', {}));
    expect(areas.length).toBeGreaterThan(0);
    expect(areas[0]).toEqual({ id: expect.any(String), name: expect.any(String), areas: expect.any(Array) });
  });

  it('scores a vacancy with the AI once, then from what it kept; with no AI it says how to set one up', async () => {
    const { core, stored } = await signedInWithOneVacancy();

    expect(await core.invoke('vacancies.score', { id: stored.id })).toMatchObject({ ok: false, error: { code: 'ai_not_configured' } });

    ai = await startFakeOpenAi({ apiKey: 'sk-score-key-123456' });
    await core.invoke('ai.settings.set', {
      settings: { kind: 'openai', baseUrl: ai.baseUrl, model: 'gpt-4o-mini' },
      openaiKey: 'sk-score-key-123456',
    });
    ai.enqueue('chat', {
      status: 200,
      body: {
        id: 's1',
        object: 'chat.completion',
        created: 0,
        model: 'gpt-4o-mini',
        choices: [
          { index: 0, message: { role: 'assistant', content: '{"score": 82, "reason": "Опыт совпадает"}' }, finish_reason: 'stop' },
        ],
        usage: { prompt_tokens: 500, completion_tokens: 20, total_tokens: 520 },
      },
    });
    expect(ok(await core.invoke('vacancies.score', { id: stored.id }))).toEqual({
      score: 82,
      reason: 'Опыт совпадает',
      model: 'gpt-4o-mini',
      cached: false,
    });
    expect(ok(await core.invoke('vacancies.score', { id: stored.id }))).toMatchObject({ score: 82, cached: true });
  });
});

describe('keeping an API sign-in alive', () => {
  it('the hourly job renews an expired token once, and leaves a fresh one alone', async () => {
    world = await startHhWorld();
    await signInThroughOAuth(world);
    const tokenCalls = () => world!.fake.counts['POST /token'] ?? 0;
    const afterSignIn = tokenCalls();
    await world.app.core.automation.scheduler.tick();
    expect(tokenCalls()).toBe(afterSignIn);
    world.clock.advance(15 * 24 * 3_600_000); // hh.ru's user tokens live two weeks
    await world.app.core.automation.scheduler.tick();
    expect(tokenCalls()).toBe(afterSignIn + 1);
  });
});

import { describe, expect, it } from 'vitest';
import type { ApplicationView } from '../../../shared/contract';
import type { VacancySummary } from '../../../shared/domain';
import { closeAfterEach, ok } from '../../support/contract';
import { signInThroughOAuth, startHhWorld } from '../../support/hh';
import { startLocalApi } from '../../support/local-api';
import { startSiteApp } from '../../support/site-app';
import type { TestCoreHandle } from '../../support/core';

/**
 * The audit's double-application patterns: letters for one vacancy drafted and sent together, with
 * two resumes, through the contract, the Local API and by link, on both of hh.ru's paths. hh.ru
 * itself takes a second application to a vacancy with another resume, so only the app can hold the
 * line: the fake hh.ru counts what arrived, and it must be one application per vacancy.
 */

const keep = closeAfterEach();

interface World {
  core: TestCoreHandle;
  /** hh.ru ids of the vacancies to apply to (not yet in the app). */
  vacancies: string[];
  /** The signed-in user's two resumes (hh.ru ids). */
  resumes: [string, string];
  /** Applications hh.ru has, per vacancy. */
  applicationsTo(hhId: string): number;
  clock: { now(): Date };
}

async function officialWorld(count: number): Promise<World> {
  const world = keep(await startHhWorld({ core: { applyPacing: { minIntervalMs: 0 } } }));
  const status = await signInThroughOAuth(world);
  ok(
    await world.app.core.invoke('profile.set', {
      name: 'Анна Иванова',
      email: 'anna@example.ru',
      phone: '',
      telegram: '@anna_dev',
      links: [],
    }),
  );
  const vacancies = Array.from(
    { length: count },
    (_, i) => world.fake.addVacancy({ name: `Разработчик ${i + 1}`, letterRequired: false }).id,
  );
  return {
    core: world.app.core,
    vacancies,
    resumes: [status.resumes[0]!.id, status.resumes[1]!.id],
    applicationsTo: (hhId) => world.fake.negotiations().filter((n) => n.vacancyId === hhId).length,
    clock: world.clock,
  };
}

async function websiteWorld(count: number): Promise<World> {
  const { core, site, clock } = await startSiteApp(keep);
  const vacancies = Array.from(
    { length: count },
    (_, i) => site.addVacancy({ name: `Разработчик ${i + 1}`, hasTest: false, responseUrl: null, letterRequired: false }).id,
  );
  return {
    core,
    vacancies,
    resumes: [site.user.resumes[0]!.id, site.user.resumes[1]!.id],
    applicationsTo: (hhId) => site.applications.filter((a) => a.vacancyId === hhId).length,
    clock,
  };
}

const add = async (core: TestCoreHandle, hhId: string) => ok<VacancySummary>(await core.invoke('vacancies.add', { link: hhId })).id;

for (const [name, start] of [
  ['the official API', officialWorld],
  ['the website', websiteWorld],
] as const) {
  describe(`one application per vacancy (${name})`, () => {
    it('letters drafted together for two resumes are one letter; four sends of it put one application on hh.ru', async () => {
      const world = await start(5);
      for (const hhId of world.vacancies) {
        const vacancyId = await add(world.core, hhId);
        const drafts = await Promise.all(
          [0, 1].map((i) => world.core.invoke('letters.draft', { vacancyId, resumeHhId: world.resumes[i] })),
        );
        const ids = drafts.map((d) => ok<ApplicationView>(d).application.id);
        expect(new Set(ids).size).toBe(1);
        const sends = await Promise.all([0, 1, 2, 3].map(() => world.core.invoke('letters.send', { applicationId: ids[0] })));
        expect(sends.filter((s) => s.ok)).not.toHaveLength(0);
        for (const refused of sends.filter((s) => !s.ok)) expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
      }
      for (const hhId of world.vacancies) expect(world.applicationsTo(hhId)).toBe(1);
      expect((await world.core.repositories.applications.listByState('sent')).length).toBe(5);
    });

    it('eight REST applications at once, alternating the resumes, and six by link: one application per vacancy', async () => {
      const world = await start(3);
      const api = keep(await startLocalApi(world.core, { clock: world.clock }));
      const [first, second, third] = world.vacancies as [string, string, string];
      const ids = [await add(world.core, first), await add(world.core, second)];
      const answers = await Promise.all([
        ...ids.flatMap((vacancyId) =>
          Array.from({ length: 8 }, (_, i) => api.call('post', '/applications', { body: { vacancyId, resumeHhId: world.resumes[i % 2] } })),
        ),
        ...Array.from({ length: 6 }, (_, i) =>
          api.call('post', '/applications', { body: { link: `https://hh.ru/vacancy/${third}`, resumeHhId: world.resumes[i % 2] } }),
        ),
      ]);
      for (const answer of answers) {
        expect(answer.problems).toEqual([]);
        // Sent (201), already being sent (409), or already applied to (409): never a 5xx, never a second application.
        expect([201, 409]).toContain(answer.status);
      }
      for (const hhId of world.vacancies) expect(world.applicationsTo(hhId)).toBe(1);
    });

    it('a letter written before hh.ru showed the vacancy applied to (outside the app) is not sent, and says why', async () => {
      const world = await start(1);
      const vacancyId = await add(world.core, world.vacancies[0]!);
      const letter = ok<ApplicationView>(await world.core.invoke('letters.draft', { vacancyId, resumeHhId: world.resumes[0] }));
      // A sync found the user's own response on hh.ru meanwhile.
      await world.core.repositories.vacancies.setSkipped(vacancyId, 'applied', 'already_applied');
      expect(await world.core.invoke('letters.send', { applicationId: letter.application.id })).toMatchObject({
        ok: false,
        error: { code: 'hh_already_applied', key: 'letters.appliedOnHh' },
      });
      expect(world.applicationsTo(world.vacancies[0]!)).toBe(0);
      expect((await world.core.repositories.applications.get(letter.application.id))!.state).toBe('draft');
    });

    it('a second resume goes only when the user confirms it, and the same resume never does', async () => {
      const world = await start(1);
      const vacancyId = await add(world.core, world.vacancies[0]!);
      const firstLetter = ok<ApplicationView>(await world.core.invoke('letters.draft', { vacancyId, resumeHhId: world.resumes[0] }));
      ok(await world.core.invoke('letters.send', { applicationId: firstLetter.application.id }));
      // Asking for another letter with the same resume, ten times at once: refused each time.
      const same = await Promise.all(
        Array.from({ length: 10 }, () =>
          world.core.invoke('letters.draft', { vacancyId, resumeHhId: world.resumes[0], confirmSecondResume: true }),
        ),
      );
      for (const answer of same)
        expect(answer).toMatchObject({ ok: false, error: { code: 'hh_already_applied', key: 'letters.sameResume' } });
      // Another resume: asked to confirm, then written and sent once confirmed.
      expect(await world.core.invoke('letters.draft', { vacancyId, resumeHhId: world.resumes[1] })).toMatchObject({
        ok: false,
        error: { code: 'hh_already_applied', key: 'letters.secondResume', details: { confirm: 'confirmSecondResume' } },
      });
      const secondLetter = ok<ApplicationView>(
        await world.core.invoke('letters.draft', { vacancyId, resumeHhId: world.resumes[1], confirmSecondResume: true }),
      );
      const sends = await Promise.all(
        [0, 1, 2].map(() => world.core.invoke('letters.send', { applicationId: secondLetter.application.id })),
      );
      expect(sends.filter((s) => s.ok)).not.toHaveLength(0);
      expect(world.applicationsTo(world.vacancies[0]!)).toBe(2);
    });
  });
}

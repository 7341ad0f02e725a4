import { describe, expect, it } from 'vitest';
import { sampleVacancy, useTestDatabase } from '../../support/db-fixture';
import { lettersWorld } from './letters-world';

describe('a second resume on a vacancy already applied to', () => {
  const database = useTestDatabase();

  it('is refused unless the user confirms; the same resume is refused always', async () => {
    const { repos, letters, draft } = await lettersWorld(database());
    const { vacancy, application } = await draft();
    await letters.send(application.id);

    await expect(letters.draft(vacancy.id, 'r2')).rejects.toMatchObject({
      code: 'hh_already_applied',
      said: { key: 'letters.secondResume', params: { resume: 'r1' } },
    });
    await expect(letters.draft(vacancy.id, 'r1', { confirmSecondResume: true })).rejects.toMatchObject({
      said: { key: 'letters.sameResume' },
    });
    expect(await repos.applications.forVacancy(vacancy.id)).toHaveLength(1);

    const second = await letters.draft(vacancy.id, 'r2', { confirmSecondResume: true });
    expect(second.application).toMatchObject({ state: 'draft', resumeHhId: 'r2' });
  });

  it('a vacancy marked applied (e.g. found so on hh.ru) is refused too', async () => {
    const { repos, letters } = await lettersWorld(database());
    const facts = sampleVacancy();
    await repos.vacancies.upsertMany([facts]);
    const vacancy = (await repos.vacancies.getByHhId(facts.hhId))!;
    await repos.vacancies.setStatus(vacancy.id, 'invited');
    await expect(letters.draft(vacancy.id, 'r2')).rejects.toMatchObject({ code: 'hh_already_applied' });
    expect((await letters.draft(vacancy.id, 'r2', { confirmSecondResume: true })).application.state).toBe('draft');
  });
});

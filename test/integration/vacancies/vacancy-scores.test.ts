import { describe, expect, it } from 'vitest';
import { scoreVacancy } from '../../../main/core/vacancies/scoring';
import { resume } from '../../support/ai-fixtures';
import { sampleVacancy, useTestDatabase } from '../../support/db-fixture';
import { FakeProvider } from '../../support/fake-provider';

describe('VacancyScoreRepository', () => {
  const t = useTestDatabase();

  const storedVacancy = async () => {
    const { repos } = t();
    const facts = sampleVacancy({ title: 'Frontend-разработчик (React)', descriptionText: 'Требования: React от 3 лет, TypeScript.' });
    await repos.vacancies.upsertMany([facts]);
    return (await repos.vacancies.getByHhId(facts.hhId))!;
  };

  it('stores, reads and replaces a score per vacancy and resume', async () => {
    const { repos, clock } = t();
    const vacancy = await storedVacancy();
    expect(await repos.vacancyScores.get(vacancy.id, 'r1')).toBeUndefined();
    const first = await repos.vacancyScores.put({
      vacancyId: vacancy.id,
      resumeHhId: 'r1',
      score: 64,
      reason: 'Нет опыта с MobX',
      model: 'GigaChat-2',
    });
    expect(first).toEqual({
      vacancyId: vacancy.id,
      resumeHhId: 'r1',
      score: 64,
      reason: 'Нет опыта с MobX',
      model: 'GigaChat-2',
      scoredAt: clock.now().toISOString(),
    });
    expect(await repos.vacancyScores.get(vacancy.id, 'r1')).toEqual(first);

    clock.advance(60_000);
    await repos.vacancyScores.put({
      vacancyId: vacancy.id,
      resumeHhId: 'r1',
      score: 80,
      reason: 'Стек совпадает',
      model: 'GigaChat-2-Pro',
    });
    await repos.vacancyScores.put({ vacancyId: vacancy.id, resumeHhId: 'r2', score: 10, reason: 'Другая профессия', model: 'GigaChat-2' });
    expect(await repos.vacancyScores.get(vacancy.id, 'r1')).toMatchObject({
      score: 80,
      model: 'GigaChat-2-Pro',
      scoredAt: clock.now().toISOString(),
    });
    expect(await repos.vacancyScores.get(vacancy.id, 'r2')).toMatchObject({ score: 10 });
  });

  it('refuses scores out of range and scores for vacancies that are not stored', async () => {
    const { repos } = t();
    const vacancy = await storedVacancy();
    await expect(repos.vacancyScores.put({ vacancyId: vacancy.id, resumeHhId: 'r1', score: 101, reason: '', model: '' })).rejects.toThrow(
      /0 to 100/,
    );
    await expect(repos.vacancyScores.put({ vacancyId: vacancy.id, resumeHhId: 'r1', score: 5.5, reason: '', model: '' })).rejects.toThrow(
      /0 to 100/,
    );
    await expect(repos.vacancyScores.put({ vacancyId: vacancy.id, resumeHhId: '', score: 5, reason: '', model: '' })).rejects.toThrow(
      /resume/,
    );
    await expect(repos.vacancyScores.put({ vacancyId: 999_999, resumeHhId: 'r1', score: 5, reason: '', model: '' })).rejects.toThrow(
      /FOREIGN KEY/i,
    );
  });

  it('goes with its vacancy', async () => {
    const { repos, db } = t();
    const vacancy = await storedVacancy();
    await repos.vacancyScores.put({ vacancyId: vacancy.id, resumeHhId: 'r1', score: 50, reason: '', model: 'm' });
    await db.run('DELETE FROM vacancies WHERE id = ?', [vacancy.id]);
    expect(await repos.vacancyScores.get(vacancy.id, 'r1')).toBeUndefined();
  });

  it('is the cache scoreVacancy uses: a second run does not ask the model', async () => {
    const { repos } = t();
    const vacancy = await storedVacancy();
    const provider = new FakeProvider('{"score": 88, "reason": "React и TypeScript"}');
    const first = await scoreVacancy({ provider, vacancy, resume, cache: repos.vacancyScores });
    const second = await scoreVacancy({ provider, vacancy, resume, cache: repos.vacancyScores });
    expect(first).toMatchObject({ score: 88, cached: false });
    expect(second).toMatchObject({ score: 88, reason: 'React и TypeScript', model: 'fake-model', cached: true });
    expect(provider.callCount).toBe(1);
  });
});

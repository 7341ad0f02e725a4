import { describe, expect, it } from 'vitest';
import type { VacancyScore, VacancyScoreInput } from '../../../main/core/db/repositories/vacancy-scores';
import { meetsThreshold, scoreVacancy, type ScoreCache } from '../../../main/core/vacancies/scoring';
import { FakeProvider } from '../../support/fake-provider';
import { englishVacancy, frontendVacancy, resume } from '../../support/ai-fixtures';

/** The repository's behaviour over a Map, with a clock the test moves. */
function memoryCache(start = '2025-03-14T09:00:00.000Z') {
  const scores = new Map<string, VacancyScore>();
  let now = start;
  const cache: ScoreCache & { setNow(at: string): void; size: number } = {
    get: async (vacancyId, resumeHhId) => scores.get(`${vacancyId}/${resumeHhId}`),
    put: async (input: VacancyScoreInput) => {
      const score = { ...input, scoredAt: now };
      scores.set(`${input.vacancyId}/${input.resumeHhId}`, score);
      return score;
    },
    setNow: (at) => {
      now = at;
    },
    get size() {
      return scores.size;
    },
  };
  return cache;
}

const answer = '{"score": 82, "reason": "React и TypeScript совпадают, нет опыта с a11y"}';

describe('scoreVacancy', () => {
  it('asks the model once, then answers from the cache', async () => {
    const provider = new FakeProvider(answer);
    const cache = memoryCache();
    const first = await scoreVacancy({ provider, vacancy: frontendVacancy, resume, cache });
    expect(first).toMatchObject({
      score: 82,
      reason: 'React и TypeScript совпадают, нет опыта с a11y',
      model: 'fake-model',
      cached: false,
    });
    const second = await scoreVacancy({ provider, vacancy: frontendVacancy, resume, cache });
    expect(second).toMatchObject({ score: 82, cached: true, usage: { totalTokens: 0 } });
    expect(provider.callCount).toBe(1);
  });

  it('scores each vacancy and resume pair separately', async () => {
    const provider = new FakeProvider(answer);
    const cache = memoryCache();
    await scoreVacancy({ provider, vacancy: frontendVacancy, resume, cache });
    await scoreVacancy({ provider, vacancy: englishVacancy, resume, cache });
    await scoreVacancy({ provider, vacancy: frontendVacancy, resume: { ...resume, hhId: 'other' }, cache });
    expect(provider.callCount).toBe(3);
    expect(cache.size).toBe(3);
  });

  it('scores again after the resume changed', async () => {
    const provider = new FakeProvider([answer, '{"score": 90, "reason": "Добавлен опыт a11y"}']);
    const cache = memoryCache('2025-03-14T09:00:00.000Z');
    await scoreVacancy({ provider, vacancy: frontendVacancy, resume, cache });
    const changed = { ...resume, updatedAt: '2025-03-15T10:00:00.000Z' };
    cache.setNow('2025-03-15T11:00:00.000Z');
    expect(await scoreVacancy({ provider, vacancy: frontendVacancy, resume: changed, cache })).toMatchObject({ score: 90, cached: false });
    expect(await scoreVacancy({ provider, vacancy: frontendVacancy, resume: changed, cache })).toMatchObject({ score: 90, cached: true });
    expect(provider.callCount).toBe(2);
  });

  it('sends a short, cheap prompt asking for strict JSON', async () => {
    const provider = new FakeProvider(answer);
    const long = {
      ...frontendVacancy,
      descriptionText: `${'Очень длинное описание компании и её истории. '.repeat(400)}\n${frontendVacancy.descriptionText}`,
    };
    await scoreVacancy({ provider, vacancy: long, resume, cache: memoryCache() });
    const prompt = provider.prompt();
    expect(prompt).toContain('{"score": <целое число от 0 до 100>');
    expect(prompt).toContain('Frontend-разработчик (React)');
    expect(prompt).toContain('опыт коммерческой разработки на React от 3 лет');
    expect(prompt).toContain('Ozon');
    expect(prompt.length).toBeLessThan(5_500);
    expect(provider.calls[0]!.options).toMatchObject({ maxTokens: 200, temperature: 0.1 });
  });

  it('writes the reason in English for an English vacancy', async () => {
    const provider = new FakeProvider('{"score": 30, "reason": "No Go experience"}');
    await scoreVacancy({ provider, vacancy: englishVacancy, resume, cache: memoryCache() });
    expect(provider.prompt()).toContain('one short line: the main match or mismatch');
  });

  it('caches nothing when the answer has no score', async () => {
    const provider = new FakeProvider(['Трудно сказать.', answer]);
    const cache = memoryCache();
    await expect(scoreVacancy({ provider, vacancy: frontendVacancy, resume, cache })).rejects.toMatchObject({ code: 'ai_unavailable' });
    expect(cache.size).toBe(0);
    expect(await scoreVacancy({ provider, vacancy: frontendVacancy, resume, cache })).toMatchObject({ score: 82, cached: false });
  });

  it('needs a model: template mode cannot rate, but cached scores still count', async () => {
    const template = new FakeProvider('', 'template');
    const cache = memoryCache();
    await expect(scoreVacancy({ provider: template, vacancy: frontendVacancy, resume, cache })).rejects.toMatchObject({
      code: 'ai_not_configured',
      next: { kind: 'open_settings' },
    });
    await scoreVacancy({ provider: new FakeProvider(answer), vacancy: frontendVacancy, resume, cache });
    expect(await scoreVacancy({ provider: template, vacancy: frontendVacancy, resume, cache })).toMatchObject({ score: 82, cached: true });
    expect(template.callCount).toBe(0);
  });
});

describe('meetsThreshold', () => {
  it('drafts at or above the threshold, and always without one', () => {
    expect(meetsThreshold(70, 70)).toBe(true);
    expect(meetsThreshold(69, 70)).toBe(false);
    expect(meetsThreshold(0, null)).toBe(true);
    expect(meetsThreshold(0, undefined)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { AppError } from '../../../main/core/errors';
import { parseScore } from '../../../main/core/vacancies/scoring';

describe('parseScore', () => {
  it.each([
    ['{"score": 85, "reason": "Стек совпадает: React и TypeScript"}', 85, 'Стек совпадает: React и TypeScript'],
    ['Вот оценка:\n```json\n{"score": 72, "reason": "Нет опыта с MobX"}\n```', 72, 'Нет опыта с MobX'],
    ['{"score": "64", "reason": "  Частично:\n  нет Go  "}', 64, 'Частично: нет Go'],
    ['{"score": 140, "reason": "Идеально"}', 100, 'Идеально'],
    ['{"score": -5, "reason": "Совсем другое"}', 0, 'Совсем другое'],
    ['{"score": 77.6}', 78, ''],
    ['{"score": 0.85, "reason": "доля"}', 85, 'доля'],
    ['{"score": 1, "reason": "почти ноль"}', 1, 'почти ноль'],
    ['{"score": 85, "reason": "Хорошо', 85, 'Хорошо'],
    ['Оценка: 72. Причина: нет опыта с Redux', 72, 'нет опыта с Redux'],
    ['score = 40', 40, ''],
    ['Кандидат подходит на 90% — сильный React', 90, ''],
    ['Соответствие: 65/100', 65, ''],
    ['85', 85, ''],
    ['  70.  ', 70, ''],
    ['55 — опыт меньше требуемого', 55, 'опыт меньше требуемого'],
  ])('reads %j', (answer, score, reason) => {
    expect(parseScore(answer)).toEqual({ score, reason });
  });

  it('cuts a long reason to one short line', () => {
    const { reason } = parseScore(JSON.stringify({ score: 50, reason: 'очень '.repeat(100) }));
    expect(reason.length).toBeLessThanOrEqual(300);
    expect(reason.endsWith('…')).toBe(true);
  });

  it('does not read years of experience as a score', () => {
    expect(() => parseScore('5 лет опыта — хорошо подходит')).toThrow(AppError);
  });

  it('fails with a typed, retryable error when there is no score', () => {
    try {
      parseScore('Вакансия в целом интересная, но сложно сказать однозначно.');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      expect(err).toMatchObject({ code: 'ai_unavailable', retryable: true, details: { reason: 'unreadable_score' } });
      expect((err as AppError).message).toContain('without a score from 0 to 100');
    }
  });

  it('fails as a refusal when the model declines', () => {
    expect(() => parseScore('Как языковая модель, я не могу оценивать людей.')).toThrow(expect.objectContaining({ code: 'ai_refused' }));
    expect(() => parseScore('Извините, я не могу оценить соответствие.')).toThrow(expect.objectContaining({ code: 'ai_refused' }));
  });
});

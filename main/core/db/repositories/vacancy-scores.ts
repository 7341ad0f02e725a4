import type { Clock } from '../../ports';
import type { DatabaseClient, Row } from '../client';

/** How well one vacancy fits one resume, as the model rated it. */
export interface VacancyScore {
  vacancyId: number;
  resumeHhId: string;
  /** 0-100. */
  score: number;
  /** One line, shown beside the score. */
  reason: string;
  model: string;
  scoredAt: string;
}

export type VacancyScoreInput = Omit<VacancyScore, 'scoredAt'>;

const toScore = (row: Row): VacancyScore => ({
  vacancyId: Number(row.vacancy_id),
  resumeHhId: String(row.resume_hh_id),
  score: Number(row.score),
  reason: String(row.reason),
  model: String(row.model),
  scoredAt: String(row.scored_at),
});

/** The scoring cache: rating a vacancy costs tokens, so each is rated once per resume. */
export class VacancyScoreRepository {
  constructor(
    private readonly db: DatabaseClient,
    private readonly clock: Clock,
  ) {}

  async get(vacancyId: number, resumeHhId: string): Promise<VacancyScore | undefined> {
    const row = await this.db.get('SELECT * FROM vacancy_scores WHERE vacancy_id = ? AND resume_hh_id = ?', [vacancyId, resumeHhId]);
    return row ? toScore(row) : undefined;
  }

  /** Stores or replaces the score; fails for a vacancy that is not stored. */
  async put(input: VacancyScoreInput): Promise<VacancyScore> {
    if (!Number.isInteger(input.score) || input.score < 0 || input.score > 100) {
      throw new Error(`a vacancy score is a whole number from 0 to 100, got ${input.score}`);
    }
    if (!input.resumeHhId) throw new Error('a vacancy score needs the resume it was made for');
    const score: VacancyScore = { ...input, scoredAt: this.clock.now().toISOString() };
    await this.db.run(
      `INSERT INTO vacancy_scores (vacancy_id, resume_hh_id, score, reason, model, scored_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(vacancy_id, resume_hh_id) DO UPDATE SET score = excluded.score, reason = excluded.reason,
         model = excluded.model, scored_at = excluded.scored_at`,
      [score.vacancyId, score.resumeHhId, score.score, score.reason, score.model, score.scoredAt],
    );
    return score;
  }
}

import type { Resume, Vacancy } from '../../../../shared/domain';
import type { LetterLanguage } from '../../../../shared/domain/letter';
import type { VacancyScore, VacancyScoreInput } from '../../db/repositories/vacancy-scores';
import { AppError } from '../../errors';
import type { TextProvider, Usage } from '../../ai/provider';
import type { ResumeText } from '../../ai/text/resume-facts';
import { vacancyLanguage, type VacancyText } from '../../ai/text/vacancy-text';
import { parseScore } from './parse';
import { buildScorePrompt } from './prompt';

/** Where scores are kept between runs: VacancyScoreRepository in the app, a Map in tests. */
export interface ScoreCache {
  get(vacancyId: number, resumeHhId: string): Promise<VacancyScore | undefined>;
  put(input: VacancyScoreInput): Promise<VacancyScore>;
}

export interface ScoreVacancyInput {
  provider: TextProvider;
  vacancy: VacancyText & Pick<Vacancy, 'id'>;
  /** With updatedAt, a score older than the resume's last change is made again. */
  resume: ResumeText & Pick<Resume, 'hhId'> & Partial<Pick<Resume, 'updatedAt'>>;
  cache: ScoreCache;
  signal?: AbortSignal;
  timeoutMs?: number;
  /** The language of the reason; the vacancy's when absent. */
  language?: LetterLanguage;
}

export interface ScoreResult {
  score: number;
  reason: string;
  model: string;
  /** True when no model was asked. */
  cached: boolean;
  usage: Usage;
}

const NO_USAGE: Usage = { promptTokens: 0, completionTokens: 0, totalTokens: 0 };
// A rating is a judgement, not prose: as repeatable as the provider allows (some refuse exactly 0).
const SCORE_TEMPERATURE = 0.1;
// {"score": 100, "reason": "..."} with a long Russian line fits in well under this.
const SCORE_MAX_TOKENS = 200;

/** How well the vacancy fits the resume, 0-100 with a one-line reason; from the cache when it can be. */
export async function scoreVacancy(input: ScoreVacancyInput): Promise<ScoreResult> {
  const { provider, vacancy, resume, cache, signal, timeoutMs } = input;
  signal?.throwIfAborted();
  const known = await cache.get(vacancy.id, resume.hhId);
  if (known && (!resume.updatedAt || known.scoredAt >= resume.updatedAt)) {
    return { score: known.score, reason: known.reason, model: known.model, cached: true, usage: NO_USAGE };
  }
  if (provider.kind === 'template') {
    throw AppError.of(
      'ai_not_configured',
      'Rating vacancies needs an AI model. Choose GigaChat or an OpenAI-compatible service in Settings → AI, or turn scoring off for this search.',
      {
        next: { kind: 'open_settings', section: 'ai' },
      },
    );
  }
  const language = input.language ?? vacancyLanguage(vacancy);
  const completion = await provider.complete(buildScorePrompt(vacancy, resume, language), {
    signal,
    timeoutMs,
    temperature: SCORE_TEMPERATURE,
    maxTokens: SCORE_MAX_TOKENS,
  });
  const { score, reason } = parseScore(completion.text);
  await cache.put({ vacancyId: vacancy.id, resumeHhId: resume.hhId, score, reason, model: completion.model });
  return { score, reason, model: completion.model, cached: false, usage: completion.usage };
}

/** Whether a search with this threshold drafts a letter for this score; no threshold drafts all. */
export const meetsThreshold = (score: number, threshold: number | null | undefined): boolean =>
  threshold === null || threshold === undefined || score >= threshold;

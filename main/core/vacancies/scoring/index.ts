export { normalizeScore, parseScore, type ParsedScore } from './parse';
export { buildScorePrompt } from '../../ai/prompts/score';
export { meetsThreshold, scoreVacancy, type ScoreCache, type ScoreResult, type ScoreVacancyInput } from './score';

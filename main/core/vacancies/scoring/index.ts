export { normalizeScore, parseScore, type ParsedScore } from './parse';
export { buildScorePrompt } from './prompt';
export { meetsThreshold, scoreVacancy, type ScoreCache, type ScoreResult, type ScoreVacancyInput } from './score';

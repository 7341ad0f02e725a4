import { hhUnavailableSentences, type HhUnavailableCode } from '../../../shared/domain';

/**
 * Why a path to hh.ru cannot serve an operation now: one sentence per reason, in English for logs and
 * error messages, each with the code the window translates (Settings → "How the app reaches hh.ru").
 */
export const UNAVAILABLE = hhUnavailableSentences;

const CODES = new Map(Object.entries(UNAVAILABLE).map(([code, sentence]) => [sentence as string, code as HhUnavailableCode]));

/** The code of a reason sentence; 'other' for a sentence from elsewhere (shown as it is). */
export const unavailableCode = (reason: string): HhUnavailableCode => CODES.get(reason) ?? 'other';

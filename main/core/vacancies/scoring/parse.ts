import { AppError } from '../../errors';
import { findAiDisclaimer } from '../../ai/text/detectors';
import { extractJsonObject, stripCodeFences } from '../../ai/text/json-answer';

export interface ParsedScore {
  score: number;
  reason: string;
}

const REASON_MAX = 300;

const oneLine = (text: string) => {
  const line = text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^["'«“]+|["'»”]+$/g, '');
  return line.length > REASON_MAX ? `${line.slice(0, REASON_MAX - 1).trimEnd()}…` : line;
};

/**
 * 0-100, whole. A fraction between 0 and 1 is read as a share ("0.85" meant 85%), the one slip
 * models make with this scale; anything else out of range is clamped.
 */
export function normalizeScore(value: number): number {
  const scaled = value > 0 && value < 1 && !Number.isInteger(value) ? value * 100 : value;
  return Math.min(100, Math.max(0, Math.round(scaled)));
}

const toNumber = (value: unknown): number | undefined => {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string') {
    const match = value.match(/-?\d+(?:[.,]\d+)?/);
    return match ? Number(match[0].replace(',', '.')) : undefined;
  }
  return undefined;
};

const NUMBER = '(-?\\d{1,3}(?:[.,]\\d+)?)';
const KEY_VALUE = new RegExp(`["']?(?:score|оценка|балл)["']?\\s*[:=]\\s*["']?${NUMBER}`, 'iu');
const REASON_VALUE = /["']?(?:reason|причина|обоснование)["']?\s*[:=]\s*(?:"([^"\n]*)"?|([^\n]+))/iu;
const OUT_OF_100 = new RegExp(`${NUMBER}\\s*(?:/\\s*100|%|из\\s+100|out\\s+of\\s+100)`, 'iu');
const LEADING = new RegExp(`^${NUMBER}(?![\\d.,]*\\s*(?:лет|год|years?|месяц|months?))\\s*(?:[-—–:.)]\\s*|\\s+|$)([\\s\\S]*)$`, 'iu');

/**
 * Reads the model's rating however it wrote it: the JSON that was asked for, JSON inside prose or
 * a fence, "score: 85", "85/100", or a bare number with an optional reason after it.
 */
export function parseScore(text: string): ParsedScore {
  const answer = stripCodeFences(text).trim();
  const json = extractJsonObject(answer);
  const fromJson = toNumber(json?.score ?? json?.оценка ?? json?.rating);
  if (fromJson !== undefined) return { score: normalizeScore(fromJson), reason: oneLine(String(json?.reason ?? json?.причина ?? '')) };

  const reasonMatch = answer.match(REASON_VALUE);
  const reason = oneLine(reasonMatch?.[1] ?? reasonMatch?.[2] ?? '');
  const keyed = answer.match(KEY_VALUE) ?? answer.match(OUT_OF_100);
  if (keyed) return { score: normalizeScore(Number(keyed[1]!.replace(',', '.'))), reason };

  const leading = answer.match(LEADING);
  if (leading) return { score: normalizeScore(Number(leading[1]!.replace(',', '.'))), reason: reason || oneLine(leading[2] ?? '') };

  throw unreadable(answer);
}

// A refusal is the model declining, which the user can act on (another model); anything else is an
// answer in the wrong shape. No code says "the model answered nonsense", so that is ai_unavailable,
// retryable, with the exact reason in details (see the report's open questions).
function unreadable(answer: string): AppError {
  const sample = oneLine(answer).slice(0, 200);
  if (
    findAiDisclaimer(answer) ||
    /не (?:могу|буду) (?:оценить|дать оценку)|cannot (?:rate|score|evaluate)|can't (?:rate|score|evaluate)/iu.test(answer)
  ) {
    return AppError.of('ai_refused', 'The AI model declined to rate this vacancy. It was not scored; try another model in Settings → AI.', {
      details: { reason: 'score_refused', answer: sample },
    });
  }
  return AppError.of(
    'ai_unavailable',
    'The AI model answered without a score from 0 to 100, so the vacancy was not scored. It will be tried again on the next run.',
    {
      retryable: true,
      details: { reason: 'unreadable_score', answer: sample },
    },
  );
}

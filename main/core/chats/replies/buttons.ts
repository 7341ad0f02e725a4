import { cleanModelText } from '../../ai/text/clean';
import { normalizeForMatch } from '../../ai/text/normalize';

/** What the model says when the resume does not answer the question; never a button. */
export const UNSURE_ANSWER = 'UNKNOWN';

// Case, spacing, ё, surrounding quotes and end punctuation never make two answers different.
const normalizeButton = (text: string) =>
  normalizeForMatch(text)
    .replace(/^["'«»“”\s]+|["'«»“”\s]+$/g, '')
    .replace(/[.!;:,]+$/, '')
    .trim();

export type ButtonMatch = { kind: 'matched'; button: string } | { kind: 'unsure' } | { kind: 'no_match' };

/**
 * Maps the model's answer to one of the buttons and returns that button's exact text, since hh.ru
 * accepts only a button's own text. Accepted: the button's text (in any case or spacing), its number
 * in the list, or "2. Нет" when number and text agree. Anything else matches nothing.
 */
export function matchButton(answer: string, buttons: string[]): ButtonMatch {
  const firstLine =
    cleanModelText(answer)
      .split('\n')
      .find((line) => line.trim()) ?? '';
  const said = normalizeButton(firstLine.replace(/^\s*(?:ответ|вариант|answer|option)\s*[:№#-]?\s*/iu, ''));
  if (!said) return { kind: 'no_match' };
  if (said === normalizeButton(UNSURE_ANSWER)) return { kind: 'unsure' };

  const byText = buttons.find((button) => normalizeButton(button) === said);
  if (byText !== undefined) return { kind: 'matched', button: byText };

  const numbered = said.match(/^(\d{1,2})(?:\s*[.)]\s*(.*))?$/u);
  if (numbered) {
    const button = buttons[Number(numbered[1]) - 1];
    const text = numbered[2]?.trim();
    if (button !== undefined && (!text || normalizeButton(text) === normalizeButton(button))) return { kind: 'matched', button };
  }
  return { kind: 'no_match' };
}

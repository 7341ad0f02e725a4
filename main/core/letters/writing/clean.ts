import { findPlaceholders } from '../../ai/text/detectors';
import { cleanModelText, stripWrappingQuotes, tidyParagraphs } from '../../ai/text/clean';
import { normalizeForMatch } from '../../ai/text/normalize';
import { stripContactSections } from './contacts';

// "Конечно! Вот сопроводительное письмо:" / "Here is your cover letter:" before the letter itself.
const LEAD_IN =
  /^(?:конечно|разумеется|хорошо|вот|ниже|представляю|sure|certainly|of course|here is|here's|below is)[^\n]{0,120}[:：]\s*$/iu;
// A title line: "Сопроводительное письмо", "Cover letter: Frontend developer", "Тема: ...".
const TITLE = /^(?:сопроводительное письмо|cover letter)(?:[^\n.!?]{0,80})?$|^(?:тема|subject)\s*[:：]/iu;
// Model chatter after the letter: an offer to change it, not the letter's own closing.
const AFTERWORD =
  /^(?:надеюсь|если (?:нужно|хотите|необходимо)|могу (?:также|ещё|еще)|при необходимости|i hope|let me know|feel free|if you (?:want|need|would like))[^\n]*(?:письм|адаптир|скорректир|измени|доработ|letter|adjust|tailor|modify|chang)/iu;
const SIGN_OFF =
  /^(?:с уважением|с наилучшими пожеланиями|всего доброго|искренне ваш[а]?|best regards|kind regards|warm regards|regards|sincerely|yours sincerely|best wishes|best)\s*,?$/iu;
// Placeholders standing for the sender's name: "[Ваше имя]", "{name}", "<Имя Фамилия>", "[Your Name]".
const NAME_PLACEHOLDER =
  /^[[{<]\s*(?:ваше |ваши |мое |моё )?(?:имя(?: и фамилия| фамилия)?|фио|your (?:full )?name|name|full name|candidate name|имя кандидата)\s*[\]}>]$/iu;

/**
 * The model's letter as the employer should read it: no fences, quotes, Markdown, lead-in or
 * afterword, no contacts section of its own (the app appends the real one) and no placeholder where
 * a signature should be.
 */
export function cleanLetterBody(text: string, options: { name?: string } = {}): string {
  const name = options.name?.trim() ?? '';
  let lines = cleanModelText(text).split('\n');

  while (lines.length && (!lines[0]!.trim() || LEAD_IN.test(lines[0]!.trim()) || TITLE.test(lines[0]!.trim()))) lines.shift();
  while (lines.length && (!lines.at(-1)!.trim() || AFTERWORD.test(lines.at(-1)!.trim()))) lines.pop();

  lines = stripContactSections(lines.join('\n')).split('\n');

  // A name placeholder means the sender: the profile name when there is one.
  lines = lines.map((line) =>
    line.replace(/[[{<][^\]}>\n]{1,40}[\]}>]/g, (found) => (name && NAME_PLACEHOLDER.test(found) ? name : found)),
  );
  // Any other placeholder left in the closing lines is a contact or a signature detail: the contacts
  // block carries those, so they go. Placeholders in the body stay for validation to report.
  const closing = lastSignOff(lines);
  if (closing !== -1) {
    lines = lines.map((line, index) => (index >= closing ? removePlaceholders(line) : line));
    while (lines.length > closing + 1 && !lines.at(-1)!.trim()) lines.pop();
    // "С уважением," left bare at the end gets the name; "С уважением, Иван" already has it.
    if (name && closing === lines.length - 1 && SIGN_OFF.test(lines[closing]!.trim())) lines.push(name);
  } else {
    while (lines.length && isOnlyPlaceholders(lines.at(-1)!)) lines.pop();
  }
  return stripWrappingQuotes(tidyParagraphs(lines.join('\n')));
}

function lastSignOff(lines: string[]): number {
  for (let i = lines.length - 1; i >= Math.max(0, lines.length - 4); i -= 1) {
    const line = lines[i]!.trim();
    if (SIGN_OFF.test(line) || SIGN_OFF.test(line.split(',')[0]! + ',')) return i;
  }
  return -1;
}

function removePlaceholders(line: string): string {
  let result = line;
  for (const placeholder of findPlaceholders(line)) result = result.split(placeholder).join('');
  return result
    .replace(/\s+,/g, ',')
    .replace(/[ \t]{2,}/g, ' ')
    .trimEnd();
}

const isOnlyPlaceholders = (line: string) => {
  const trimmed = line.trim();
  return (
    Boolean(trimmed) && findPlaceholders(trimmed).length > 0 && !normalizeForMatch(removePlaceholders(trimmed)).replace(/[-–—,.:;\s]/g, '')
  );
};

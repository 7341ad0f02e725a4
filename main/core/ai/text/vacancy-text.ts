import type { VacancyFacts } from '../../../../shared/domain';
import type { LetterLanguage } from '../../../../shared/domain/letter';
import { htmlToText, tidyLines } from '../../text/html';
import { detectLanguage } from './language';
import { truncateText } from './truncate';

/** What the AI features read from a vacancy; a stored Vacancy and hh.ru's VacancyFacts both fit. */
export type VacancyText = Pick<VacancyFacts, 'title' | 'employer' | 'descriptionText' | 'descriptionHtml' | 'keySkills'> & {
  raw?: unknown;
};

/** The description as plain text, from the HTML when the text copy is missing. */
export function vacancyDescription(vacancy: VacancyText): string {
  // One letter asks for it several times (language, template fields, prompt): worked out once per vacancy object.
  const known = descriptions.get(vacancy);
  if (known?.from === vacancy.descriptionText) return known.text;
  const text = describe(vacancy);
  descriptions.set(vacancy, { from: vacancy.descriptionText, text });
  return text;
}

const descriptions = new WeakMap<object, { from: string; text: string }>();

function describe(vacancy: VacancyText): string {
  const text = vacancy.descriptionText.trim();
  if (text) return /<\/?[a-z][^>]*>/i.test(text) ? htmlToText(text) : tidyLines(text);
  return vacancy.descriptionHtml ? htmlToText(vacancy.descriptionHtml) : '';
}

/** The language a letter for this vacancy is written in. */
export const vacancyLanguage = (vacancy: VacancyText): LetterLanguage => detectLanguage(`${vacancy.title}\n${vacancyDescription(vacancy)}`);

const REQUIREMENT_HEADING =
  /^(требования|требования к кандидату|наши требования|мы ожидаем|ожидаем|что мы ожидаем|что мы ждем|что мы ждём|наши ожидания|необходимые навыки|что нужно|что для нас важно|кого мы ищем|будет плюсом|будет преимуществом|мы ждем от вас|мы ждём от вас|(ты|вы) нам подходи(шь|те),? если|requirements|what we expect|what we're looking for|what we are looking for|qualifications|must have|nice to have|you have|skills)(?![\p{L}\p{N}])/iu;
const OTHER_HEADING =
  /^(обязанности|задачи|чем предстоит заниматься|что предстоит делать|условия|мы предлагаем|что мы предлагаем|у нас|о компании|о нас|о проекте|бонусы|преимущества|responsibilities|what you will do|we offer|benefits|about us|about the company|conditions)(?![\p{L}\p{N}])/iu;

const PLAIN_HEADING = /^(требования|requirements)\s*[:：]?$/iu;

// Only known headings open or close a section: "Знание одного из языков:" inside the requirements
// ends with a colon too.
const isHeading = (line: string) => line.length > 0 && line.length <= 70 && (OTHER_HEADING.test(line) || REQUIREMENT_HEADING.test(line));

/**
 * The "Требования" section(s) of a description: kept apart so they survive when a long description
 * is cut. Falls back to the requirement snippet hh.ru's search gives.
 */
export function extractRequirements(description: string, raw?: unknown): string {
  const lines = description.split('\n').map((line) => line.trim());
  const picked: string[] = [];
  let inside = false;
  for (const line of lines) {
    const heading = line.replace(/^[-•*]\s*/, '');
    if (isHeading(heading)) {
      inside = REQUIREMENT_HEADING.test(heading);
      // A bare "Требования:" repeats the label it is shown under; "Будет плюсом:" says something.
      if (inside && !PLAIN_HEADING.test(heading)) picked.push(heading);
      continue;
    }
    if (inside && line) picked.push(line);
  }
  if (picked.length) return picked.join('\n');
  return snippetRequirement(raw);
}

function snippetRequirement(raw: unknown): string {
  const snippet = (raw as { snippet?: { requirement?: unknown } } | null | undefined)?.snippet?.requirement;
  return typeof snippet === 'string' ? htmlToText(snippet) : '';
}

export interface VacancyBlockBudget {
  /** The description and the requirements together. */
  description: number;
  requirements: number;
}

/**
 * The description within a budget. When it fits, it goes whole (the requirements are in it); when
 * not, the requirements go first and the description's beginning fills the rest.
 */
export function budgetedDescription(
  vacancy: VacancyText,
  budget: VacancyBlockBudget,
): { description: string; requirements: string; truncated: boolean } {
  const description = vacancyDescription(vacancy);
  if (description.length <= budget.description) {
    return { description, requirements: description ? '' : extractRequirements('', vacancy.raw), truncated: false };
  }
  const requirements = truncateText(extractRequirements(description, vacancy.raw), budget.requirements).text;
  const rest = truncateText(description, Math.max(500, budget.description - requirements.length));
  return { description: rest.text, requirements, truncated: true };
}

import { stripCodeFences } from './json-answer';

const QUOTE_PAIRS: [string, string][] = [
  ['"', '"'],
  ['«', '»'],
  ['“', '”'],
  ['„', '“'],
  ["'", "'"],
];

/** Drops one pair of quotes around the whole text, only when no quote of that kind is inside. */
export function stripWrappingQuotes(text: string): string {
  const trimmed = text.trim();
  for (const [open, close] of QUOTE_PAIRS) {
    if (trimmed.length > 2 && trimmed.startsWith(open) && trimmed.endsWith(close)) {
      const inner = trimmed.slice(open.length, -close.length);
      if (!inner.includes(open) && !inner.includes(close)) return inner.trim();
    }
  }
  return trimmed;
}

/**
 * The Markdown a model adds out of habit, turned into the plain text it meant: hh.ru shows letters
 * and chat messages as typed, so "**Опыт**" would reach the employer with its asterisks.
 */
export function stripMarkdown(text: string): string {
  return text
    .replace(/\*\*([^*\n]+)\*\*/g, '$1')
    .replace(/(^|\s)__([^_\n]+)__(?=$|[\s.,!?:;])/gm, '$1$2')
    .replace(/^([ \t]*)#{1,6}[ \t]+/gm, '$1')
    .replace(/^([ \t]*)\*[ \t]+(?=\S)/gm, '$1- ')
    .replace(/(^|\s)\*([^*\s][^*\n]*)\*(?=$|[\s.,!?:;])/gm, '$1$2')
    .replace(/\[([^\]\n]+)\]\(((?:https?:|mailto:|www\.)[^)\s]*)\)/g, (_, label: string, url: string) =>
      label.trim() === url.replace(/^mailto:/, '') ? url.replace(/^mailto:/, '') : `${label} (${url.replace(/^mailto:/, '')})`,
    )
    .replace(/`([^`\n]+)`/g, '$1')
    .replace(/^[ \t]*(?:-{3,}|\*{3,}|_{3,})[ \t]*$/gm, '');
}

/** Line endings, trailing spaces and blank-line runs, so texts compare and read the same. */
export const tidyParagraphs = (text: string): string =>
  text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();

/** What every model answer meant to be shown as text goes through. */
export const cleanModelText = (text: string): string =>
  tidyParagraphs(stripMarkdown(stripWrappingQuotes(stripCodeFences(tidyParagraphs(text)))));

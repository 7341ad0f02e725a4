/**
 * The form texts are compared in: lower case, ё as е, one space between words, typographic quotes
 * and apostrophes as plain ones. Only for matching; never shown.
 */
export const normalizeForMatch = (text: string): string =>
  text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[’‘`]/g, "'")
    .replace(/[“”«»„]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();

// JavaScript's \b only knows ASCII letters, so Cyrillic words need their own boundaries.
const NOT_LETTER_BEFORE = '(?<![\\p{L}\\p{N}])';
const NOT_LETTER_AFTER = '(?![\\p{L}\\p{N}])';

/** A case-insensitive regex for whole words of any script; `source` is a regex source. */
export const wordsRegex = (source: string, flags = ''): RegExp =>
  new RegExp(`${NOT_LETTER_BEFORE}(?:${source})${NOT_LETTER_AFTER}`, `iu${flags}`);

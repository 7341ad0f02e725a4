import type { LetterLanguage } from '../../../../shared/domain/letter';

// Russian vacancies are full of Latin tech words (React, CI/CD, PostgreSQL), so a Russian text can be
// half Latin; an English one written in Russia rarely has more than a city or a company in Cyrillic.
const RUSSIAN_SHARE = 0.3;
// Too few letters to tell (an empty description, a title like "Java developer"): Russian, the
// default, since a vacancy on hh.ru with nothing else to go by is almost always a Russian one.
const MIN_LETTERS = 20;

/** 'ru' unless the text is clearly written in Latin letters. */
export function detectLanguage(text: string): LetterLanguage {
  // Counted in one pass over the code units: matching every letter with a /g regex built an array
  // the size of the text, twice, for each vacancy.
  let cyrillic = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) latin += 1;
    else if (c < 0xc0) continue;
    else if (c >= 0x400 && c <= 0x52f) cyrillic += 1;
    else if ((c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x1e00 && c <= 0x1eff)) latin += 1;
    else if (c >= 0x1c80 && c <= 0x1c8f) cyrillic += 1;
    else if (c >= 0x2de0 && c <= 0x2dff) cyrillic += 1;
    else if (c >= 0xa640 && c <= 0xa69f) cyrillic += 1;
  }
  if (cyrillic + latin < MIN_LETTERS) return 'ru';
  return cyrillic / (cyrillic + latin) >= RUSSIAN_SHARE ? 'ru' : 'en';
}

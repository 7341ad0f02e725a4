import type { LetterLanguage } from '../../../../shared/domain/letter';

// Russian vacancies are full of Latin tech words (React, CI/CD, PostgreSQL), so a Russian text can be
// half Latin; an English one written in Russia rarely has more than a city or a company in Cyrillic.
const RUSSIAN_SHARE = 0.3;
// Too few letters to tell (an empty description, a title like "Java developer"): Russian, the
// default, since a vacancy on hh.ru with nothing else to go by is almost always a Russian one.
const MIN_LETTERS = 20;

/** 'ru' unless the text is clearly written in Latin letters. */
export function detectLanguage(text: string): LetterLanguage {
  const cyrillic = text.match(/\p{Script=Cyrillic}/gu)?.length ?? 0;
  const latin = text.match(/\p{Script=Latin}/gu)?.length ?? 0;
  if (cyrillic + latin < MIN_LETTERS) return 'ru';
  return cyrillic / (cyrillic + latin) >= RUSSIAN_SHARE ? 'ru' : 'en';
}

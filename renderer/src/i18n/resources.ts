import { en } from './en';
import { ru } from './ru';
import { workEn } from './work.en';
import { workRu } from './work.ru';

export const resources = {
  ru: { translation: { ...ru, work: workRu } },
  en: { translation: { ...en, work: workEn } },
};

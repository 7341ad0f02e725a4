import { builderEn } from './builder.en';
import { builderRu } from './builder.ru';
import { en } from './en';
import { ru } from './ru';
import { workEn } from './work.en';
import { workRu } from './work.ru';

export const resources = {
  ru: { translation: { ...ru, work: workRu, builder: builderRu } },
  en: { translation: { ...en, work: workEn, builder: builderEn } },
};

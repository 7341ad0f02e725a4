import { en } from './en';
import { localApiEn } from './localApi.en';
import { localApiRu } from './localApi.ru';
import { ru } from './ru';
import { workEn } from './work.en';
import { workRu } from './work.ru';

/**
 * The Local API's texts live in their own files; its Settings section's name and its two error
 * codes join the groups the shell reads them from (settings.sections, errors.codes) here.
 */
const withLocalApi = <T extends typeof ru | typeof en>(base: T, texts: typeof localApiRu | typeof localApiEn) => ({
  ...base,
  settings: { ...base.settings, sections: { ...base.settings.sections, localApi: texts.section } },
  errors: { ...base.errors, codes: { ...base.errors.codes, ...texts.errorCodes } },
  localApi: texts,
});

export const resources = {
  ru: { translation: { ...withLocalApi(ru, localApiRu), work: workRu } },
  en: { translation: { ...withLocalApi(en, localApiEn), work: workEn } },
};

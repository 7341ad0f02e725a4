import { builderEn } from './builder.en';
import { builderRu } from './builder.ru';
import { en } from './en';
import { localApiEn } from './localApi.en';
import { localApiRu } from './localApi.ru';
import { ru } from './ru';
import { supportEn } from './support.en';
import { supportRu } from './support.ru';
import { workEn } from './work.en';
import { workRu } from './work.ru';

/**
 * The Local API's texts live in their own files; its Settings section's name, its two error
 * codes and its activity log actions join the groups the shell reads them from here.
 */
const withLocalApi = <T extends typeof ru | typeof en>(base: T, texts: typeof localApiRu | typeof localApiEn) => ({
  ...base,
  settings: { ...base.settings, sections: { ...base.settings.sections, localApi: texts.section } },
  errors: { ...base.errors, codes: { ...base.errors.codes, ...texts.errorCodes } },
  activity: { ...base.activity, actions: { ...base.activity.actions, ...texts.activityActions } },
  localApi: texts,
});

export const resources = {
  ru: { translation: { ...withLocalApi(ru, localApiRu), work: workRu, builder: builderRu, support: supportRu } },
  en: { translation: { ...withLocalApi(en, localApiEn), work: workEn, builder: builderEn, support: supportEn } },
};

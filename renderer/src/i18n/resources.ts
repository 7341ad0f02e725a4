import { builderEn } from './builder.en';
import { builderRu } from './builder.ru';
import { en } from './en';
import { localApiEn } from './localApi.en';
import { localApiRu } from './localApi.ru';
import { ru } from './ru';
import { supportEn } from './support.en';
import { supportRu } from './support.ru';
import { updatesEn } from './updates.en';
import { updatesRu } from './updates.ru';
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

/** The same for updates: the card's texts, its error codes and its notice. */
const withUpdates = <T extends ReturnType<typeof withLocalApi>>(base: T, texts: typeof updatesRu | typeof updatesEn) => ({
  ...base,
  errors: { ...base.errors, codes: { ...base.errors.codes, ...texts.errorCodes } },
  notices: { ...base.notices, ...texts.notices },
  updates: texts,
});

export const resources = {
  ru: { translation: { ...withUpdates(withLocalApi(ru, localApiRu), updatesRu), work: workRu, builder: builderRu, support: supportRu } },
  en: { translation: { ...withUpdates(withLocalApi(en, localApiEn), updatesEn), work: workEn, builder: builderEn, support: supportEn } },
};

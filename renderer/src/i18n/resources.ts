import { chatsEn } from './chats.en';
import { chatsRu } from './chats.ru';
import { commonEn } from './common.en';
import { commonRu } from './common.ru';
import { lettersEn } from './letters.en';
import { lettersRu } from './letters.ru';
import { searchesEn } from './searches.en';
import { searchesRu } from './searches.ru';
import { vacanciesEn } from './vacancies.en';
import { vacanciesRu } from './vacancies.ru';
import { validationEn } from './validation.en';
import { validationRu } from './validation.ru';
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

/** One file per screen (and one for what the work screens share): keys under the screen's own name. */
const perScreen = {
  ru: { common: commonRu, validation: validationRu, searches: searchesRu, vacancies: vacanciesRu, letters: lettersRu, chats: chatsRu },
  en: { common: commonEn, validation: validationEn, searches: searchesEn, vacancies: vacanciesEn, letters: lettersEn, chats: chatsEn },
};

export const resources = {
  ru: { translation: { ...withUpdates(withLocalApi(ru, localApiRu), updatesRu), ...perScreen.ru, builder: builderRu, support: supportRu } },
  en: { translation: { ...withUpdates(withLocalApi(en, localApiEn), updatesEn), ...perScreen.en, builder: builderEn, support: supportEn } },
};

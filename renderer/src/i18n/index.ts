import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../shared/contract';
import { resources } from './resources';

/** Russian first: most users are in Russia and nearby countries. English is the second language. */
export async function setupI18n(language: Language = 'ru') {
  await i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'ru',
    interpolation: { escapeValue: false },
    returnObjects: true,
  });
  return i18next;
}

export { i18next };

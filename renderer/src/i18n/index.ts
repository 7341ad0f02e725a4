import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../shared/contract';
import { resources } from './resources';
import { knownKey } from './knownKey';
import { hhReasonsText } from '../../../shared/domain/hh';

/** Russian first: most users are in Russia and nearby countries. English is the second language. */
export async function setupI18n(language: Language = 'ru') {
  await i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'ru',
    interpolation: { escapeValue: false },
    returnObjects: true,
  });
  // `{{at, time}}` in error sentences: an ISO time from the core, shown as the reader's clock time.
  i18next.services.formatter?.add('time', (value: unknown, lng: string | undefined) => {
    const at = typeof value === 'string' || typeof value === 'number' ? new Date(value) : undefined;
    if (!at || Number.isNaN(at.getTime())) return String(value ?? '');
    return new Intl.DateTimeFormat(lng === 'en' ? 'en-GB' : 'ru-RU', { hour: '2-digit', minute: '2-digit' }).format(at);
  });
  // `{{page, hhPage}}`: one of hh.ru's pages the app checks (main/core/hh/pages.ts), by its name in the reader's language.
  i18next.services.formatter?.add('hhPage', (value: unknown, lng: string | undefined) => {
    const key = knownKey('hhPages', String(value));
    return key ? String(i18next.t(key, { lng })) : String(value ?? '');
  });
  // `{{reasons, hhReasons}}` and `{{advice, hhReason}}`: why no path reaches hh.ru, by their codes (shared/domain/hh.ts).
  const reason = (code: string, lng: string | undefined) => {
    const key = knownKey('settings.capabilities.reasons', code);
    return key ? String(i18next.t(key, { lng })) : code;
  };
  i18next.services.formatter?.add('hhReasons', (value: unknown, lng: string | undefined) =>
    hhReasonsText(String(value ?? ''), (transport, code) => {
      const name = knownKey('settings.capabilities.transports', transport);
      return `${name ? String(i18next.t(name, { lng })) : transport}: ${reason(code, lng)}`;
    }),
  );
  i18next.services.formatter?.add('hhReason', (value: unknown, lng: string | undefined) => {
    const text = reason(String(value ?? ''), lng);
    return text.charAt(0).toUpperCase() + text.slice(1);
  });
  return i18next;
}

export { i18next };

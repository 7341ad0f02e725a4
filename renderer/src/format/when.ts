import type { TFunction } from 'i18next';

/** 24-hour clocks in both languages (en-GB, not en-US's 2:32 PM): the app says times one way. */
export const clockLocale = (language: string) => (language === 'en' ? 'en-GB' : 'ru-RU');

const dayKey = (date: Date) => `${date.getFullYear()}-${date.getMonth()}-${date.getDate()}`;

/**
 * A moment as the reader would say it: "14:32" today, "завтра в 14:32", "9 дек. в 14:32" further
 * away, so "до 14:32" never means tomorrow without saying so.
 */
export function whenText(t: TFunction, language: string, iso: string | null | undefined, now: Date = new Date()): string {
  if (!iso) return '';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '';
  const time = new Intl.DateTimeFormat(clockLocale(language), { hour: '2-digit', minute: '2-digit' }).format(at);
  if (dayKey(at) === dayKey(now)) return time;
  const tomorrow = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  if (dayKey(at) === dayKey(tomorrow)) return t('automation.tomorrowAt', { time });
  const day = new Intl.DateTimeFormat(clockLocale(language), { day: 'numeric', month: 'short' }).format(at);
  return t('automation.dayAt', { day, time });
}

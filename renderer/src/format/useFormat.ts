import { useApp } from '../store/useApp';

const locale = (language: string) => (language === 'en' ? 'en-GB' : 'ru-RU');

export type Format = ReturnType<typeof useFormat>;

/** Dates and money in the interface language's conventions. */
export function useFormat() {
  const language = useApp((s) => s.language);
  return {
    dateTime: (iso: string | null | undefined) =>
      iso
        ? new Intl.DateTimeFormat(locale(language), { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(
            new Date(iso),
          )
        : '',
    /** A clock time to the second ("14:05:20"): when a pause ends. */
    time: (iso: string | null | undefined) =>
      iso ? new Intl.DateTimeFormat(locale(language), { hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(new Date(iso)) : '',
    date: (iso: string | null | undefined) =>
      iso ? new Intl.DateTimeFormat(locale(language), { day: 'numeric', month: 'short' }).format(new Date(iso)) : '',
    money: (value: number, currency: string | null) => {
      const code = currency === 'RUR' || !currency ? 'RUB' : currency;
      try {
        return new Intl.NumberFormat(locale(language), { style: 'currency', currency: code, maximumFractionDigits: 0 }).format(value);
      } catch {
        return `${value} ${currency ?? ''}`.trim();
      }
    },
  };
}

import type { Profile } from '../../../../shared/domain';
import type { LetterLanguage } from '../../../../shared/domain/letter';

type ContactFields = Pick<Profile, 'telegram' | 'email' | 'phone' | 'links'>;

const LABELS = {
  ru: { heading: 'Контакты для связи:', telegram: 'Telegram', email: 'Email', phone: 'Телефон', portfolio: 'Портфолио' },
  en: { heading: 'Contacts:', telegram: 'Telegram', email: 'Email', phone: 'Phone', portfolio: 'Portfolio' },
} as const;

// A bare username becomes a t.me link, which employers can click on hh.ru; anything else (a link,
// a phone number) is kept as the user typed it.
const telegramLink = (value: string) => {
  const name = value.trim().match(/^@?([A-Za-z][A-Za-z0-9_]{3,31})$/)?.[1];
  return name ? `https://t.me/${name}` : value.trim();
};

export const hasContacts = (profile: ContactFields): boolean =>
  Boolean(profile.telegram.trim() || profile.email.trim() || profile.phone.trim() || profile.links.some((link) => link.trim()));

/**
 * The block every letter ends with, built from Settings → Profile with only the filled fields.
 * Empty when the profile has no contacts at all (validation then says so).
 */
export function contactsBlock(profile: ContactFields, language: LetterLanguage): string {
  const label = LABELS[language];
  const lines = [
    profile.telegram.trim() && `- ${label.telegram}: ${telegramLink(profile.telegram)}`,
    profile.email.trim() && `- ${label.email}: ${profile.email.trim()}`,
    profile.phone.trim() && `- ${label.phone}: ${profile.phone.trim()}`,
    ...profile.links.filter((link) => link.trim()).map((link) => `- ${label.portfolio}: ${link.trim()}`),
  ].filter(Boolean);
  return lines.length ? [label.heading, ...lines].join('\n') : '';
}

const CONTACTS_HEADING =
  /^[#*_\s]*(контакты(?: для связи)?|мои контакты|контактная информация|как со мной связаться|связаться со мной(?: можно)?|contacts?|my contacts|contact (?:information|info|details)|how to reach me)[*_\s]*[:：]?[*_\s]*(.*)$/iu;
const CONTACT_LINE =
  /^[-•*–\s]*[*_]*(telegram|телеграм|tg|e-?mail|email|почта|эл\.? ?почта|электронная почта|телефон|тел\.?|phone|mobile|портфолио|portfolio|github|gitlab|linkedin|сайт|website|web|habr|хабр|резюме|resume|cv)[*_]*\s*[:：]/iu;
const CONTACT_VALUE = /^[-•*–\s]*(?:https?:\/\/\S+|www\.\S+|t\.me\/\S+|@[\w.]{3,}|[\w.+-]+@[\w-]+\.[\w.]+)\s*$/u;
// A phone alone on a line; "2019 - 2021" has too few digits to be one.
const PHONE_VALUE = /^[-•*–\s]*\+?[\d\s().-]{7,}$/u;
const isPhone = (line: string) => PHONE_VALUE.test(line) && (line.match(/\d/g)?.length ?? 0) >= 10;

const isContactLine = (line: string) => CONTACT_LINE.test(line) || CONTACT_VALUE.test(line) || isPhone(line);

/**
 * Removes contact sections the model (or a template) wrote itself, so the app's block is the only
 * one: a "Контакты:" heading with the lines under it, and a run of contact lines at the very end.
 */
export function stripContactSections(text: string): string {
  const lines = text.split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const heading = lines[i]!.trim().match(CONTACTS_HEADING);
    // "Контакты: @ivan, ivan@mail.ru" on one line, or a heading alone; never an ordinary sentence
    // that happens to start with "Контакты".
    if (heading && (!heading[2] || isContactLine(heading[2]) || /[@/]|\d{5,}/.test(heading[2]))) {
      while (i + 1 < lines.length && isContactLine(lines[i + 1]!.trim())) i += 1;
      continue;
    }
    kept.push(lines[i]!);
  }
  while (kept.length && (isContactLine(kept.at(-1)!.trim()) || !kept.at(-1)!.trim())) kept.pop();
  return kept.join('\n');
}

import type { LetterLanguage } from '../../../../shared/domain/letter';
import type { Resume } from '../../../../shared/domain';
import { htmlToText, tidyLines } from '../../text/html';
import { truncateText } from './truncate';

/** What the AI features read from a resume: a stored Resume fits. */
export type ResumeText = Pick<Resume, 'title' | 'raw'>;

/** Where letters find a resume the user wrote in the app (the resume builder): one field of the resume's JSON. */
export const APP_RESUME_FIELD = 'app_resume';

/** The resume written in the app that travels with this one, if any. */
export const appResumeText = (resume: ResumeText | null): string => {
  const value = resume?.raw && typeof resume.raw === 'object' ? (resume.raw as Record<string, unknown>)[APP_RESUME_FIELD] : undefined;
  return typeof value === 'string' ? value.trim() : '';
};

export interface ExperienceEntry {
  company: string;
  position: string;
  /** "YYYY-MM" or "" when hh.ru did not say. */
  start: string;
  /** "YYYY-MM"; "" means "to this day". */
  end: string;
  description: string;
}

export interface ResumeFacts {
  title: string;
  skills: string[];
  /** hh.ru's "О себе" (the API calls it `skills`). */
  about: string;
  totalMonths: number | null;
  /** Newest first, as hh.ru lists them. */
  experience: ExperienceEntry[];
  education: string[];
  languages: string[];
}

type Json = Record<string, unknown>;
const obj = (value: unknown): Json => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {});
const arr = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const str = (value: unknown): string => (typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '');
const plain = (value: unknown): string => {
  const text = str(value);
  return /<\/?[a-z][^>]*>/i.test(text) ? htmlToText(text) : tidyLines(text);
};
// Skills come as strings (API `skill_set`) or as {name} / {string} objects (the website's `keySkills`).
const skillName = (value: unknown): string => str(value) || str(obj(value).name) || str(obj(value).string);
const month = (value: unknown): string =>
  str(value)
    .match(/^(\d{4})-(\d{2})/)
    ?.slice(1, 3)
    .join('-') ?? '';

/**
 * The facts a letter can lean on, from hh.ru's resume JSON (the official API's shape, with the
 * website's field names as fallbacks). Missing fields are empty, never an error: a half-filled
 * resume still gets a letter.
 */
export function resumeFacts(resume: ResumeText): ResumeFacts {
  const raw = obj(resume.raw);
  const skills = [...new Set([...arr(raw.skill_set), ...arr(raw.keySkills), ...arr(raw.key_skills)].map(skillName).filter(Boolean))];
  const experience = arr(raw.experience).map((item): ExperienceEntry => {
    const entry = obj(item);
    return {
      company: str(entry.company) || str(obj(entry.company).name) || str(obj(entry.employer).name) || str(entry.companyName),
      position: str(entry.position),
      start: month(entry.start ?? entry.startDate),
      end: month(entry.end ?? entry.endDate),
      description: plain(entry.description),
    };
  });
  const months = obj(raw.total_experience).months ?? obj(raw.totalExperience).months;
  return {
    title: str(raw.title) || resume.title.trim(),
    skills,
    about: plain(raw.skills) || plain(raw.about),
    totalMonths: typeof months === 'number' && months >= 0 ? months : null,
    experience: experience.filter((entry) => entry.company || entry.position || entry.description),
    education: arr(obj(raw.education).primary)
      .map((item) => {
        const entry = obj(item);
        return [str(entry.name), str(entry.organization), str(entry.result), str(entry.year)].filter(Boolean).join(', ');
      })
      .filter(Boolean),
    languages: arr(raw.language)
      .map((item) => {
        const entry = obj(item);
        const level = str(obj(entry.level).name);
        return str(entry.name) && (level ? `${str(entry.name)} — ${level}` : str(entry.name));
      })
      .filter(Boolean),
  };
}

const plural = (n: number, [one, few, many]: [string, string, string]) => {
  const tens = n % 100;
  const units = n % 10;
  if (tens >= 11 && tens <= 14) return many;
  if (units === 1) return one;
  return units >= 2 && units <= 4 ? few : many;
};

/** "5 лет 3 месяца" / "5 years 3 months". */
export function formatExperience(months: number, language: LetterLanguage): string {
  const years = Math.floor(months / 12);
  const rest = months % 12;
  const parts =
    language === 'ru'
      ? [years && `${years} ${plural(years, ['год', 'года', 'лет'])}`, rest && `${rest} ${plural(rest, ['месяц', 'месяца', 'месяцев'])}`]
      : [years && `${years} ${years === 1 ? 'year' : 'years'}`, rest && `${rest} ${rest === 1 ? 'month' : 'months'}`];
  return parts.filter(Boolean).join(' ') || (language === 'ru' ? 'меньше месяца' : 'less than a month');
}

const formatMonth = (value: string) => (value ? `${value.slice(5, 7)}.${value.slice(0, 4)}` : '');

const LABELS = {
  ru: {
    title: 'Желаемая должность',
    total: 'Общий опыт',
    skills: 'Навыки',
    about: 'О себе',
    experience: 'Опыт работы',
    present: 'по настоящее время',
    more: (n: number) => `и ещё мест работы: ${n}`,
    education: 'Образование',
    languages: 'Языки',
  },
  en: {
    title: 'Position sought',
    total: 'Total experience',
    skills: 'Skills',
    about: 'About',
    experience: 'Work experience',
    present: 'present',
    more: (n: number) => `and ${n} earlier jobs`,
    education: 'Education',
    languages: 'Languages',
  },
} as const;

export interface ResumeBudget {
  /** The whole block. */
  total: number;
  /** Each job's description. */
  perJob: number;
  /** At most this many jobs, newest first. */
  jobs: number;
}

/** The resume as a compact plain-text block with labels in the letter's language. */
export function resumeFactsText(facts: ResumeFacts, language: LetterLanguage, budget: ResumeBudget): string {
  const label = LABELS[language];
  const lines: string[] = [];
  if (facts.title) lines.push(`${label.title}: ${facts.title}`);
  if (facts.totalMonths !== null) lines.push(`${label.total}: ${formatExperience(facts.totalMonths, language)}`);
  if (facts.skills.length) lines.push(`${label.skills}: ${facts.skills.join(', ')}`);
  if (facts.languages.length) lines.push(`${label.languages}: ${facts.languages.join('; ')}`);
  if (facts.education.length) lines.push(`${label.education}: ${facts.education.slice(0, 2).join('; ')}`);
  if (facts.about) lines.push(`${label.about}: ${truncateText(facts.about, budget.perJob).text}`);
  if (facts.experience.length) {
    lines.push(`${label.experience}:`);
    for (const job of facts.experience.slice(0, budget.jobs)) {
      const period = job.start ? `${formatMonth(job.start)} – ${job.end ? formatMonth(job.end) : label.present}` : '';
      const head = [job.company, job.position, period].filter(Boolean).join(', ');
      const description = job.description ? `: ${truncateText(job.description.replace(/\n+/g, ' '), budget.perJob).text}` : '';
      lines.push(`- ${head}${description}`);
    }
    const left = facts.experience.length - budget.jobs;
    if (left > 0) lines.push(`- ${label.more(left)}`);
  }
  return truncateText(lines.join('\n'), budget.total).text;
}

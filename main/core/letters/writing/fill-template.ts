import type { Profile } from '../../../../shared/domain';
import { letterTemplatePlaceholders, type LetterLanguage, type LetterTemplatePlaceholder } from '../../../../shared/domain/letter';
import { formatExperience, resumeFacts, type ResumeText } from '../../ai/text/resume-facts';
import { normalizeForMatch } from '../../ai/text/normalize';
import type { VacancyText } from '../../ai/text/vacancy-text';
import { contactsBlock } from './contacts';

export type TemplateFields = Partial<Record<LetterTemplatePlaceholder, string>>;

export interface FilledTemplate {
  text: string;
  /** Placeholders the app does not know ({company}): left in the text for validation to report. */
  unknown: string[];
  /** Known placeholders with nothing to put in ({telegram} with no Telegram): left in too. */
  missing: LetterTemplatePlaceholder[];
}

const KNOWN = new Set<string>(letterTemplatePlaceholders.map((placeholder) => placeholder.name));

/**
 * "No AI: my template". Replaces {name}-style placeholders (spaces inside the braces and any case
 * are fine) with the fields given. Deterministic: the same template and facts give the same letter.
 */
export function fillTemplate(templateText: string, fields: TemplateFields): FilledTemplate {
  const unknown = new Set<string>();
  const missing = new Set<LetterTemplatePlaceholder>();
  const text = templateText.replace(/\{\s*([\p{L}_]+)\s*\}/gu, (whole, rawName: string) => {
    const name = rawName.toLowerCase();
    if (!KNOWN.has(name)) {
      unknown.add(whole);
      return whole;
    }
    const value = fields[name as LetterTemplatePlaceholder]?.trim();
    if (!value) {
      missing.add(name as LetterTemplatePlaceholder);
      return whole;
    }
    return value;
  });
  return { text, unknown: [...unknown], missing: [...missing] };
}

/** Every field fillTemplate knows, from the vacancy, the resume and the profile. */
export function templateFields(input: {
  vacancy: VacancyText;
  resume: ResumeText | null;
  profile: Pick<Profile, 'name' | 'telegram' | 'email' | 'phone' | 'links'>;
  language: LetterLanguage;
}): TemplateFields {
  const { vacancy, resume, profile, language } = input;
  const facts = resume ? resumeFacts(resume) : null;
  const own = facts?.skills ?? [];
  const wanted = new Set(vacancy.keySkills.map(normalizeForMatch));
  const matching = own.filter((skill) => wanted.has(normalizeForMatch(skill)));
  const latest = facts?.experience[0];
  return {
    vacancy_title: vacancy.title,
    employer: vacancy.employer.name ?? '',
    name: profile.name,
    resume_title: facts?.title ?? '',
    skills: own.join(', '),
    key_skills: vacancy.keySkills.join(', '),
    matching_skills: (matching.length ? matching : vacancy.keySkills.length ? vacancy.keySkills : own).join(', '),
    experience: facts?.totalMonths != null ? formatExperience(facts.totalMonths, language) : '',
    last_position: latest?.position ?? '',
    last_company: latest?.company ?? '',
    telegram: profile.telegram,
    email: profile.email,
    phone: profile.phone,
    portfolio: profile.links[0] ?? '',
    contacts: contactsBlock(profile, language),
  };
}

/**
 * The letter "No AI" mode writes when the user has no template text of their own. It uses only
 * fields every vacancy has, so it is never stopped for a missing value; gender-neutral on purpose.
 */
export const DEFAULT_TEMPLATE_TEXT: Record<LetterLanguage, string> = {
  ru: [
    'Здравствуйте!',
    '',
    // Only fields every vacancy has: the built-in text must work with no resume and no key skills.
    'Меня заинтересовала вакансия «{vacancy_title}». Мой опыт подходит для этой позиции, и я с удовольствием расскажу о нём подробнее на собеседовании.',
    '',
    'Спасибо, что рассмотрели мой отклик!',
  ].join('\n'),
  en: [
    'Hello,',
    '',
    'I am interested in the {vacancy_title} position. My experience fits this role, and I would be glad to tell you more about it in an interview.',
    '',
    'Thank you for considering my application.',
  ].join('\n'),
};

import type { Profile } from '../../../../shared/domain';
import type { LetterLanguage } from '../../../../shared/domain/letter';
import type { ChatMessage } from '../../ai/provider';
import { appResumeText, resumeFacts, resumeFactsText, type ResumeText } from '../../ai/text/resume-facts';
import { truncateText } from '../../ai/text/truncate';
import { budgetedDescription, vacancyLanguage, type VacancyText } from '../../ai/text/vacancy-text';

export { vacancyLanguage };
import { contactsBlock } from './contacts';
import { DEFAULT_INSTRUCTION, DEFAULT_MAX_LENGTH, letterRules, type LetterStyle } from './instruction';

// About 2,000 tokens of description and 1,000 of resume: enough for any real vacancy's substance,
// and a letter queue of dozens stays cheap on GigaChat's per-token packages.
export const LETTER_DESCRIPTION_BUDGET = { description: 6_000, requirements: 1_500 };
export const LETTER_RESUME_BUDGET = { total: 4_000, perJob: 600, jobs: 6 };
// Room the model's letter leaves for the contacts block never falls below this.
const MIN_BODY = 300;

export interface LetterPromptInput {
  vacancy: VacancyText;
  resume: ResumeText | null;
  profile: Pick<Profile, 'name' | 'telegram' | 'email' | 'phone' | 'links'>;
  template?: LetterStyle | null;
  /** Detected from the vacancy when absent. */
  language?: LetterLanguage;
  /** Writing again (Letters' "Rewrite"): the letter as it stands and the user's short wish, if any ("короче"). */
  rewrite?: { current: string; wish: string };
}

export interface LetterPrompt {
  messages: ChatMessage[];
  /** The messages as one readable text: what the Letter lab shows as "the prompt that was sent". */
  promptText: string;
  language: LetterLanguage;
  /** How long the model's part may be: the user's limit less the contacts block. */
  bodyLimit: number;
  /** A token cap with room to spare, so a letter within bodyLimit is never cut. */
  maxTokens: number;
}

const LABELS = {
  ru: {
    vacancy: 'Вакансия',
    title: 'Название',
    employer: 'Компания',
    keySkills: 'Ключевые навыки',
    requirements: 'Требования',
    description: 'Описание',
    candidate: 'Кандидат',
    written: 'Резюме, которое кандидат составил сам',
    name: 'Имя',
    noResume: 'Резюме не выбрано: пиши только о мотивации, без фактов об опыте.',
    task: 'Напиши сопроводительное письмо кандидата на эту вакансию.',
    current: 'Текущий вариант письма',
    rewrite: 'Перепиши это письмо заново, другими словами, по тем же правилам.',
    wish: 'Пожелание кандидата к новому варианту (правила выше важнее)',
  },
  en: {
    vacancy: 'Vacancy',
    title: 'Title',
    employer: 'Company',
    keySkills: 'Key skills',
    requirements: 'Requirements',
    description: 'Description',
    candidate: 'Candidate',
    written: 'The resume the candidate wrote',
    name: 'Name',
    noResume: 'No resume chosen: write about motivation only, with no claims about experience.',
    task: "Write the candidate's cover letter for this vacancy.",
    current: 'The letter as it stands',
    rewrite: 'Write this letter again, in other words, under the same rules.',
    wish: "The candidate's wish for the new version (the rules above come first)",
  },
} as const;

/** The messages for one letter: the instruction and rules as system, the facts as user. */
export function buildLetterPrompt(input: LetterPromptInput): LetterPrompt {
  const { vacancy, resume, profile, template } = input;
  const language = input.language ?? vacancyLanguage(vacancy);
  const label = LABELS[language];
  const maxLength = template?.maxLength ?? DEFAULT_MAX_LENGTH;
  const block = contactsBlock(profile, language);
  const bodyLimit = Math.max(MIN_BODY, maxLength - (block ? block.length + 2 : 0));
  const instruction = template?.instruction.trim() || DEFAULT_INSTRUCTION[language];
  const system = `${instruction}\n\n${letterRules({ language, bodyLimit, name: profile.name.trim(), tone: template?.tone.trim() ?? '' })}`;

  const { description, requirements } = budgetedDescription(vacancy, LETTER_DESCRIPTION_BUDGET);
  const vacancyLines = [
    `${label.vacancy}:`,
    `${label.title}: ${vacancy.title.trim()}`,
    vacancy.employer.name?.trim() && `${label.employer}: ${vacancy.employer.name.trim()}`,
    vacancy.keySkills.length > 0 && `${label.keySkills}: ${vacancy.keySkills.join(', ')}`,
    requirements && `${label.requirements}:\n${requirements}`,
    description && `${label.description}:\n${description}`,
  ];
  const candidateLines = [
    `${label.candidate}:`,
    profile.name.trim() && `${label.name}: ${profile.name.trim()}`,
    resume ? resumeFactsText(resumeFacts(resume), language, LETTER_RESUME_BUDGET) : label.noResume,
    appResumeText(resume) && `${label.written}:\n${truncateText(appResumeText(resume), LETTER_RESUME_BUDGET.total).text}`,
  ];
  // A rewrite shows the model the letter it replaces, and the wish after it: the facts and rules stay the same.
  const { rewrite } = input;
  const taskLines = rewrite
    ? [`${label.current}:\n${rewrite.current.trim()}`, label.rewrite, rewrite.wish.trim() && `${label.wish}: ${rewrite.wish.trim()}`]
    : [label.task];
  const user = [vacancyLines, candidateLines, taskLines].map((lines) => lines.filter(Boolean).join('\n')).join('\n\n');

  const messages: ChatMessage[] = [
    { role: 'system', content: system },
    { role: 'user', content: user },
  ];
  return {
    messages,
    promptText: messages.map((message) => `--- ${message.role} ---\n${message.content}`).join('\n\n'),
    language,
    bodyLimit,
    // Russian runs at roughly 2.5-4 characters a token; a third spare absorbs the model's overshoot.
    maxTokens: Math.ceil(bodyLimit / 2) + 200,
  };
}

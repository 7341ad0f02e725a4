import type { LetterLanguage } from '../../../../shared/domain/letter';
import type { ChatMessage } from '../../ai/provider';
import { resumeFacts, resumeFactsText, type ResumeText } from '../../ai/text/resume-facts';
import { budgetedDescription, type VacancyText } from '../../ai/text/vacancy-text';

// Scoring runs for every vacancy a search finds, letters only for those that pass: so it reads less.
export const SCORE_DESCRIPTION_BUDGET = { description: 2_500, requirements: 1_000 };
export const SCORE_RESUME_BUDGET = { total: 2_000, perJob: 250, jobs: 4 };

const TEXT = {
  ru: {
    system: [
      'Ты оцениваешь, насколько вакансия подходит кандидату по его резюме: навыки, опыт, уровень, профиль работы.',
      '0 — совсем не подходит, 50 — подходит частично, 100 — подходит идеально.',
      'Ответь строго одним JSON-объектом, без пояснений и Markdown:',
      '{"score": <целое число от 0 до 100>, "reason": "<одна короткая строка по-русски: главное совпадение или расхождение>"}',
    ].join('\n'),
    vacancy: 'Вакансия',
    employer: 'Компания',
    keySkills: 'Ключевые навыки',
    requirements: 'Требования',
    description: 'Описание',
    resume: 'Резюме кандидата',
    noResume: '(резюме пустое)',
  },
  en: {
    system: [
      "You rate how well a vacancy fits a candidate's resume: skills, experience, seniority, kind of work.",
      '0 means no fit at all, 50 a partial fit, 100 a perfect fit.',
      'Answer with exactly one JSON object, no explanations and no Markdown:',
      '{"score": <a whole number from 0 to 100>, "reason": "<one short line: the main match or mismatch>"}',
    ].join('\n'),
    vacancy: 'Vacancy',
    employer: 'Company',
    keySkills: 'Key skills',
    requirements: 'Requirements',
    description: 'Description',
    resume: "Candidate's resume",
    noResume: '(the resume is empty)',
  },
} as const;

export function buildScorePrompt(vacancy: VacancyText, resume: ResumeText, language: LetterLanguage): ChatMessage[] {
  const text = TEXT[language];
  const { description, requirements } = budgetedDescription(vacancy, SCORE_DESCRIPTION_BUDGET);
  const user = [
    `${text.vacancy}: ${vacancy.title.trim()}`,
    vacancy.employer.name?.trim() && `${text.employer}: ${vacancy.employer.name.trim()}`,
    vacancy.keySkills.length > 0 && `${text.keySkills}: ${vacancy.keySkills.join(', ')}`,
    requirements && `${text.requirements}:\n${requirements}`,
    description && `${text.description}:\n${description}`,
    '',
    `${text.resume}:`,
    resumeFactsText(resumeFacts(resume), language, SCORE_RESUME_BUDGET) || text.noResume,
  ]
    .filter((line) => line !== false && line !== undefined && line !== null)
    .join('\n');
  return [
    { role: 'system', content: text.system },
    { role: 'user', content: user },
  ];
}

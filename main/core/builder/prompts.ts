import { INTERVIEW_SECTIONS, type InterviewLanguage, type InterviewMessage, type InterviewSection } from '../../../shared/domain';
import type { ChatMessage } from '../ai/provider';
import { GAP } from '../resumes/gaps';
import { HEADINGS } from './questions';

const NAMES: Record<InterviewLanguage, Record<InterviewSection, string>> = {
  ru: {
    target: 'желаемая должность',
    experience: 'опыт работы',
    projects: 'проекты',
    skills: 'навыки',
    education: 'образование',
    languages: 'языки',
  },
  en: {
    target: 'target role',
    experience: 'work experience',
    projects: 'projects',
    skills: 'skills',
    education: 'education',
    languages: 'languages',
  },
};

export interface NextStep {
  covered: InterviewSection[];
  /** The section to ask about next (the same one again for a follow-up). */
  section: InterviewSection;
  followUp: boolean;
}

/**
 * The interviewer's instructions for one turn: who it is, the rules, where the interview stands and
 * what to ask next. The app decides the next section and whether a follow-up is due; the model words
 * the question, so an interview cannot drift or loop on one topic.
 */
export function interviewPrompt(input: {
  language: InterviewLanguage;
  messages: InterviewMessage[];
  sourceText: string | null;
  next: NextStep;
}): ChatMessage[] {
  const { language, next } = input;
  const names = NAMES[language];
  const left = INTERVIEW_SECTIONS.filter((section) => !next.covered.includes(section));
  const system =
    language === 'ru'
      ? [
          'Ты карьерный консультант и берёшь интервью у соискателя, чтобы составить сильное резюме.',
          'Правила: задавай ровно один вопрос за раз, коротко и по-русски; не придумывай факты и не подсказывай ответы; спрашивай о результатах с цифрами и о периодах работы (месяц и год).',
          `Разделы интервью: ${INTERVIEW_SECTIONS.map((s) => names[s]).join(', ')}.`,
          `Уже есть ответы: ${next.covered.map((s) => names[s]).join(', ') || 'пока нет'}. Осталось: ${left.map((s) => names[s]).join(', ') || 'ничего'}.`,
          next.followUp
            ? `Последний ответ слишком общий. Задай уточняющий вопрос по разделу «${names[next.section]}»: конкретика, период, измеримый результат.`
            : `Следующий вопрос — по разделу «${names[next.section]}».`,
          `Ответь только JSON без пояснений: {"section": "${next.section}", "question": "текст вопроса"}.`,
        ]
      : [
          'You are a career coach interviewing a job seeker to write a strong resume.',
          'Rules: ask exactly one short question at a time, in English; never invent facts or suggest answers; ask for results with numbers and for periods (month and year).',
          `Interview sections: ${INTERVIEW_SECTIONS.map((s) => names[s]).join(', ')}.`,
          `Answered so far: ${next.covered.map((s) => names[s]).join(', ') || 'nothing yet'}. Left: ${left.map((s) => names[s]).join(', ') || 'nothing'}.`,
          next.followUp
            ? `The last answer is too vague. Ask a follow-up question on "${names[next.section]}": specifics, the period, a measurable result.`
            : `The next question is about "${names[next.section]}".`,
          `Answer with JSON only, no prose: {"section": "${next.section}", "question": "the question"}.`,
        ];
  if (input.sourceText)
    system.push(
      language === 'ru'
        ? `Резюме соискателя с hh.ru (его собственные слова):\n${input.sourceText}`
        : `The candidate's hh.ru resume (their own words):\n${input.sourceText}`,
    );
  return [{ role: 'system', content: system.join('\n') }, ...input.messages.map((m): ChatMessage => ({ role: m.role, content: m.text }))];
}

/** The interview as the finishing prompt reads it: questions and answers, labelled. */
const transcript = (messages: InterviewMessage[], language: InterviewLanguage) =>
  messages
    .map((m) => `${m.role === 'user' ? (language === 'ru' ? 'Ответ' : 'Answer') : language === 'ru' ? 'Вопрос' : 'Question'}: ${m.text}`)
    .join('\n');

/** Writing the resume from the answers alone; a gap is marked for the user, never filled in. */
export function finishPrompt(input: {
  language: InterviewLanguage;
  messages: InterviewMessage[];
  sourceText: string | null;
}): ChatMessage[] {
  const { language } = input;
  const headings = INTERVIEW_SECTIONS.filter((s) => s !== 'target')
    .map((s) => `## ${HEADINGS[language][s]}`)
    .join(', ');
  const system =
    language === 'ru'
      ? [
          'Составь резюме соискателя в формате Markdown по-русски, только из его ответов ниже.',
          'Нельзя придумывать работодателей, даты, цифры, навыки и учебные заведения: всё должно быть в ответах.',
          `Если чего-то не хватает, оставь пометку [${GAP.ru}: чего не хватает].`,
          `Структура: первая строка — «# » и желаемая должность; затем разделы ${headings}; опыт — списком с периодом, должностью и результатами.`,
          'Верни только Markdown, без пояснений.',
        ]
      : [
          "Write the candidate's resume in Markdown, in English, from their answers below only.",
          'Never invent employers, dates, numbers, skills or schools: everything must come from the answers.',
          `Where something is missing, leave a marker [${GAP.en}: what is missing].`,
          `Structure: the first line is "# " and the target role; then the sections ${headings}; experience as a list with the period, title and results.`,
          'Return Markdown only, no prose.',
        ];
  const facts = [
    transcript(input.messages, language),
    input.sourceText ? `\n${language === 'ru' ? 'Резюме с hh.ru' : 'The hh.ru resume'}:\n${input.sourceText}` : '',
  ].join('\n');
  return [
    { role: 'system', content: system.join('\n') },
    { role: 'user', content: facts },
  ];
}

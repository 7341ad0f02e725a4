import type { Profile } from '../../../../shared/domain';
import type { LetterLanguage } from '../../../../shared/domain/letter';
import type { ChatMessage } from '../../ai/provider';
import { resumeFacts, resumeFactsText, type ResumeText } from '../../ai/text/resume-facts';
import { truncateText } from '../../ai/text/truncate';
import type { VacancyText } from '../../ai/text/vacancy-text';
import { UNSURE_ANSWER } from './buttons';
import type { IncomingMessage } from './rules';

export interface ReplyContext {
  messages: IncomingMessage[];
  target: IncomingMessage;
  resume: ResumeText | null;
  profile: Pick<Profile, 'name' | 'telegram' | 'email' | 'phone' | 'links'> & Partial<Pick<Profile, 'salaryExpectation'>>;
  vacancy: VacancyText | null;
  language: LetterLanguage;
}

const CHAT_RESUME_BUDGET = { total: 2_500, perJob: 300, jobs: 4 };
const HISTORY = 8;

const TEXT = {
  ru: {
    role: 'Ты помогаешь соискателю вести переписку с работодателем в чате hh.ru и пишешь от его имени, от первого лица.',
    facts: 'Опирайся только на факты из резюме и профиля кандидата; не выдумывай опыт, навыки, зарплату, даты и готовность к чему-либо.',
    plain: 'Только обычный текст: без Markdown, без подписи, без заполнителей вроде [Имя].',
    buttons: `Работодатель предлагает ответить одной из кнопок. Выбери вариант, который честно следует из резюме и профиля. Ответь ровно текстом одного варианта, без кавычек, номеров и пояснений. Если по резюме и профилю ответ определить нельзя, ответь одним словом: ${UNSURE_ANSWER}.`,
    reply:
      'Напиши короткий вежливый ответ на последнее сообщение работодателя (1-5 предложений). Если нужного факта в резюме нет, не выдумывай его: напиши, что уточнишь и ответишь отдельно.',
    invitation:
      'Работодатель приглашает на собеседование или созвон. Напиши короткий ответ (2-4 предложения): поблагодари, подтверди интерес и попроси предложить несколько удобных вариантов времени; если время уже предложено, подтверди его.',
    language: 'Пиши на русском языке.',
    vacancy: 'Вакансия',
    candidate: 'Кандидат',
    contacts: 'Контакты',
    salary: 'Ожидания по зарплате (называй, только если работодатель спрашивает о зарплате)',
    noResume: 'Резюме не выбрано.',
    chat: 'Переписка (старые сообщения сверху)',
    options: 'Варианты ответа',
    authors: { employer: 'Работодатель', bot: 'Работодатель (бот)', me: 'Кандидат' },
  },
  en: {
    role: "You help a job applicant with an employer's hh.ru chat and write on their behalf, in the first person.",
    facts: "Use only facts from the candidate's resume and profile; never invent experience, skills, salary, dates or commitments.",
    plain: 'Plain text only: no Markdown, no signature, no placeholders such as [Name].',
    buttons: `The employer asks for an answer by one of the buttons. Pick the option that honestly follows from the resume and profile. Answer with exactly one option's text, no quotes, numbers or explanations. If the resume and profile do not tell, answer with one word: ${UNSURE_ANSWER}.`,
    reply:
      "Write a short polite reply to the employer's last message (1-5 sentences). If a needed fact is not in the resume, do not invent it: say you will check and answer separately.",
    invitation:
      'The employer invites the applicant to an interview or a call. Write a short reply (2-4 sentences): thank them, confirm interest and ask for a few time options; if a time is already proposed, confirm it.',
    language: 'Write in English.',
    vacancy: 'Vacancy',
    candidate: 'Candidate',
    contacts: 'Contacts',
    salary: 'Salary expectation (say it only when the employer asks about salary)',
    noResume: 'No resume chosen.',
    chat: 'Chat (oldest first)',
    options: 'Options',
    authors: { employer: 'Employer', bot: 'Employer (bot)', me: 'Candidate' },
  },
} as const;

export type ReplyTask = 'buttons' | 'reply' | 'invitation';

export function buildReplyPrompt(context: ReplyContext, task: ReplyTask): ChatMessage[] {
  const text = TEXT[context.language];
  const { profile, vacancy, resume } = context;
  const system = [text.role, text[task], text.facts, text.plain, text.language].join('\n');
  const contacts = [profile.telegram && `Telegram ${profile.telegram}`, profile.email, profile.phone, ...profile.links]
    .filter(Boolean)
    .join(', ');
  const history = context.messages
    .slice(-HISTORY)
    .map((message) => `${text.authors[message.author]}: ${truncateText(message.text, 800).text}`)
    .join('\n');
  const user = [
    vacancy && `${text.vacancy}: ${vacancy.title}${vacancy.employer.name ? `, ${vacancy.employer.name}` : ''}`,
    `${text.candidate}:${profile.name ? ` ${profile.name}` : ''}`,
    contacts && `${text.contacts}: ${contacts}`,
    profile.salaryExpectation?.trim() && `${text.salary}: ${profile.salaryExpectation.trim()}`,
    resume ? resumeFactsText(resumeFacts(resume), context.language, CHAT_RESUME_BUDGET) : text.noResume,
    '',
    `${text.chat}:`,
    history,
    task === 'buttons' && `\n${text.options}:\n${context.target.buttons.map((button, index) => `${index + 1}. ${button}`).join('\n')}`,
  ]
    .filter((line) => line !== false && line !== null)
    .join('\n');
  return [
    { role: 'system', content: system },
    { role: 'user', content: user },
  ];
}

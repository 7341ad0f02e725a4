import type { InterviewLanguage, InterviewSection } from '../../../shared/domain';

/**
 * The interview's questions when no model asks them (the template provider), and the first question
 * every interview starts with. One per section, plus the follow-up a vague answer gets.
 */
export const QUESTIONS: Record<InterviewLanguage, Record<InterviewSection, { ask: string; followUp: string }>> = {
  ru: {
    target: {
      ask: 'Какую должность вы ищете? Назовите роль, уровень (например, middle или senior) и, если важно, город или удалённую работу.',
      followUp: 'Уточните, пожалуйста: как называется должность, на которую вы откликаетесь, и какого она уровня?',
    },
    experience: {
      ask: 'Расскажите о последнем месте работы: компания, период (месяц и год начала и конца), должность, чем вы занимались и каких результатов добились — с цифрами, если можете.',
      followUp:
        'Добавьте подробностей: в какие месяцы и годы вы там работали, за что отвечали и какой результат можно измерить (проценты, сроки, деньги, число пользователей)?',
    },
    projects: {
      ask: 'Какой проект вы считаете главным? Что это было, какая у вас роль, какие технологии и чем всё закончилось?',
      followUp: 'Чуть конкретнее: какую задачу решал проект, что сделали лично вы и каким был итог в цифрах?',
    },
    skills: {
      ask: 'Перечислите ключевые навыки и инструменты, которыми вы уверенно владеете.',
      followUp: 'Назовите конкретные инструменты, языки или методы — те, с которыми вы работали в последние годы.',
    },
    education: {
      ask: 'Где и чему вы учились? Учебное заведение, специальность, год окончания; курсы и сертификаты — если есть.',
      followUp: 'Уточните название учебного заведения, специальность и год окончания.',
    },
    languages: {
      ask: 'Какими языками вы владеете и на каком уровне?',
      followUp: 'Укажите уровень для каждого языка: например, английский B2.',
    },
  },
  en: {
    target: {
      ask: 'What position are you looking for? Name the role, the level (e.g. middle or senior) and, if it matters, the city or remote work.',
      followUp: 'Could you be more specific: what is the title of the role you apply for, and at what level?',
    },
    experience: {
      ask: 'Tell me about your latest job: the company, the period (month and year you started and left), your title, what you did and what you achieved, with numbers if you can.',
      followUp:
        'A little more detail, please: which months and years were you there, what were you responsible for, and what result can be measured (percent, time, money, users)?',
    },
    projects: {
      ask: 'Which project do you consider your main one? What was it, what was your role, which technologies, and how did it end?',
      followUp: 'More concretely: what problem did the project solve, what did you do yourself, and what was the outcome in numbers?',
    },
    skills: {
      ask: 'List the key skills and tools you are confident with.',
      followUp: 'Name specific tools, languages or methods, the ones you worked with in recent years.',
    },
    education: {
      ask: 'Where and what did you study? The school, the field, the year you graduated; courses and certificates if any.',
      followUp: 'Please give the name of the school, the field and the year you graduated.',
    },
    languages: {
      ask: 'Which languages do you speak, and how well?',
      followUp: 'Give a level for each language, e.g. English B2.',
    },
  },
};

/** Said when every section is covered: the user can finish or keep adding. */
export const ALL_COVERED: Record<InterviewLanguage, string> = {
  ru: 'Спасибо, по всем разделам есть ответы. Нажмите «Завершить», чтобы получить резюме, или добавьте что-то ещё.',
  en: 'Thank you, every section has answers. Press "Finish" to get the resume, or add anything else.',
};

/** The first question when the interview starts from an hh.ru resume. */
export const IMPROVE_OPENING: Record<InterviewLanguage, (title: string) => string> = {
  ru: (title) =>
    `Я прочитал ваше резюме «${title}». Давайте сделаем его сильнее. Какую должность вы ищете сейчас — ту же или другую? Назовите роль и уровень.`,
  en: (title) =>
    `I have read your resume "${title}". Let us make it stronger. What position are you looking for now, the same one or another? Name the role and the level.`,
};

/** Section headings of the finished resume, in the order they appear. */
export const HEADINGS: Record<InterviewLanguage, Record<InterviewSection, string>> = {
  ru: { target: 'Цель', experience: 'Опыт работы', projects: 'Проекты', skills: 'Навыки', education: 'Образование', languages: 'Языки' },
  en: {
    target: 'Objective',
    experience: 'Experience',
    projects: 'Projects',
    skills: 'Skills',
    education: 'Education',
    languages: 'Languages',
  },
};

/** The heading for what the user adds after every section has answers. */
export const ADDITIONAL: Record<InterviewLanguage, string> = { ru: 'Дополнительно', en: 'Additional' };

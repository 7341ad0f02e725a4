import type { Profile, Resume, Vacancy } from '../../shared/domain';

/** Realistic hh.ru data for the AI tests: a Russian and an English vacancy, a resume, a profile. */

export const frontendDescription = [
  'Яндекс Практикум ищет frontend-разработчика в команду платформы обучения. Наши студенты пишут код прямо в браузере, а мы делаем так, чтобы это было удобно и быстро.',
  '',
  'Обязанности:',
  '- разработка интерфейсов тренажёра на React и TypeScript;',
  '- участие в проектировании архитектуры фронтенда;',
  '- код-ревью и наставничество младших разработчиков.',
  '',
  'Требования:',
  '- опыт коммерческой разработки на React от 3 лет;',
  '- уверенное знание TypeScript;',
  '- опыт работы с Redux или MobX;',
  '- понимание принципов доступности (a11y).',
  '',
  'Будет плюсом:',
  '- опыт с Node.js и SSR;',
  '- Playwright или Cypress.',
  '',
  'Условия:',
  '- удалённая работа или офис в Москве;',
  '- ДМС со стоматологией;',
  '- оплачиваемое обучение и конференции.',
].join('\n');

export const frontendVacancy: Vacancy = {
  id: 17,
  hhId: '98765401',
  title: 'Frontend-разработчик (React)',
  employer: { id: '1740', name: 'Яндекс Практикум' },
  salary: { from: 250_000, to: 350_000, currency: 'RUR', gross: false },
  area: { id: '1', name: 'Москва' },
  url: 'https://hh.ru/vacancy/98765401',
  publishedAt: '2025-03-13T10:15:00+0300',
  descriptionHtml: '',
  descriptionText: frontendDescription,
  keySkills: ['React', 'TypeScript', 'Redux', 'Accessibility'],
  hasTest: false,
  letterRequired: true,
  archived: false,
  externalUrl: null,
  raw: { id: '98765401' },
  status: 'found',
  skip: null,
  foundBySearchId: 1,
  firstSeenAt: '2025-03-14T09:00:00.000Z',
  updatedAt: '2025-03-14T09:00:00.000Z',
};

export const englishVacancy: Vacancy = {
  ...frontendVacancy,
  id: 18,
  hhId: '98765402',
  title: 'Senior Backend Engineer (Go)',
  employer: { id: '9498120', name: 'Tinkoff' },
  descriptionText: [
    'We are building a payments platform that handles millions of transactions a day. Our office is in Москва, remote work is possible.',
    '',
    'Requirements:',
    '- 5+ years of backend development, 3+ years with Go;',
    '- PostgreSQL, Kafka, Kubernetes;',
    '- fluent English.',
    '',
    'We offer:',
    '- a strong engineering culture and a modern stack.',
  ].join('\n'),
  keySkills: ['Go', 'PostgreSQL', 'Kafka'],
};

export const resumeRaw = {
  id: 'a1b2c3d4e5',
  title: 'Frontend-разработчик',
  total_experience: { months: 75 },
  skill_set: ['React', 'TypeScript', 'Redux', 'Node.js', 'Jest'],
  skills: 'Люблю доводить интерфейсы до идеала и писать тесты. Веду технический блог на Хабре.',
  experience: [
    {
      company: 'Ozon',
      position: 'Старший frontend-разработчик',
      start: '2021-04-01',
      end: null,
      description:
        'Разрабатывал личный кабинет продавца на React и TypeScript. Перевёл сборку с Webpack на Vite: время сборки сократилось с 6 до 1,5 минут. Наставник трёх разработчиков.',
    },
    {
      company: 'СберМаркет',
      position: 'Frontend-разработчик',
      start: '2019-01-01',
      end: '2021-03-01',
      description: 'Витрина магазина, корзина и оформление заказа. Redux, SSR на Next.js.',
    },
  ],
  education: {
    primary: [
      { name: 'МГТУ им. Н. Э. Баумана', organization: 'Информатика и системы управления', result: 'Программная инженерия', year: 2018 },
    ],
  },
  language: [
    { id: 'rus', name: 'Русский', level: { id: 'l1', name: 'Родной' } },
    { id: 'eng', name: 'Английский', level: { id: 'b2', name: 'B2 — Средне-продвинутый' } },
  ],
};

export const resume: Resume = {
  id: 1,
  hhId: 'a1b2c3d4e5',
  hash: 'f00d',
  title: 'Frontend-разработчик',
  raw: resumeRaw,
  updatedAt: '2025-03-10T08:00:00.000Z',
};

export const profile: Profile = {
  name: 'Анна Смирнова',
  telegram: '@anna_frontend',
  email: 'anna.smirnova@example.ru',
  phone: '',
  links: ['https://annasmirnova.dev'],
  salaryExpectation: '',
};

export const contactsRu = [
  'Контакты для связи:',
  '- Telegram: https://t.me/anna_frontend',
  '- Email: anna.smirnova@example.ru',
  '- Портфолио: https://annasmirnova.dev',
].join('\n');

/** A letter body the way a decent model writes one. */
export const goodBody = [
  'Здравствуйте!',
  '',
  'Меня заинтересовала вакансия frontend-разработчика в Яндекс Практикуме: платформа обучения, на которой студенты пишут код в браузере, — именно тот продукт, где важны скорость и удобство интерфейса.',
  '',
  'Последние четыре года я работаю старшим frontend-разработчиком в Ozon: разрабатываю личный кабинет продавца на React и TypeScript, перевёл сборку с Webpack на Vite и сократил её время с 6 до 1,5 минут. До этого в СберМаркете делал витрину и оформление заказа на Redux и Next.js.',
  '',
  'Я наставник трёх разработчиков и с удовольствием участвую в код-ревью, поэтому задачи по архитектуре и менторству мне близки. Буду рада обсудить, чем могу быть полезна вашей команде.',
  '',
  'С уважением,',
  'Анна Смирнова',
].join('\n');

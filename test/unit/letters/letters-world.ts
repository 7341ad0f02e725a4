import { vi } from 'vitest';
import type { Negotiation } from '../../../shared/domain';
import { AutomationSwitch } from '../../../main/core/pause';
import type { Repositories } from '../../../main/core/db/repositories';
import { CoreEvents } from '../../../main/core/events';
import type { HhGateway } from '../../../main/core/hh/gateway';
import { createPacer, type Pacer } from '../../../main/core/hh/http/pacer';
import type { ApplyInput, ApplyOutcome } from '../../../main/core/hh/transport';
import { DailyCap } from '../../../main/core/letters/daily-cap';
import { LetterService } from '../../../main/core/letters/service';
import { contactsBlock } from '../../../main/core/letters/writing';
import { Notices } from '../../../main/core/notices';
import { defaultPreferences, memoryPreferences, silentLogger } from '../../../main/core/ports';
import { FakeProvider } from '../../support/fake-provider';
import { sampleVacancy, type TestDatabase } from '../../support/db-fixture';

export const PROFILE = { name: 'Анна', email: 'anna@example.ru', phone: '', telegram: '', links: [] };
export const LETTER = `Здравствуйте!\n\nМне интересна ваша вакансия.\n\n${contactsBlock(PROFILE, 'ru')}`;

/** A response on hh.ru for a vacancy (hh id). */
export const response = (id: string, vacancyId: string): Negotiation => ({
  id,
  state: 'response',
  vacancyId,
  resumeId: 'r1',
  viewedByOpponent: false,
  hasUpdates: false,
  updatedAt: null,
});

/**
 * hh.ru as the letters see it: `apply` answers what the test says (and counts every request that
 * reached hh.ru); `negotiations` pages through what hh.ru holds, `perPage` a page.
 */
export function hhDouble(options: { perPage?: number } = {}) {
  const perPage = options.perPage ?? 3;
  const applied: ApplyInput[] = [];
  const state = {
    answer: (_input: ApplyInput): Promise<ApplyOutcome> => Promise.resolve({ kind: 'applied', negotiationId: `n-${applied.length}` }),
    responses: [] as Negotiation[],
  };
  const calls = {
    apply: vi.fn(async (input: ApplyInput) => {
      applied.push(input);
      return { ...(await state.answer(input)), transport: 'website' as const };
    }),
    negotiations: vi.fn(async (page: number) => ({
      items: state.responses.slice(page * perPage, (page + 1) * perPage),
      pages: Math.max(1, Math.ceil(state.responses.length / perPage)),
    })),
    servedBy: (operation: string) => (operation === 'negotiations' ? 'official' : 'website'),
  };
  return { gateway: calls as unknown as HhGateway, applied, state, calls };
}

/** A LetterService over a real database, with hh.ru played by `hhDouble` and no pause unless given. */
export async function lettersWorld(database: TestDatabase, options: { dailyCap?: number; pacer?: Pacer; perPage?: number } = {}) {
  const { repos, clock } = database;
  const hh = hhDouble({ perPage: options.perPage });
  const events = new CoreEvents();
  const automation = new AutomationSwitch(memoryPreferences(defaultPreferences(clock)), clock, events);
  const cap = new DailyCap(repos, clock);
  const notices = new Notices(events);
  const letters = new LetterService({
    repositories: repos,
    gateway: hh.gateway,
    provider: () => Promise.resolve(new FakeProvider('unused', 'template')),
    cap,
    pacer: options.pacer ?? createPacer({ minIntervalMs: 0 }),
    automation,
    notices,
    log: silentLogger,
    siteUrl: 'https://hh.ru',
  });
  if (options.dailyCap) await cap.setSettings({ dailyCap: options.dailyCap });
  await repos.profile.save(PROFILE);
  await repos.resumes.replaceAll([
    { hhId: 'r1', hash: 'h1', title: 'Разработчик', raw: {} },
    { hhId: 'r2', hash: 'h2', title: 'Тимлид', raw: {} },
  ]);
  return { repos, clock, hh, letters, cap, automation, notices, draft: (overrides = {}) => draftFor(repos, overrides) };
}

/** A new vacancy with an unsent letter (resume r1). */
async function draftFor(repos: Repositories, overrides: Parameters<typeof sampleVacancy>[0] = {}) {
  const facts = sampleVacancy(overrides);
  await repos.vacancies.upsertMany([facts]);
  const vacancy = (await repos.vacancies.getByHhId(facts.hhId))!;
  return { vacancy, application: await repos.applications.createDraft(vacancy.id, 'r1', LETTER) };
}

/** A promise the test settles by hand: a slow hh.ru. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (err: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

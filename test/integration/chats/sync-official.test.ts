/**
 * chats.sync through the official API (the fake hh.ru API): every page of responses, statuses,
 * kinds, unread counts without the user's own letters, and what a sync with nothing new reports.
 */
import { afterEach, expect, it } from 'vitest';
import type { VacancyStatus } from '../../../shared/domain';
import type { FakeVacancy } from '../../fakes/hh/server';
import { sampleVacancy } from '../../support/db-fixture';
import { signInThroughOAuth, startHhWorld, type HhWorld } from '../../support/hh';

let world: HhWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const RESPONSES = 125;
const MINUTE = 60_000;

type Invoke = HhWorld['app']['core']['invoke'];
async function call<T>(invoke: Invoke, channel: string, input: unknown): Promise<T> {
  const result = await invoke(channel as Parameters<Invoke>[0], input as never);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as T;
}

interface SyncAnswer {
  chats: number;
  newMessages: number;
  newHumanMessages: number;
  invitations: number;
}
interface ChatRow {
  id: number;
  hhNegotiationId: string | null;
  kind: string;
  unread: number;
  state: string | null;
}

/** The user applied to RESPONSES vacancies (through the app), each known to the app. */
async function appliedEverywhere() {
  world = await startHhWorld();
  await signInThroughOAuth(world);
  const { core } = world.app;
  const vacancies: FakeVacancy[] = Array.from({ length: RESPONSES }, (_, i) =>
    world!.fake.addVacancy({
      name: `Вакансия ${i}`,
      hasTest: false,
      testRequired: false,
      letterRequired: false,
      type: 'open',
      archived: false,
      applicationDenied: false,
    }),
  );
  await core.repositories.vacancies.upsertMany(vacancies.map((v) => sampleVacancy({ hhId: v.id, title: v.name })));
  const [resume] = await core.hh.gateway.resumes();
  for (const v of vacancies)
    await core.hh.gateway.apply({ vacancyId: v.id, resumeId: resume!.id, message: `Здравствуйте! Откликаюсь на «${v.name}».` });
  const negotiationOf = new Map(world.fake.negotiations().map((n) => [n.vacancyId, n.id]));
  return { world, core, vacancies, negotiationOf };
}

const statusOf = async (world: HhWorld, hhId: string) => (await world.app.core.repositories.vacancies.getByHhId(hhId))!.status;

it('reads all 125 responses over two pages: statuses, kinds, unread without the own letters; a second sync with nothing new reports zero and reads one page', async () => {
  const { world, core, vacancies, negotiationOf } = await appliedEverywhere();
  const { fake } = world;
  const expected = new Map<string, VacancyStatus>();
  const kinds = new Map<string, string>();
  vacancies.forEach((v, i) => {
    const nid = negotiationOf.get(v.id)!;
    if (i % 10 === 0) {
      fake.employerReply(nid, { state: 'invitation', text: 'Добрый день! Приглашаем вас на собеседование в четверг.' });
      expected.set(v.id, 'invited');
      kinds.set(nid, 'invitation');
    } else if (i % 10 === 1) {
      fake.employerReply(nid, { state: 'discard', text: 'К сожалению, мы приняли решение в пользу другого кандидата.' });
      expected.set(v.id, 'rejected');
      kinds.set(nid, 'rejection');
    } else if (i % 10 === 2) {
      fake.employerReply(nid, {}); // viewed, nothing said
      expected.set(v.id, 'viewed');
    } else if (i === 3) {
      fake.employerReply(nid, { text: 'Анна, здравствуйте! Расскажите, пожалуйста, с какими брокерами сообщений вы работали?' });
      expected.set(v.id, 'viewed');
      kinds.set(nid, 'human');
    } else if (i === 5) {
      fake.employerReply(nid, { text: 'Здравствуйте! Ответьте на несколько вопросов анкеты, пожалуйста.' });
      expected.set(v.id, 'viewed');
      kinds.set(nid, 'bot');
    }
  });
  // Time passes before the user refreshes (hh.ru's times have whole seconds: see SETTLE_MS).
  world.clock.advance(10 * MINUTE);
  fake.clearRecords();

  const first = await call<SyncAnswer>(core.invoke, 'chats.sync', {});

  const invitations = vacancies.filter((_, i) => i % 10 === 0).length;
  const rejections = vacancies.filter((_, i) => i % 10 === 1).length;
  expect(first).toEqual({ chats: RESPONSES, newMessages: invitations + rejections + 2, newHumanMessages: 1, invitations });
  expect(fake.counts['GET /negotiations']).toBe(2);
  expect(fake.counts['GET /negotiations/{nid}/messages']).toBe(RESPONSES);
  expect(fake.violations).toEqual([]);
  for (const v of vacancies) expect([v.id, await statusOf(world, v.id)]).toEqual([v.id, expected.get(v.id) ?? 'found']);

  const list = await call<{ items: ChatRow[]; total: number }>(core.invoke, 'chats.list', { limit: 200 });
  expect(list.total).toBe(RESPONSES);
  for (const chat of list.items) {
    const kind = kinds.get(chat.hhNegotiationId!) ?? 'unknown';
    // The user's own letter is never unread; each employer message is, until the chat is opened.
    expect([chat.hhNegotiationId, chat.kind, chat.unread]).toEqual([chat.hhNegotiationId, kind, kind === 'unknown' ? 0 : 1]);
  }

  // Opening a chat reads it.
  const human = list.items.find((c) => c.kind === 'human')!;
  await call(core.invoke, 'chats.messages', { chatId: human.id });
  expect((await core.repositories.chats.get(human.id))!.unread).toBe(0);

  // Nothing new on hh.ru: zeros, and the first page (all unchanged) is enough.
  fake.clearRecords();
  world.clock.advance(10 * MINUTE);
  expect(await call<SyncAnswer>(core.invoke, 'chats.sync', {})).toEqual({ chats: 0, newMessages: 0, newHumanMessages: 0, invitations: 0 });
  expect(fake.counts['GET /negotiations']).toBe(1);
  expect(fake.counts['GET /negotiations/{nid}/messages']).toBeUndefined();

  // An old response gets an invitation: it moves to the top; the page after it has nothing new.
  fake.advanceClock(5 * MINUTE);
  world.clock.advance(10 * MINUTE);
  const last = vacancies.at(-1)!;
  fake.employerReply(negotiationOf.get(last.id)!, { state: 'invitation', text: 'Приглашаем вас на интервью с командой.' });
  fake.clearRecords();
  expect(await call<SyncAnswer>(core.invoke, 'chats.sync', {})).toEqual({ chats: 1, newMessages: 1, newHumanMessages: 0, invitations: 1 });
  expect(fake.counts['GET /negotiations/{nid}/messages']).toBe(1);
  expect(fake.counts['GET /negotiations']).toBe(2);
  expect(await statusOf(world, last.id)).toBe('invited');
});

it('a sync cut short reads every page next time, so news behind the failure are not skipped', async () => {
  const { world, core, vacancies, negotiationOf } = await appliedEverywhere();
  const { fake } = world;
  world.clock.advance(10 * MINUTE);
  await call(core.invoke, 'chats.sync', {});

  // Every employer writes: more news than one page holds.
  fake.advanceClock(5 * MINUTE);
  world.clock.advance(10 * MINUTE);
  for (const v of vacancies) fake.employerReply(negotiationOf.get(v.id)!, { text: 'Здравствуйте! Какой у вас опыт с Kafka?' });
  const secondPage = (req: { route: string | null; url: string }) =>
    req.route === 'GET /negotiations' && new URL(req.url).searchParams.get('page') === '1';
  fake.failNext(secondPage, fake.errors.serverError(), 10);
  expect((await core.invoke('chats.sync', {})).ok).toBe(false);
  fake.clearFailures();

  // The first page's news were stored by the failed sync; the next one still reads the second page.
  fake.clearRecords();
  world.clock.advance(10 * MINUTE);
  const answer = await call<SyncAnswer>(core.invoke, 'chats.sync', {});
  expect(fake.counts['GET /negotiations']).toBe(2);
  expect(answer).toEqual({ chats: RESPONSES - 100, newMessages: RESPONSES - 100, newHumanMessages: RESPONSES - 100, invitations: 0 });
  const list = await call<{ items: ChatRow[] }>(core.invoke, 'chats.list', { limit: 200 });
  expect(list.items.filter((c) => c.unread === 1)).toHaveLength(RESPONSES);
});

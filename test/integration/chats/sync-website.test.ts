/**
 * chats.sync through the user's website session (the fake hh.ru website and chatik): every page of
 * responses, statuses, kinds, the bot's buttons kept and offered by draftReply.
 */
import { expect, it } from 'vitest';
import type { VacancyStatus } from '../../../shared/domain';
import { readAppEnv } from '../../../main/core/secrets';
import { createHeadlessWebSession } from '../../../main/headless/web-session';
import { startFakeHhSite } from '../../fakes/hh-site/server';
import { closeAfterEach } from '../../support/contract';
import { startTestCore, type TestCore } from '../../support/core';
import { sampleVacancy } from '../../support/db-fixture';
import { movableClock } from '../../support/hh';

const keep = closeAfterEach();

const RESPONSES = 125;
const MINUTE = 60_000;

type Invoke = TestCore['core']['invoke'];
async function call<T>(invoke: Invoke, channel: string, input: unknown): Promise<T> {
  const result = await invoke(channel as Parameters<Invoke>[0], input as never);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as T;
}

interface ChatRow {
  id: number;
  hhNegotiationId: string | null;
  kind: string;
  unread: number;
}

// 2026: rejected responses leave the responses list (12 pages are left) and come from the chat list beside it.
for (const [shape, pages] of [
  ['2026', 12],
  ['older', 13],
] as const)
  it(`reads 125 responses over ${pages} pages of the website (${shape} pages): statuses, kinds, buttons kept and offered by draftReply; nothing new reports zero`, async () => {
    const site = keep(await startFakeHhSite({ vacancies: 130, shape }));
    const clock = movableClock();
    const app = keep(
      await startTestCore({
        env: readAppEnv({ HH_SITE_URL: site.url }),
        hhWebSession: await createHeadlessWebSession({ siteUrl: site.url, cookiesFile: await site.cookiesTxt() }),
        hhWebsiteIntervalMs: 0,
        clock,
      }),
    );
    const { core } = app;
    // The app reads nothing from hh.ru while it says the user is signed out.
    await call(core.invoke, 'hh.signInWebsite', {});
    const vacancies = site.vacancies().slice(0, RESPONSES);
    expect(vacancies.some((v) => v.botQuestion)).toBe(true);
    await core.repositories.vacancies.upsertMany(vacancies.map((v) => sampleVacancy({ hhId: v.id, title: v.name })));

    const expected = new Map<string, VacancyStatus>();
    const kinds = new Map<string, string>();
    let botTopic = '';
    vacancies.forEach((v, i) => {
      const topic = site.addResponse(v.id, { letter: `Здравствуйте! Откликаюсь на «${v.name}».` });
      if (v.botQuestion) {
        botTopic = topic.id;
        kinds.set(topic.id, 'bot');
      } else if (i % 10 === 0) {
        site.employerMessage(topic.chatId, 'Добрый день! Приглашаем вас на собеседование в четверг.', { state: 'INVITATION' });
        expected.set(v.id, 'invited');
        kinds.set(topic.id, 'invitation');
      } else if (i % 10 === 1) {
        site.employerMessage(topic.chatId, 'К сожалению, мы приняли решение в пользу другого кандидата.', { state: 'DISCARD' });
        expected.set(v.id, 'rejected');
        kinds.set(topic.id, 'rejection');
      } else if (i % 10 === 3) {
        site.updateTopic(topic.id, { viewed: true });
        expected.set(v.id, 'viewed');
      } else if (i === 4) {
        site.employerMessage(topic.chatId, 'Анна, здравствуйте! Расскажите, пожалуйста, про ваш последний проект?');
        expected.set(v.id, 'viewed');
        kinds.set(topic.id, 'human');
      }
    });
    clock.advance(10 * MINUTE);
    site.clearRecords();

    const first = await call<Record<string, number>>(core.invoke, 'chats.sync', {});
    const invitations = [...kinds.values()].filter((k) => k === 'invitation').length;
    const rejections = [...kinds.values()].filter((k) => k === 'rejection').length;
    expect(first).toEqual({ chats: RESPONSES, newMessages: invitations + rejections + 2, newHumanMessages: 1, invitations });
    expect(site.requests.filter((r) => r.route === 'GET /applicant/negotiations')).toHaveLength(pages);
    for (const v of vacancies)
      expect([v.id, (await core.repositories.vacancies.getByHhId(v.id))!.status]).toEqual([v.id, expected.get(v.id) ?? 'found']);

    const { items } = await call<{ items: ChatRow[] }>(core.invoke, 'chats.list', { limit: 200 });
    expect(items).toHaveLength(RESPONSES);
    for (const chat of items) {
      const kind = kinds.get(chat.hhNegotiationId!) ?? 'unknown';
      expect([chat.hhNegotiationId, chat.kind, chat.unread]).toEqual([chat.hhNegotiationId, kind, kind === 'unknown' ? 0 : 1]);
    }

    // The bot's buttons arrive with its message, and the draft must be one of them.
    const bot = items.find((c) => c.hhNegotiationId === botTopic)!;
    const messages = await call<{ author: string; buttons: string[] }[]>(core.invoke, 'chats.messages', { chatId: bot.id });
    expect(messages.map((m) => [m.author, m.buttons])).toEqual([
      ['me', []],
      ['bot', ['Да', 'Нет']],
    ]);
    const draft = await call<{ kind: string; mustBeOneOf?: string[] }>(core.invoke, 'chats.draftReply', { chatId: bot.id });
    expect(draft).toMatchObject({ kind: 'bot', mustBeOneOf: ['Да', 'Нет'] });

    // Nothing new: zeros, one page of responses, no chat read.
    site.clearRecords();
    clock.advance(10 * MINUTE);
    expect(await call(core.invoke, 'chats.sync', {})).toEqual({ chats: 0, newMessages: 0, newHumanMessages: 0, invitations: 0 });
    expect(site.requests.filter((r) => r.route === 'GET /applicant/negotiations')).toHaveLength(1);
    expect(site.requests.filter((r) => r.route === 'GET /chatik/api/chat_data')).toHaveLength(0);

    // The oldest response gets an invitation: it comes first; the page after it has nothing new.
    site.advanceClock(5 * MINUTE);
    clock.advance(10 * MINUTE);
    const oldest = site.topics().find((t) => t.vacancyId === vacancies.at(-1)!.id)!;
    site.employerMessage(oldest.chatId, 'Хотим пригласить вас на интервью.', { state: 'INVITATION' });
    site.clearRecords();
    expect(await call(core.invoke, 'chats.sync', {})).toEqual({ chats: 1, newMessages: 1, newHumanMessages: 0, invitations: 1 });
    expect(site.requests.filter((r) => r.route === 'GET /applicant/negotiations')).toHaveLength(2);
    expect(site.requests.filter((r) => r.route === 'GET /chatik/api/chat_data')).toHaveLength(1);
  });

import { randomUUID } from 'node:crypto';
import { afterEach, expect, it } from 'vitest';
import { WebsiteTransport } from '../../../../main/core/hh/website';
import { createHeadlessWebSession } from '../../../../main/headless/web-session';
import { startFakeHhSite, type FakeHhSite } from '../../../fakes/hh-site/server';
import { memoryLogger, searchQuery, signedIn, type LogLine } from './harness';

let site: FakeHhSite | undefined;
afterEach(async () => {
  await site?.close();
  site = undefined;
});

it("end to end: sign in with a cookies file, search, apply twice, read the employer's question and answer it", async () => {
  site = await startFakeHhSite({ escapeState: true });
  const logs: LogLine[] = [];
  const log = memoryLogger(logs);
  // The user exported their browser's hh.ru cookies.
  const session = await createHeadlessWebSession({ siteUrl: site.url, cookiesFile: await site.cookiesTxt(), writeBack: true, log });
  const hh = new WebsiteTransport({ session, siteUrl: site.url, log, minIntervalMs: 5 });

  expect(await signedIn(session, site.url)).toBe(true);
  expect(await hh.unavailableReason('apply')).toBeNull();
  const me = await hh.me();
  const [resume] = await hh.resumes();
  expect(me.firstName).toBe('Анна');

  // Search: the vacancy whose employer's bot asks a question is on the first page.
  const page = await hh.searchVacancies(searchQuery('', 20));
  const target = page.items.find((v) => v.hhId === site!.vacancies()[2]!.id)!;
  expect(target).toBeDefined();
  const full = await hh.vacancy(target.hhId);
  expect(full.descriptionText).toContain('Мы ищем');

  // Apply, then apply again: hh.ru says it already has it.
  const letter = `Здравствуйте! Меня заинтересовала вакансия «${full.title}».`;
  const outcome = await hh.apply({ vacancyId: target.hhId, resumeId: resume!.id, resumeHash: resume!.hash, message: letter });
  expect(outcome.kind).toBe('applied');
  const negotiationId = outcome.kind === 'applied' ? outcome.negotiationId! : '';
  await expect(hh.apply({ vacancyId: target.hhId, resumeId: resume!.id, resumeHash: resume!.hash, message: letter })).rejects.toMatchObject(
    { code: 'hh_already_applied' },
  );
  expect(site.applications).toHaveLength(1);

  // The response is listed; its chat has the bot's question with buttons.
  const { items } = await hh.negotiations(0);
  expect(items).toEqual([expect.objectContaining({ id: negotiationId, vacancyId: target.hhId, state: 'response' })]);
  const chats = await hh.chats(0);
  const chat = chats.items.find((c) => c.negotiationId === negotiationId)!;
  expect(chat.lastMessage).toMatchObject({ author: 'bot', buttons: ['Да', 'Нет'] });

  // The reply is exactly one button's text, sent once even if retried.
  const reply = { negotiationId, text: chat.lastMessage!.buttons[0]!, idempotencyKey: randomUUID() };
  site.failNext('POST /chatik/api/send', 'reset', { afterHandling: true });
  await hh.sendMessage(reply);
  expect(site.sentMessages).toEqual([expect.objectContaining({ text: 'Да', idempotencyKey: reply.idempotencyKey })]);

  // The employer invites; the app sees it in the responses and the chat.
  site.employerMessage(chat.chatId, 'Приглашаем на собеседование в четверг.', { state: 'INVITATION' });
  expect((await hh.negotiations(0)).items[0]).toMatchObject({ id: negotiationId, state: 'invitation', hasUpdates: true });
  const messages = await hh.messages(negotiationId);
  expect(messages.map((m) => [m.author, m.text])).toEqual([
    ['me', letter],
    ['bot', 'Готовы работать из офиса два дня в неделю?'],
    ['me', 'Да'],
    ['employer', 'Приглашаем на собеседование в четверг.'],
  ]);
  for (const secret of site.secrets()) expect(JSON.stringify(logs)).not.toContain(secret);
});

/**
 * The engine end to end, with no window: a real core on the scheduler, against the fake hh.ru and a
 * fake model, on both ways the app reaches hh.ru: the official API (an OAuth sign-in), and the
 * user's website session with no API at all. A saved search finds 120 vacancies over several pages;
 * runs come every 4 hours (a clock the test moves) until every vacancy has a letter or a reason;
 * Autopilot sends within the daily cap and the pacing; a sync brings viewed, invitation and
 * rejection; a person's message brings a notification and a reply draft.
 */
import { describe, expect, it } from 'vitest';
import type { AppNotification, AutomationStatus } from '../../shared/contract';
import type { ChatMessage, VacancySummary } from '../../shared/domain';
import { readAppEnv } from '../../main/core/secrets';
import { createHeadlessWebSession } from '../../main/headless/web-session';
import { startFakeOpenAi, type FakeOpenAi } from '../fakes/ai';
import { startFakeHhSite, type FakeHhSite } from '../fakes/hh-site/server';
import { closeAfterEach, ok } from '../support/contract';
import { startHhWorld, signInThroughOAuth, movableClock } from '../support/hh';
import { startTestCore, type TestCoreHandle } from '../support/core';

const keep = closeAfterEach();

const FOUND = 120;
const CAP = 12;
/** The pause between two applications: the gaps at hh.ru must never be shorter. */
const PACING_MS = 40;
const HOUR = 3_600_000;

type Messages = { role: string; content: string }[];

/** Writes short letters that claim nothing, rates everything 80, answers people politely; keeps every prompt. */
function model(): (messages: Messages) => string {
  return (messages) => {
    const prompt = messages.map((m) => m.content).join('\n');
    if (prompt.includes('"score"')) return '{"score": 80, "reason": "Опыт совпадает"}';
    if (prompt.includes('"kind"')) return '{"kind": "human", "confidence": 0.9, "reason": "A recruiter writes"}';
    if (/сопроводительн|cover letter/i.test(prompt))
      return 'Здравствуйте!\n\nМне интересна эта вакансия: мой опыт ей подходит.\n\nБуду рада обсудить детали.';
    return 'Спасибо! Расскажу подробнее на созвоне.';
  };
}

interface Path {
  core: TestCoreHandle;
  clock: ReturnType<typeof movableClock>;
  ai: FakeOpenAi;
  /** Applications hh.ru received, in order, with when they arrived (wall clock). */
  applications(): { vacancyId: string; receivedAt: number }[];
  /** The employer's moves on the first `n` applications: viewed, invited, rejected, and a person writes. */
  employerActs(): { viewed: string; invited: string; rejected: string; wrote: string };
  /** Words from the vacancy's description that a letter prompt must carry. */
  descriptionWord: string;
}

async function withAi(core: TestCoreHandle) {
  const ai = keep(await startFakeOpenAi({ reply: model() }));
  ok(
    await core.invoke('ai.settings.set', {
      settings: { kind: 'openai', baseUrl: ai.baseUrl, model: 'gpt-4o-mini' },
      openaiKey: 'sk-e2e-key-123456',
    }),
  );
  ok(await core.invoke('profile.set', { name: 'Анна Иванова', email: 'anna@example.ru', phone: '', telegram: '@anna_dev', links: [] }));
  ok(await core.invoke('applying.setSettings', { dailyCap: CAP }));
  return ai;
}

async function officialApi(): Promise<Path> {
  const world = keep(
    await startHhWorld({ fake: { search: { found: FOUND, spanDays: 10 } }, core: { applyPacing: { minIntervalMs: PACING_MS } } }),
  );
  await signInThroughOAuth(world);
  const { core } = world.app;
  const ai = await withAi(core);
  return {
    core,
    clock: world.clock,
    ai,
    applications: () => {
      const posts = world.fake.requests.filter((r) => r.route === 'POST /negotiations' && r.method === 'POST');
      return world.fake.negotiations().map((n, i) => ({ vacancyId: n.vacancyId, receivedAt: posts[i]?.receivedAt ?? 0 }));
    },
    employerActs: () => {
      // Later than the applications: hh.ru's update times move with each change.
      world.fake.advanceClock(60_000);
      const [viewed, invited, rejected, wrote] = world.fake.negotiations();
      // The employer opened the response: hh.ru marks it viewed and moves its update time.
      Object.assign(viewed!, { viewedByOpponent: true, hasUpdates: true, updatedAt: world.fake.now() + 1_000 });
      world.fake.employerReply(invited!.id, { state: 'invitation' });
      world.fake.employerReply(rejected!.id, { state: 'discard' });
      world.fake.employerReply(wrote!.id, { text: 'Добрый день! Расскажите, пожалуйста, о вашем последнем проекте.' });
      return { viewed: viewed!.vacancyId, invited: invited!.vacancyId, rejected: rejected!.vacancyId, wrote: wrote!.vacancyId };
    },
    descriptionWord: 'Условия',
  };
}

async function websiteOnly(): Promise<Path> {
  const site: FakeHhSite = keep(await startFakeHhSite({ vacancies: FOUND }));
  const clock = movableClock(new Date(2026, 10, 27, 10, 0).getTime());
  const app = keep(
    await startTestCore({
      clock,
      env: readAppEnv({ HH_SITE_URL: site.url }),
      hhWebSession: await createHeadlessWebSession({ siteUrl: site.url, cookiesFile: await site.cookiesTxt() }),
      hhWebsiteIntervalMs: 0,
      applyPacing: { minIntervalMs: PACING_MS },
    }),
  );
  const { core } = app;
  ok(await core.invoke('hh.signInWebsite', {}));
  const ai = await withAi(core);
  return {
    core,
    clock,
    ai,
    applications: () => site.applications.map((a) => ({ vacancyId: a.vacancyId, receivedAt: a.receivedAt })),
    employerActs: () => {
      const topics = site.topics().filter((t) => site.applications.some((a) => a.vacancyId === t.vacancyId));
      const [viewed, invited, rejected, wrote] = topics;
      site.updateTopic(viewed!.id, { viewed: true });
      site.updateTopic(invited!.id, { state: 'INVITATION' });
      site.updateTopic(rejected!.id, { state: 'DISCARD' });
      site.employerMessage(wrote!.chatId, 'Добрый день! Расскажите, пожалуйста, о вашем последнем проекте.');
      return { viewed: viewed!.vacancyId, invited: invited!.vacancyId, rejected: rejected!.vacancyId, wrote: wrote!.vacancyId };
    },
    descriptionWord: 'наставника',
  };
}

describe.each([
  ['the official API', officialApi],
  ['the website session, no API', websiteOnly],
])('the engine through %s', (_name, open) => {
  it('finds 120 vacancies, gives each a letter or a reason, sends within the cap and the pacing, and follows the answers', async () => {
    const path = await open();
    const { core, clock, ai } = path;
    const heard: AppNotification[] = [];
    core.events.on('automation.notify', (n) => heard.push(n));
    ok(await core.invoke('searches.save', { search: { name: 'Всё', filters: { text: '' }, intervalHours: 4, mode: 'autopilot' } }));

    // Runs every 4 hours until nothing is left unlooked at; each run takes at most 20 (the per-run cap).
    const found = async () => ok<{ total: number }>(await core.invoke('vacancies.list', { statuses: ['found'], limit: 1 })).total;
    await core.automation.scheduler.tick();
    const first = ok<AutomationStatus>(await core.invoke('automation.status', {})).jobs.find((j) => j.job.startsWith('search:'))!;
    expect(first.message).toMatch(new RegExp(`new of ${FOUND}`));
    for (let run = 0; run < 10 && (await found()) > 0; run += 1) {
      clock.advance(4 * HOUR + 60_000);
      await core.automation.scheduler.tick();
    }
    expect(await found()).toBe(0);

    const all = ok<{ items: VacancySummary[]; total: number }>(await core.invoke('vacancies.list', { statuses: [], limit: 500 }));
    expect(all.total).toBe(FOUND);
    // Every vacancy has a letter, an application, or a stated reason.
    for (const vacancy of all.items) {
      if (!['drafted', 'applied'].includes(vacancy.status))
        expect(vacancy.skip, `${vacancy.hhId} is ${vacancy.status} without a reason`).not.toBeNull();
    }
    expect(all.items.filter((v) => v.status === 'needs_manual').length).toBeGreaterThan(0);

    // Letters are written from the vacancy's description and the resume's content, not titles alone.
    const prompts = ai.requests.map((r) => r.body).filter((body) => /сопроводительн|cover letter/i.test(body));
    expect(prompts.length).toBeGreaterThan(0);
    const resume = (await core.repositories.resumes.list())[0]!;
    const full = (await core.repositories.resumes.full(resume.hhId, resume.updatedAt)) as
      { experience?: { position?: string; company?: string }[]; keySkills?: string[] } | undefined;
    const resumeWord = full?.experience?.[0]?.company ?? full?.experience?.[0]?.position ?? full?.keySkills?.[0];
    expect(resumeWord).toBeTruthy();
    for (const prompt of prompts) {
      expect(prompt).toContain(path.descriptionWord);
      expect(prompt).toContain(JSON.stringify(resumeWord).slice(1, -1));
    }

    // Within the cap (never past it, on any run), one application per vacancy, paced.
    const applications = path.applications();
    expect(applications).toHaveLength(CAP);
    expect(new Set(applications.map((a) => a.vacancyId)).size).toBe(CAP);
    // A lower bound only (a busy machine makes the gaps longer), on the mean: the pacer spaces the
    // requests as they leave, and one arrival delayed by the network shortens only its next gap.
    const span = applications.at(-1)!.receivedAt - applications[0]!.receivedAt;
    expect(span / (applications.length - 1)).toBeGreaterThanOrEqual(PACING_MS * 0.8);
    // Said once for the limit, not again at every run that meets it.
    expect(heard.filter((n) => n.kind === 'limit_reached')).toHaveLength(1);

    // The employers answer; the 10-minute sync brings it in.
    const acts = path.employerActs();
    clock.advance(10 * 60_000);
    await core.automation.scheduler.tick();
    const byHh = new Map(
      ok<{ items: VacancySummary[] }>(await core.invoke('vacancies.list', { statuses: [], limit: 500 })).items.map((v) => [v.hhId, v]),
    );
    expect(byHh.get(acts.viewed)?.status).toBe('viewed');
    expect(byHh.get(acts.invited)?.status).toBe('invited');
    expect(byHh.get(acts.rejected)?.status).toBe('rejected');
    expect(heard.map((n) => n.kind)).toEqual(expect.arrayContaining(['invitation', 'human_message']));
    const chats = ok<{ items: { id: number; vacancyId: number | null }[] }>(await core.invoke('chats.list', { limit: 100 })).items;
    const chat = chats.find((c) => c.vacancyId === byHh.get(acts.wrote)?.id)!;
    const messages = ok<ChatMessage[]>(await core.invoke('chats.messages', { chatId: chat.id }));
    expect(messages.at(-1)).toMatchObject({ author: 'employer', draftReply: 'Спасибо! Расскажу подробнее на созвоне.' });
  });
});

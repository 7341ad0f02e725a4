/**
 * What the engine does with what a search found, against the fake hh.ru website and a fake model:
 * each vacancy it sets aside carries its reason, a fit threshold keeps letters to the vacancies worth
 * them, a letter claiming what the resume does not back waits for the user, a run reports its steps
 * and can be cancelled, new chat messages get reply drafts (bots answered only where allowed), and a
 * captcha pauses everything until the user resumes.
 */
import { describe, expect, it } from 'vitest';
import type { AutomationStatus, RunProgress, SearchRunOutcome } from '../../../shared/contract';
import type { ChatMessage, VacancySummary } from '../../../shared/domain';
import { siteReplies } from '../../fakes/hh-site/server';
import { closeAfterEach, ok } from '../../support/contract';
import { startSiteApp } from '../../support/site-app';

const keep = closeAfterEach();

type Messages = { role: string; content: string }[];
const system = (messages: Messages) => messages.find((m) => m.role === 'system')?.content ?? '';
const user = (messages: Messages) => messages.filter((m) => m.role === 'user').at(-1)?.content ?? '';

/** A model that rates, classifies and writes as told: `letter` is the body of every cover letter. */
function model(options: { letter?: string; score?: (prompt: string) => number } = {}) {
  return (messages: Messages): string => {
    const prompt = `${system(messages)}\n${user(messages)}`;
    if (prompt.includes('"score"')) {
      const score = options.score?.(user(messages)) ?? 80;
      return JSON.stringify({ score, reason: score >= 50 ? 'Опыт совпадает' : 'Другой стек' });
    }
    if (prompt.includes('"kind"')) return '{"kind": "human", "confidence": 0.9, "reason": "A recruiter writes"}';
    if (/одной из кнопок|one of the buttons/.test(prompt)) return 'Да';
    if (/сопроводительн|cover letter/i.test(prompt))
      return options.letter ?? 'Здравствуйте!\n\nМне интересна эта вакансия, мой опыт ей подходит.\n\nБуду рада обсудить.';
    return 'Спасибо за сообщение! Удобно созвониться в четверг.';
  };
}

const signedInApp = (options: { ai?: ReturnType<typeof model>; vacancies?: number } = {}) =>
  startSiteApp(keep, { vacancies: options.vacancies ?? 20, ...(options.ai && { ai: options.ai }) });

const allVacancies = async (core: Awaited<ReturnType<typeof signedInApp>>['core']) =>
  ok<{ items: VacancySummary[] }>(await core.invoke('vacancies.list', { statuses: [], limit: 500 })).items;

describe('the pipeline sets vacancies aside with a reason', () => {
  it("archived, blacklisted, excluded words, pay under the floor, a test, the employer's site: each with its reason; the rest get letters", async () => {
    const { core, site, clock } = await signedInApp();
    // Older than the rest: a run takes the first 20 it found (newest first), so these wait for the next run.
    const old = { hasTest: false, responseUrl: null, publishedAt: site.now() - 30 * 86_400_000 };
    const intern = site.addVacancy({ ...old, name: 'Python-разработчик (стажёр)', salaryFrom: null, salaryTo: null });
    const cheap = site.addVacancy({ ...old, name: 'Python-разработчик', salaryFrom: 40_000, salaryTo: 60_000 });
    const hourly = site.addVacancy({ ...old, name: 'Python-разработчик', salaryFrom: 900, salaryTo: 1_200, salaryMode: 'HOUR' });
    const closed = site.addVacancy({ ...old, name: 'Python-разработчик' });
    const shut = site.addVacancy({ ...old, name: 'Python-разработчик' });
    const banned = site.addVacancy({ ...old, name: 'Python-разработчик', employerId: '777', employerName: 'ООО «Нет»' });
    for (let i = 0; i < 20; i += 1)
      site.addVacancy({ name: `Python-разработчик ${i}`, hasTest: false, responseUrl: null, letterRequired: false });
    const saved = ok<{ id: number }[]>(
      await core.invoke('searches.save', {
        search: { name: 'Python', filters: { text: 'Python', excludedText: 'стажёр', salary: 100_000 }, intervalHours: 4, mode: 'review' },
      }),
    );
    const first = ok<SearchRunOutcome>(await core.invoke('searches.run', { id: saved[0]!.id }));
    expect(first).toMatchObject({ drafted: 20, cancelled: false });
    // Searches leave blacklisted employers out; one blocked after its vacancy was stored is caught by the pipeline.
    ok(await core.invoke('blacklist.add', { employerId: '777', employerName: 'ООО «Нет»', reason: null }));
    // Closed by the employer after the search saw it: the full read finds it archived, or closed for applications (2026).
    site.updateVacancy(closed.id, { archived: true });
    site.updateVacancy(shut.id, { closed: true });
    // The scheduled run, an interval later, filters and drafts the rest.
    clock.advance(4 * 3_600_000);
    await core.automation.scheduler.tick();
    const vacancies = new Map((await allVacancies(core)).map((v) => [v.hhId, v]));
    expect(vacancies.get(intern.id)).toMatchObject({ status: 'ignored', skip: { reason: 'excluded_word', detail: 'стажёр' } });
    expect(vacancies.get(cheap.id)).toMatchObject({ status: 'ignored', skip: { reason: 'salary_below', detail: '60000 RUR' } });
    expect(vacancies.get(closed.id)).toMatchObject({ status: 'ignored', skip: { reason: 'archived' } });
    expect(vacancies.get(shut.id)).toMatchObject({ status: 'ignored', skip: { reason: 'closed' } });
    // An hourly rate is not compared with a monthly floor.
    expect(vacancies.get(hourly.id)).toMatchObject({ status: 'drafted', skip: null });
    expect(vacancies.get(banned.id)).toMatchObject({ status: 'ignored', skip: { reason: 'blacklisted', detail: 'ООО «Нет»' } });
    const manual = [...vacancies.values()].filter((v) => v.status === 'needs_manual');
    expect(manual.length).toBeGreaterThan(0);
    for (const vacancy of manual) expect(['test_required', 'employer_site']).toContain(vacancy.skip?.reason);
    // Nothing is dropped silently: every vacancy the run looked at has a letter or a reason.
    for (const vacancy of vacancies.values()) {
      if (vacancy.status !== 'drafted') expect(vacancy.skip, `vacancy ${vacancy.hhId} (${vacancy.status})`).not.toBeNull();
    }
    expect([...vacancies.values()].filter((v) => v.status === 'drafted').length).toBeGreaterThan(0);
  });
});

describe('a fit threshold', () => {
  it('scores each vacancy once and writes only to those at or above the threshold; the others keep their score as the reason', async () => {
    const { core, ai } = await signedInApp({ ai: model({ score: (prompt) => (prompt.includes('Python') ? 85 : 20) }) });
    ok(
      await core.invoke('searches.save', {
        search: { name: 'Dev', filters: { text: '' }, intervalHours: 4, mode: 'review', minScore: 60 },
      }),
    );
    await core.automation.scheduler.tick();
    const vacancies = await allVacancies(core);
    const low = vacancies.filter((v) => v.skip?.reason === 'score_below');
    expect(low.length).toBeGreaterThan(0);
    for (const vacancy of low) expect(vacancy).toMatchObject({ status: 'ignored', skip: { detail: expect.stringMatching(/^20: /) } });
    const drafted = vacancies.filter((v) => v.status === 'drafted');
    expect(drafted.length).toBeGreaterThan(0);
    const letters = ai!.requests.filter((r) => /сопроводительн|cover letter/i.test(r.body));
    expect(letters).toHaveLength(drafted.length);
  });

  it('with no AI set up, the threshold holds the run back and says why instead of writing blind', async () => {
    const { core } = await signedInApp();
    ok(
      await core.invoke('searches.save', {
        search: { name: 'Dev', filters: { text: '' }, intervalHours: 4, mode: 'review', minScore: 60 },
      }),
    );
    await core.automation.scheduler.tick();
    expect(ok<{ total: number }>(await core.invoke('letters.list', { states: [] })).total).toBe(0);
    const status = ok<AutomationStatus>(await core.invoke('automation.status', {}));
    expect(status.jobs.find((j) => j.job.startsWith('search:'))?.message).toMatch(/stopped: ai_not_configured/);
  });
});

describe('grounding', () => {
  it('a letter claiming an employer, years and a skill the resume lacks is flagged, and autopilot keeps it for the user', async () => {
    const { core, site } = await signedInApp({
      ai: model({ letter: 'Здравствуйте!\n\nЯ 7 лет работал в «Газпромнефть» и настраивал Kubernetes.\n\nБуду рад обсудить.' }),
    });
    ok(
      await core.invoke('searches.save', { search: { name: 'Python', filters: { text: 'Python' }, intervalHours: 4, mode: 'autopilot' } }),
    );
    await core.automation.scheduler.tick();
    expect(site.applications).toHaveLength(0);
    const drafts = ok<{ items: { validation: { ok: boolean; unsupported: { kind: string; text: string }[] } }[] }>(
      await core.invoke('letters.list', { states: ['draft'] }),
    ).items;
    expect(drafts.length).toBeGreaterThan(0);
    expect(drafts[0]!.validation.ok).toBe(true);
    expect(drafts[0]!.validation.unsupported).toEqual(
      expect.arrayContaining([
        { kind: 'employer', text: 'Газпромнефть' },
        { kind: 'number', text: '7' },
        { kind: 'skill', text: 'Kubernetes' },
      ]),
    );
    const status = ok<AutomationStatus>(await core.invoke('automation.status', {}));
    expect(status.jobs.find((j) => j.job.startsWith('search:'))?.message).toMatch(/kept for your review/);
  });

  it('autopilot that wrote letters and sent none, with no stop to explain it, says so in a notice', async () => {
    const { core, site } = await signedInApp({ ai: model({ letter: 'Здравствуйте, [Имя рекрутера]!\n\nГотов обсудить вакансию.' }) });
    ok(
      await core.invoke('searches.save', { search: { name: 'Python', filters: { text: 'Python' }, intervalHours: 4, mode: 'autopilot' } }),
    );
    await core.automation.scheduler.tick();
    expect(site.applications).toHaveLength(0);
    const notice = core.notices().find((n) => n.id === 'letters.noneSent');
    expect(notice).toMatchObject({ code: 'letters_none_sent', params: { search: 'Python' } });
    expect(Number(notice!.params.count)).toBeGreaterThan(0);
  });

  it('a grounded letter goes out in autopilot', async () => {
    const { core, site } = await signedInApp({ ai: model() });
    ok(
      await core.invoke('searches.save', { search: { name: 'Python', filters: { text: 'Python' }, intervalHours: 4, mode: 'autopilot' } }),
    );
    await core.automation.scheduler.tick();
    expect(site.applications.length).toBeGreaterThan(0);
  });
});

describe('progress and cancel', () => {
  it('a run reports its steps with counts, and Cancel stops it after the step under way: nothing more is sent', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const { core, site, ai } = await signedInApp({ ai: model() });
    const steps: RunProgress[] = [];
    core.events.on('automation.progress', (step) => steps.push(step));
    // The first letter's request is held: the run is surely under way when the user cancels.
    ai!.script.enqueue('chat', { heldUntil: held, body: undefined });
    ok(
      await core.invoke('searches.save', { search: { name: 'Python', filters: { text: 'Python' }, intervalHours: 4, mode: 'autopilot' } }),
    );
    const tick = core.automation.scheduler.tick();
    await ai!.script.arrived('chat');
    const job = steps.find((s) => s.job.startsWith('search:'))!.job;
    const during = ok<AutomationStatus>(await core.invoke('automation.status', {}));
    expect(during.jobs.find((j) => j.job === job)).toMatchObject({ running: true, progress: { phase: expect.any(String) } });
    ok(await core.invoke('automation.cancel', { job }));
    release();
    await tick;
    expect(site.applications).toHaveLength(0);
    const ofRun = steps.filter((s) => s.job === job);
    expect(ofRun.map((s) => s.phase)).toEqual(expect.arrayContaining(['searching', 'reading', 'filtering', 'drafting']));
    const reading = ofRun.filter((s) => s.phase === 'reading');
    expect(reading.at(-1)!.total).toBeGreaterThan(0);
    const after = ok<AutomationStatus>(await core.invoke('automation.status', {}));
    expect(after.jobs.find((j) => j.job === job)).toMatchObject({
      running: false,
      progress: null,
      outcome: 'ok',
      message: expect.stringMatching(/cancelled by you/),
    });
    expect(await core.invoke('automation.cancel', { job })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('chats after a sync', () => {
  it("a person's new message gets a reply draft kept for approval; a bot questionnaire is answered with its button only when allowed", async () => {
    const { core, site, clock } = await signedInApp({ ai: model() });
    // The first sync is the baseline (what was there before the app); news comes after it.
    await core.automation.scheduler.tick();
    clock.advance(10 * 60_000);
    const [first, second] = site.vacancies();
    const human = site.addResponse(first!.id);
    const bot = site.addResponse(second!.id);
    site.employerMessage(human.chatId, 'Добрый день! Расскажите, пожалуйста, о вашем последнем проекте.');
    site.employerMessage(bot.chatId, 'Готовы работать из офиса два дня в неделю?', { bot: true, buttons: ['Да', 'Нет'] });
    await core.automation.scheduler.tick();
    const chats = ok<{ items: { id: number; hhNegotiationId: string | null }[] }>(await core.invoke('chats.list', {})).items;
    const messagesOf = async (topicId: string) => {
      const chat = chats.find((c) => c.hhNegotiationId === topicId)!;
      return ok<ChatMessage[]>(await core.invoke('chats.messages', { chatId: chat.id }));
    };
    expect((await messagesOf(human.id)).at(-1)).toMatchObject({
      author: 'employer',
      draftReply: 'Спасибо за сообщение! Удобно созвониться в четверг.',
    });
    // Not allowed yet: the bot's answer waits as a draft, nothing is sent.
    expect((await messagesOf(bot.id)).at(-1)).toMatchObject({ draftReply: 'Да' });
    expect(site.chat(bot.chatId)!.messages.filter((m) => !m.isBot && m.participantId === '51234567')).toHaveLength(0);

    ok(await core.invoke('automation.setAnswerBots', { enabled: true }));
    site.employerMessage(bot.chatId, 'Есть ли у вас опыт с Python?', { bot: true, buttons: ['Да', 'Нет'] });
    clock.advance(10 * 60_000);
    await core.automation.scheduler.tick();
    const sent = site.chat(bot.chatId)!.messages.filter((m) => m.participantId === '51234567');
    expect(sent.map((m) => m.text)).toEqual(['Да']);
    // A person is never answered by itself.
    expect(site.chat(human.chatId)!.messages.filter((m) => m.participantId === '51234567')).toHaveLength(0);
  });
});

describe('a captcha pauses everything until the user acts', () => {
  it('the status says why, the notice stays until Resume, and Resume clears it', async () => {
    const { core, site } = await signedInApp();
    site.failNext('POST /applicant/vacancy_response/popup', siteReplies.captchaPage());
    ok(
      await core.invoke('searches.save', { search: { name: 'Python', filters: { text: 'Python' }, intervalHours: 4, mode: 'autopilot' } }),
    );
    await core.automation.scheduler.tick();
    expect(ok<AutomationStatus>(await core.invoke('automation.status', {}))).toMatchObject({ paused: true, reason: 'captcha' });
    expect(core.notices().map((n) => n.id)).toContain('hh.stopped');
    ok(await core.invoke('automation.setPaused', { paused: false }));
    expect(core.notices().map((n) => n.id)).not.toContain('hh.stopped');
    expect(ok<AutomationStatus>(await core.invoke('automation.status', {}))).toMatchObject({ paused: false });
  });
});

describe('hh.ru refusing mid-run', () => {
  const autopilot = { search: { name: 'Python', filters: { text: 'Python' }, intervalHours: 4, mode: 'autopilot' as const } };

  it('an unreadable vacancy page and a burst of 5xx: the run goes on, the vacancy waits for the next run, no letter is lost or doubled', async () => {
    const { core, site, clock } = await signedInApp();
    site.failNext('GET /vacancy/{id}', siteReplies.brokenState());
    // hh.ru's 503 after it handled the application: the app must ask hh.ru before trying again.
    site.failNext('POST /applicant/vacancy_response/popup', siteReplies.serverError(), { afterHandling: true });
    site.failNext('POST /applicant/vacancy_response/popup', siteReplies.serverError(), { times: 3 });
    ok(await core.invoke('searches.save', autopilot));
    await core.automation.scheduler.tick();
    const sentFirst = site.applications.length;
    expect(sentFirst).toBeGreaterThan(0);
    // The unreadable one is still waiting to be read; nothing was set aside for it.
    expect(ok<{ total: number }>(await core.invoke('vacancies.list', { statuses: ['found'] })).total).toBe(1);
    clock.advance(4 * 3_600_000 + 60_000);
    await core.automation.scheduler.tick();
    expect(ok<{ total: number }>(await core.invoke('vacancies.list', { statuses: ['found'] })).total).toBe(0);
    const perVacancy = new Map<string, number>();
    for (const application of site.applications) perVacancy.set(application.vacancyId, (perVacancy.get(application.vacancyId) ?? 0) + 1);
    expect([...perVacancy.values()].every((n) => n === 1)).toBe(true);
    const letters = ok<{ items: { application: { state: string; lastError: string | null } }[] }>(
      await core.invoke('letters.list', { states: [] }),
    ).items;
    expect(letters.filter((l) => l.application.state === 'sent')).toHaveLength(site.applications.length);
    expect(letters.some((l) => l.application.state === 'sending')).toBe(false);
  });

  it('the session ended: sending stops, everything pauses with the reason, and signing in again resumes', async () => {
    const { core, site } = await signedInApp();
    site.failNext('POST /applicant/vacancy_response/popup', siteReplies.loginRedirect());
    ok(await core.invoke('searches.save', autopilot));
    await core.automation.scheduler.tick();
    expect(site.applications).toHaveLength(0);
    expect(ok<AutomationStatus>(await core.invoke('automation.status', {}))).toMatchObject({ paused: true, reason: 'signed_out' });
    // Nothing was lost: the letter waits, a draft again (the user never approved it), with the reason, for the next send.
    const waiting = ok<{ items: { application: { state: string; lastError: string | null } }[] }>(await core.invoke('letters.list', {}));
    const letters = waiting.items.map((view) => view.application);
    expect(letters.map((a) => a.state)).toEqual(letters.map(() => 'draft'));
    expect(letters.filter((a) => a.lastError !== null)).toHaveLength(1);
    ok(await core.invoke('hh.signInWebsite', {}));
    expect(ok<AutomationStatus>(await core.invoke('automation.status', {}))).toMatchObject({ paused: false, reason: 'running' });
  });
});

describe('what the engine does not announce or do', () => {
  it('the first sync takes existing invitations as they are; a new one after it is announced', async () => {
    const { core, site, clock } = await signedInApp();
    const heard: string[] = [];
    core.events.on('automation.notify', (n) => heard.push(n.kind));
    const [old, fresh] = site.vacancies();
    site.employerMessage(site.addResponse(old!.id).chatId, 'Приглашаем вас на собеседование во вторник.', { state: 'INVITATION' });
    await core.automation.scheduler.tick();
    expect(heard).toEqual([]);
    site.employerMessage(site.addResponse(fresh!.id).chatId, 'Приглашаем вас на собеседование в четверг.', { state: 'INVITATION' });
    clock.advance(10 * 60_000);
    await core.automation.scheduler.tick();
    expect(heard).toEqual(['invitation']);
  });

  it('while the data cannot be written, no job runs; once writing works again, they do', async () => {
    const { core } = await signedInApp();
    ok(await core.invoke('searches.save', { search: { name: 'Python', filters: { text: 'Python' }, intervalHours: 4, mode: 'review' } }));
    core.noticeBoard.raise({
      id: 'database.write_failed',
      level: 'error',
      code: 'database_disk_full',
      message: 'The disk is full.',
      params: {},
      dismissible: false,
    });
    await core.automation.scheduler.tick();
    expect(ok<AutomationStatus>(await core.invoke('automation.status', {})).jobs.every((job) => job.lastStartedAt === null)).toBe(true);
    core.noticeBoard.clear('database.write_failed');
    await core.automation.scheduler.tick();
    expect(ok<AutomationStatus>(await core.invoke('automation.status', {})).jobs.every((job) => job.outcome === 'ok')).toBe(true);
  });
});

describe("a reason belongs to the engine's decision", () => {
  it('is gone once the user (or a sync) gives the vacancy another status', async () => {
    const { core, site } = await signedInApp();
    site.addVacancy({ name: 'Python-разработчик (стажёр)', hasTest: false, responseUrl: null });
    ok(
      await core.invoke('searches.save', {
        search: { name: 'Python', filters: { text: 'Python', excludedText: 'стажёр' }, intervalHours: 4, mode: 'review' },
      }),
    );
    await core.automation.scheduler.tick();
    const skipped = (await allVacancies(core)).find((v) => v.skip?.reason === 'excluded_word')!;
    expect(ok<VacancySummary>(await core.invoke('vacancies.setStatus', { id: skipped.id, status: 'found' }))).toMatchObject({
      status: 'found',
      skip: null,
    });
  });
});

describe('"Run now"', () => {
  it('runs the search whole, like a scheduled run (its steps, then gone when it ends), and ends with letters', async () => {
    const { core } = await signedInApp();
    const [search] = ok<{ id: number }[]>(
      await core.invoke('searches.save', { search: { name: 'Python', filters: { text: 'Python' }, intervalHours: 4, mode: 'review' } }),
    );
    const steps: RunProgress[] = [];
    const finished: string[] = [];
    core.events.on('automation.progress', (step) => steps.push(step));
    core.events.on('automation.jobFinished', ({ job }) => finished.push(job));
    const outcome = ok<SearchRunOutcome>(await core.invoke('searches.run', { id: search!.id }));
    expect(outcome.found).toBeGreaterThan(0);
    expect(outcome.drafted).toBeGreaterThan(0);
    expect(outcome.sent).toBe(0); // review: nothing is sent by itself
    expect([...new Set(steps.map((s) => s.phase))]).toEqual(['searching', 'reading', 'filtering', 'drafting']);
    expect(steps.every((s) => s.job === `search:${search!.id}`)).toBe(true);
    expect(finished).toEqual([`search:${search!.id}`]);
    const status = ok<AutomationStatus>(await core.invoke('automation.status', {}));
    expect(status.jobs.find((j) => j.job === `search:${search!.id}`)).toMatchObject({ running: false, progress: null });
  });

  it('does not push the next scheduled run back; a failed run is tried again at the next check', async () => {
    const { core, site, clock } = await signedInApp();
    const [search] = ok<{ id: number }[]>(
      await core.invoke('searches.save', { search: { name: 'Python', filters: { text: 'Python' }, intervalHours: 4, mode: 'review' } }),
    );
    const job = `search:${search!.id}`;
    const due = async () => ok<AutomationStatus>(await core.invoke('automation.status', {})).jobs.find((j) => j.job === job)!.nextDueAt;
    await core.automation.scheduler.tick();
    const scheduled = await due();
    expect(Date.parse(scheduled!)).toBe(clock.now().getTime() + 4 * 3_600_000);
    clock.advance(3_600_000);
    ok(await core.invoke('searches.run', { id: search!.id }));
    expect(await due()).toBe(scheduled);
    // hh.ru fails a run: tried at the next check (a minute later), not four hours later.
    site.failNext('GET /search/vacancy', siteReplies.serverError(), { times: 20 });
    clock.advance(3 * 3_600_000);
    await core.automation.scheduler.tick();
    expect(Date.parse((await due())!)).toBe(clock.now().getTime());
    site.clearFailures();
    clock.advance(60_000);
    await core.automation.scheduler.tick();
    expect(ok<AutomationStatus>(await core.invoke('automation.status', {})).jobs.find((j) => j.job === job)).toMatchObject({
      outcome: 'ok',
    });
  });

  it('Cancel stops it while hh.ru is being asked; the answer says so, and the record says "cancelled by you"', async () => {
    const { core, site } = await signedInApp();
    const [search] = ok<{ id: number }[]>(
      await core.invoke('searches.save', { search: { name: 'Python', filters: { text: 'Python' }, intervalHours: 4, mode: 'review' } }),
    );
    const job = `search:${search!.id}`;
    // hh.ru does not answer: the run is surely waiting on it when the user cancels.
    site.failNext('GET /search/vacancy', 'hang');
    core.events.on('automation.progress', (step) => {
      if (step.job === job) void core.invoke('automation.cancel', { job });
    });
    expect(ok(await core.invoke('searches.run', { id: search!.id }))).toMatchObject({
      found: 0,
      added: 0,
      updated: 0,
      cancelled: true,
      drafted: 0,
      sent: 0,
    });
    const status = ok<AutomationStatus>(await core.invoke('automation.status', {}));
    expect(status.jobs.find((j) => j.job === job)).toMatchObject({ running: false, outcome: 'ok', report: { key: 'cancelled' } });
  });
});

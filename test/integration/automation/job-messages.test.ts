/**
 * The window reads each run's record (a key with facts, main/core/automation/reports.ts) in the user's
 * language (renderer/src/format/engine.ts). This runs every job the way the engine does and checks
 * each record it wrote reads in Russian, so a new kind of record without words fails here.
 */
import { describe, expect, it } from 'vitest';
import type { AutomationStatus } from '../../../shared/contract';
import { jobMessageText } from '../../../renderer/src/format/automation';
import { setupI18n } from '../../../renderer/src/i18n';
import { closeAfterEach, ok } from '../../support/contract';
import { startSiteApp } from '../../support/site-app';

const keep = closeAfterEach();

type Messages = { role: string; content: string }[];
const model = (messages: Messages) => {
  const prompt = messages.map((m) => m.content).join('\n');
  if (prompt.includes('"score"')) return JSON.stringify({ score: prompt.includes('QA') ? 10 : 80, reason: 'Опыт совпадает' });
  if (prompt.includes('"kind"')) return '{"kind": "human", "confidence": 0.9, "reason": "A recruiter writes"}';
  // A claim the resume does not back, so autopilot keeps letters back and the line says so.
  if (/сопроводительн|cover letter/i.test(prompt)) return 'Здравствуйте!\n\nЯ 7 лет работал в «Газпромнефть».\n\nБуду рад обсудить.';
  return 'Спасибо за сообщение!';
};

const engine = (options: { ai: boolean }) => startSiteApp(keep, { vacancies: 12, ...(options.ai && { ai: model }) });

/** Every job's last line, with what the Russian window makes of it. */
async function linesOf(core: Awaited<ReturnType<typeof engine>>['core']) {
  const i18n = await setupI18n('ru');
  const status = ok<AutomationStatus>(await core.invoke('automation.status', {}));
  return status.jobs
    .filter((job) => job.report !== null)
    .map((job) => ({ job: job.job, message: job.message!, ru: jobMessageText(i18n.t, job.report!) }));
}

describe('the record line of every run reads in Russian', () => {
  it('resumes raised, the token, an autopilot search with letters kept back, the chats and the backup', async () => {
    const { core, site } = await engine({ ai: true });
    ok(await core.invoke('automation.setRaiseResumes', { enabled: true }));
    ok(
      await core.invoke('searches.save', {
        search: { name: 'Dev', filters: { text: '' }, intervalHours: 4, mode: 'autopilot', minScore: 50 },
      }),
    );
    site.employerMessage(site.addResponse(site.vacancies()[0]!.id).chatId, 'Добрый день! Расскажите о себе.');
    await core.automation.scheduler.tick();
    const lines = await linesOf(core);
    expect(lines.map((line) => line.job).sort()).toEqual(['backup', 'hh:token', 'raise:resumes', 'search:1', 'sync:chats']);
    for (const line of lines) expect(line.ru, `${line.job}: "${line.message}"`).toBeDefined();
    expect(lines.find((line) => line.job === 'search:1')!.ru).toMatch(/ждут вашей проверки/);
  });

  it('"Run now", a cancelled run, and a threshold with no AI', async () => {
    const { core, clock } = await engine({ ai: false });
    const [search] = ok<{ id: number }[]>(
      await core.invoke('searches.save', {
        search: { name: 'Dev', filters: { text: '' }, intervalHours: 4, mode: 'review', minScore: 50 },
      }),
    );
    // "Run now" runs the whole pipeline: with a threshold and no AI it stops at scoring, and says why.
    ok(await core.invoke('searches.run', { id: search!.id }));
    expect((await linesOf(core)).find((line) => line.job === 'search:1')!.ru).toMatch(/^новых \d+ из \d+; .*остановлено: ИИ не настроен/);

    clock.advance(4 * 3_600_000 + 60_000);
    await core.automation.scheduler.tick();
    expect((await linesOf(core)).find((line) => line.job === 'search:1')!.ru).toMatch(/остановлено: ИИ не настроен/);

    // Cancelled once the search is in and the vacancies are being read (the user's Cancel, straight at the scheduler): the line says so.
    clock.advance(4 * 3_600_000 + 60_000);
    core.events.on('automation.progress', (step) => {
      if (step.job === 'search:1' && step.phase === 'reading') core.automation.scheduler.cancel('search:1');
    });
    await core.automation.scheduler.tick();
    expect((await linesOf(core)).find((line) => line.job === 'search:1')!.ru).toMatch(
      /^новых \d+ из \d+; отменено вами, писем написано: 0, отправлено: 0$/,
    );
  });
});

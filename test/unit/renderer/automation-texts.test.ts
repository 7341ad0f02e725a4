import type { JobReport } from '../../../shared/contract';
import { describe, expect, it } from 'vitest';
import type { RunProgress } from '../../../shared/contract';
import { skipReasons, type VacancySkip } from '../../../shared/domain/vacancy';
import { claimsList, jobLabel, jobMessageText, progressLine, skipText } from '../../../renderer/src/format/automation';
import { setupI18n } from '../../../renderer/src/i18n';

const names = new Map([[7, 'Python']]);
const time = (iso: string) => iso.slice(11, 19);
const money = (value: number, currency: string) => `${value.toLocaleString('ru-RU')} ${currency === 'RUR' ? '₽' : currency}`;
const step = (job: string, change: Partial<RunProgress>): RunProgress => ({
  job,
  phase: 'drafting',
  done: 3,
  total: 12,
  waitingFor: 'ai',
  until: null,
  ...change,
});

describe("the engine in the user's words", () => {
  it('names jobs: a search by its name, the fixed jobs by what they do, an unknown one by its id', async () => {
    const i18n = await setupI18n('ru');
    expect(jobLabel(i18n.t, 'search:7', names)).toBe('«Python»');
    expect(jobLabel(i18n.t, 'search:8', names)).toBe('Поиск №8');
    expect(jobLabel(i18n.t, 'sync:chats', names)).toBe('Статусы и чаты');
    expect(jobLabel(i18n.t, 'raise:resumes', names)).toBe('Поднятие резюме');
    expect(jobLabel(i18n.t, 'hh:token', undefined)).toBe('Продление входа в hh.ru');
    expect(jobLabel(i18n.t, 'backup', undefined)).toBe('Резервная копия данных');
    expect(jobLabel(i18n.t, 'something:new', undefined)).toBe('something:new');
    await i18n.changeLanguage('en');
    expect(jobLabel(i18n.t, 'sync:chats', names)).toBe('Statuses and chats');
    expect(jobLabel(i18n.t, 'search:7', names)).toBe('“Python”');
  });

  it("says a run's step with its count, and a pause with when it ends", async () => {
    const i18n = await setupI18n('en');
    expect(progressLine(i18n.t, step('search:7', {}), names, time)).toBe('“Python”: writing letters 3 of 12');
    expect(progressLine(i18n.t, step('search:7', { phase: 'searching', done: 0, total: 0, waitingFor: 'hh' }), names, time)).toBe(
      '“Python”: searching hh.ru',
    );
    expect(
      progressLine(i18n.t, step('search:7', { phase: 'waiting', waitingFor: 'pause', until: '2026-11-27T14:05:20.000Z' }), names, time),
    ).toBe('“Python”: pause between applications until 14:05:20');
    expect(progressLine(i18n.t, step('sync:chats', { phase: 'drafting', done: 1, total: 2 }), names, time)).toBe(
      'Statuses and chats: drafting replies 1 of 2',
    );
    await i18n.changeLanguage('ru');
    expect(progressLine(i18n.t, step('search:7', {}), names, time)).toBe('«Python»: пишу письма 3 из 12');
    expect(progressLine(i18n.t, step('sync:chats', { phase: 'reading', done: 0, total: 0 }), names, time)).toBe(
      'Статусы и чаты: читаю отклики и чаты',
    );
    for (const phase of ['searching', 'reading', 'filtering', 'scoring', 'drafting', 'sending', 'waiting'] as const) {
      for (const language of ['ru', 'en']) {
        await i18n.changeLanguage(language);
        expect(progressLine(i18n.t, step('search:7', { phase }), names, time), `${language} ${phase}`).not.toMatch(/automation\.|\{\{/);
      }
    }
  });

  it('gives every skip reason a text, with its fact', async () => {
    const i18n = await setupI18n('en');
    const text = (skip: VacancySkip) => skipText(i18n.t, skip, money);
    expect(text({ reason: 'excluded_word', detail: 'стажёр' })).toEqual({ text: 'Excluded word: стажёр' });
    expect(text({ reason: 'salary_below', detail: '60000 RUR' })).toEqual({
      text: `Pay under your floor: ${(60000).toLocaleString('ru-RU')} ₽`,
    });
    expect(text({ reason: 'score_below', detail: '20: Другой стек' })).toEqual({ text: 'AI fit 20 of 100: Другой стек' });
    expect(text({ reason: 'employer_site', detail: 'https://careers.example.ru/apply' })).toEqual({
      text: 'Applications go through the employer’s own site',
      link: 'https://careers.example.ru/apply',
    });
    // Only web addresses become links.
    expect(text({ reason: 'employer_site', detail: 'javascript:alert(1)' })).toEqual({
      text: 'Applications go through the employer’s own site',
    });
    expect(text({ reason: 'archived', detail: null })).toEqual({ text: 'The vacancy is archived' });
    for (const language of ['ru', 'en']) {
      await i18n.changeLanguage(language);
      for (const reason of skipReasons) expect(text({ reason, detail: null }).text, `${language} ${reason}`).not.toMatch(/^work\./);
    }
    await i18n.changeLanguage('ru');
    expect(text({ reason: 'score_below', detail: '20: Другой стек' })).toEqual({ text: 'Оценка ИИ 20 из 100: Другой стек' });
  });

  it('lists the claims a letter makes without backing, employers quoted, each once', async () => {
    const i18n = await setupI18n('ru');
    const claims = [
      { kind: 'employer', text: 'Газпромнефть' },
      { kind: 'number', text: '7' },
      { kind: 'skill', text: 'Kubernetes' },
      { kind: 'skill', text: 'Kubernetes' },
    ] as const;
    expect(claimsList(i18n.t, claims)).toBe('«Газпромнефть», 7, Kubernetes');
    expect(i18n.t('letters.line.unsupported', { claims: claimsList(i18n.t, claims) })).toBe(
      'Проверьте перед отправкой: письмо упоминает «Газпромнефть», 7, Kubernetes — а в вашем резюме этого нет.',
    );
    await i18n.changeLanguage('en');
    expect(i18n.t('letters.line.unsupported', { claims: claimsList(i18n.t, claims) })).toBe(
      'Check before sending: the letter mentions “Газпромнефть”, 7, Kubernetes — your resume does not.',
    );
  });

  it("reads the engine's records in the user's language; a failure is the error's words when the app knows its code", async () => {
    const i18n = await setupI18n('ru');
    const say = (key: JobReport['key'], params: JobReport['params'] = {}) => jobMessageText(i18n.t, { key, params });
    expect(say('cancelled')).toBe('отменено вами');
    expect(say('notSignedIn')).toBe('пропущено: нет входа в hh.ru');
    expect(say('found', { added: 3, found: 12 })).toBe('новых 3 из 12');
    expect(say('searchCancelled', { added: 5, found: 5, drafted: 0, sent: 0 })).toBe(
      'новых 5 из 5; отменено вами, писем написано: 0, отправлено: 0',
    );
    expect(
      say('searchDone', { added: 3, found: 12, skipped: 2, drafted: 4, sent: 1, heldBack: 1, needsManual: 0, stoppedBy: 'hh_captcha' }),
    ).toBe(
      'новых 3 из 12; отложено: 2, писем написано: 4, отправлено: 1, откликнуться вручную: 0, ждут вашей проверки (в письме то, чего нет в резюме): 1; остановлено: hh.ru просит решить капчу. Откройте её и решите: работа продолжится.',
    );
    expect(
      say('searchDone', { added: 0, found: 0, skipped: 0, drafted: 0, sent: 0, heldBack: 0, needsManual: 0, stoppedBy: 'quiet_hours' }),
    ).toBe('новых 0 из 0; отложено: 0, писем написано: 0, отправлено: 0, откликнуться вручную: 0; остановлено: тихие часы');
    expect(say('sync', { chats: 2, messages: 3, people: 1, invitations: 1, drafts: 2, answered: 1 })).toBe(
      'откликов с новостями: 2, новых сообщений: 3 (от людей: 1), приглашений: 1, черновиков ответов: 2, ответов ботам: 1',
    );
    expect(say('syncBaseline', { chats: 4 })).toBe('первое чтение откликов (4): принято как есть, без уведомлений');
    expect(say('raised', { count: 2 })).toBe('поднято резюме: 2');
    expect(say('failed', { message: 'hh.ru did not answer in time.' })).toBeUndefined();
    expect(say('failed', { code: 'hh_captcha', message: 'captcha' })).toMatch(/капчу/);
    await i18n.changeLanguage('en');
    expect(say('found', { added: 3, found: 12 })).toBe('3 new of 12');
    expect(
      say('searchDone', { added: 1, found: 2, skipped: 0, drafted: 1, sent: 0, heldBack: 0, needsManual: 0, stoppedBy: 'daily_limit' }),
    ).toBe('1 new of 2; 0 set aside, 1 letters drafted, 0 sent, 0 for you to apply by hand; stopped: the daily limit');
  });
});

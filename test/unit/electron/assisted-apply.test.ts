import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BrowserWindow, clipboard, resetFakeElectron } from '../../fakes/electron';
import { fillLetterScript, successCheckScript } from '../../../main/electron/assist-scripts';
import { createHhSignInWindow } from '../../../main/electron/hh-window';
import { startTestCore, type TestCore } from '../../support/core';

const LETTER = 'Здравствуйте!\n\nМеня заинтересовала вакансия "Python-разработчик".\n\nКонтакты для связи:\n- Email: anna@example.ru';
const SITE = 'https://hh.ru';
const fillScript = fillLetterScript(LETTER, SITE, '777');
const checkScript = successCheckScript(SITE, '777');
let running: TestCore | undefined;
beforeEach(() => resetFakeElectron());
afterEach(async () => {
  vi.useRealTimers();
  await running?.close();
  running = undefined;
});

/** A core with one vacancy and one draft letter for it. */
async function coreWithDraft() {
  running = await startTestCore({ hhSignInWindow: createHhSignInWindow({ siteUrl: 'https://hh.ru' }) });
  const { repositories } = running.core;
  await repositories.vacancies.upsertMany([
    {
      hhId: '777',
      title: 'Python-разработчик',
      employer: { id: '1', name: 'ООО Ромашка' },
      salary: null,
      area: { id: '1', name: 'Москва' },
      url: 'https://hh.ru/vacancy/777',
      publishedAt: null,
      descriptionHtml: '',
      descriptionText: 'Работа с Python',
      keySkills: [],
      hasTest: true,
      letterRequired: false,
      archived: false,
      externalUrl: null,
      raw: {},
    },
  ]);
  const vacancy = await repositories.vacancies.getByHhId('777');
  const draft = await repositories.applications.createDraft(vacancy!.id, null, LETTER);
  return { core: running.core, applicationId: draft.id, vacancyId: vacancy!.id };
}

describe('assisted apply in the hh.ru window', () => {
  it("opens hh.ru's response form, puts the letter in its field and on the clipboard, and records the success", async () => {
    const { core, applicationId, vacancyId } = await coreWithDraft();
    // The window looks for hh.ru's confirmation on an interval: the test moves that clock itself.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const result = core.invoke('letters.assist', { applicationId });
    const window = await BrowserWindow.whenOpened();
    expect(window.loadedUrl).toBe('https://hh.ru/applicant/vacancy_response?vacancyId=777&startedWithQuestion=false&hhtmFrom=vacancy');
    expect(window.options.webPreferences).toMatchObject({ partition: 'persist:hh', sandbox: true });
    expect(clipboard.text).toBe(LETTER);

    window.webContents.emit('did-finish-load');
    const fill = window.webContents.scripts.find((script) => script.code === fillScript);
    expect(fill).toBeDefined();
    // In its own world: hh.ru's scripts never see the app's code.
    expect(fill!.world).not.toBe(0);
    expect(fill!.code).toContain(JSON.stringify(LETTER));

    // Before the user presses hh.ru's button, the check finds nothing.
    await vi.advanceTimersToNextTimerAsync();
    expect(window.webContents.scripts.filter((script) => script.code === checkScript)).toHaveLength(1);
    // The user presses it; hh.ru confirms in place, and the next check sees that.
    window.webContents.scriptAnswer = (code) => code === checkScript;
    await vi.advanceTimersToNextTimerAsync();
    expect(await result).toMatchObject({
      ok: true,
      value: { outcome: 'applied', view: { application: { state: 'sent', transport: 'assisted' } } },
    });
    expect((await core.repositories.vacancies.get(vacancyId))?.status).toBe('applied');
    expect((await core.repositories.auditLog.list({ limit: 5, offset: 0 })).items[0]).toMatchObject({
      action: 'application.sent',
      details: 'via assisted',
    });
  });

  it('also takes a move to the responses list as success', async () => {
    const { core, applicationId } = await coreWithDraft();
    const result = core.invoke('letters.assist', { applicationId });
    const window = await BrowserWindow.whenOpened();
    window.webContents.emit('did-navigate', {}, 'https://hh.ru/applicant/negotiations?from=response');
    expect(await result).toMatchObject({ ok: true, value: { outcome: 'applied' } });
  });

  it('a closed window changes nothing', async () => {
    const { core, applicationId } = await coreWithDraft();
    const result = core.invoke('letters.assist', { applicationId });
    (await BrowserWindow.whenOpened()).close();
    expect(await result).toMatchObject({ ok: true, value: { outcome: 'cancelled', view: { application: { state: 'draft' } } } });
  });

  it("fills the letter and looks for hh.ru's success words only on that vacancy's response form", async () => {
    const { core, applicationId } = await coreWithDraft();
    const result = core.invoke('letters.assist', { applicationId });
    const window = await BrowserWindow.whenOpened();
    window.webContents.scriptAnswer = () => true; // a foreign page that would "confirm" anything
    window.webContents.emit('did-navigate', {}, 'https://hh.ru/vacancy/778');
    window.webContents.emit('did-finish-load');
    expect(window.webContents.scripts).toEqual([]);
    window.close();
    expect(await result).toMatchObject({ ok: true, value: { outcome: 'cancelled', view: { application: { state: 'draft' } } } });
  });

  it("a foreign page, even one with hh.ru's path and words, gets no letter and marks nothing sent", async () => {
    const { core, applicationId } = await coreWithDraft();
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const result = core.invoke('letters.assist', { applicationId });
    const window = await BrowserWindow.whenOpened();
    window.webContents.scriptAnswer = () => true; // a page that would "confirm" anything
    // A page that slipped past the guard (it cannot navigate there; a stale event stands in for it).
    for (const foreign of [
      'https://evil.example/applicant/vacancy_response?vacancyId=777',
      'http://hh.ru/applicant/vacancy_response?vacancyId=777',
    ]) {
      window.webContents.emit('did-navigate', {}, foreign);
      window.webContents.emit('did-finish-load');
      await vi.advanceTimersToNextTimerAsync();
    }
    window.webContents.emit('did-navigate', {}, 'https://evil.example/applicant/negotiations');
    expect(window.webContents.scripts).toEqual([]);
    window.close();
    expect(await result).toMatchObject({ ok: true, value: { outcome: 'cancelled', view: { application: { state: 'draft' } } } });
  });

  it('an answer from a page that navigated away while the check ran is not taken as success', async () => {
    const { core, applicationId } = await coreWithDraft();
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const result = core.invoke('letters.assist', { applicationId });
    const window = await BrowserWindow.whenOpened();
    // The check starts on the form; by the time it answers, the page is elsewhere.
    window.webContents.scriptAnswer = (code) => {
      if (code !== checkScript) return false;
      window.webContents.emit('did-navigate', {}, 'https://hh.ru/vacancy/778');
      return true;
    };
    await vi.advanceTimersToNextTimerAsync();
    expect(window.webContents.scripts.filter((script) => script.code === checkScript)).toHaveLength(1);
    window.close();
    expect(await result).toMatchObject({ ok: true, value: { outcome: 'cancelled', view: { application: { state: 'draft' } } } });
  });

  it("each script checks, inside the page, that it runs on this vacancy's form on hh.ru", () => {
    for (const script of [fillScript, checkScript]) {
      expect(script).toContain('location.origin === "https://hh.ru"');
      expect(script).toContain('location.pathname === "/applicant/vacancy_response"');
      expect(script).toContain(`get('vacancyId') === "777"`);
    }
    // A site served under a path prefix (a proxy, the test fake) keeps its prefix in the check.
    expect(successCheckScript('http://127.0.0.1:9000/hh', '5')).toContain('location.pathname === "/hh/applicant/vacancy_response"');
  });

  it('the letter cannot break out of the script that fills it', () => {
    const nasty = '"); alert(1); ("`${x}`</script>';
    expect(fillLetterScript(nasty, SITE, '777')).toContain(JSON.stringify(nasty));
  });
});

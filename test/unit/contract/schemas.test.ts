import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { channelNames, channels, eventNames, events } from '../../../shared/contract';

/** A valid input for each channel; property tests then mutate it into malformed ones. */
const validInputs: { [K in (typeof channelNames)[number]]: unknown } = {
  'app.info': {},
  'app.ping': { message: 'hello' },
  'automation.get': {},
  'automation.setPaused': { paused: true },
  'automation.status': {},
  'automation.setRaiseResumes': { enabled: true },
  'automation.setAnswerBots': { enabled: true },
  'automation.cancel': { job: 'search:1' },
  'dashboard.get': { days: 7 },
  'profile.resume': {},
  'profile.setResume': { resumeHhId: 'r1' },
  'profile.resumeContent': { resumeHhId: 'r1' },
  'builder.list': { limit: 20, offset: 0 },
  'builder.get': { id: 1 },
  'builder.create': { language: 'ru', fromResumeHhId: 'r1' },
  'builder.answer': { id: 1, text: 'Python-разработчик' },
  'builder.ask': { id: 1 },
  'builder.finish': { id: 1 },
  'builder.saveResume': { id: 1, markdown: '# Резюме' },
  'builder.delete': { id: 1 },
  'builder.export': { id: 1, format: 'docx' },
  'builder.lettersResume': {},
  'builder.setLettersResume': { choice: { interviewId: 1, mode: 'alongside' } },
  'profile.refreshResume': { resumeHhId: 'r1' },
  'vacancies.add': { link: 'https://hh.ru/vacancy/123' },
  'automation.setQuietHours': { enabled: true, from: '23:00', to: '08:00' },
  'preferences.get': {},
  'preferences.set': { language: 'en', theme: 'dark', lastScreen: 'chats' },
  'notices.list': {},
  'notices.dismiss': { id: 'database.restored' },
  'audit.list': { limit: 20, offset: 40, action: 'hh.token.refresh' },
  'app.startup.get': {},
  'app.startup.set': { openAtLogin: true, startHidden: true },
  'updates.get': {},
  'updates.check': {},
  'updates.setAuto': { auto: false },
  'updates.restart': {},
  'vault.status': {},
  'vault.acceptWeakProtection': { accept: true },
  'hh.status': {},
  'hh.signIn': { mode: 'switch' },
  'hh.signInWebsite': {},
  'hh.signOut': {},
  'hh.refresh': {},
  'hh.saveApp': { clientId: 'ABC123', clientSecret: 'secret', redirectUri: 'http://localhost:8080/hh/callback' },
  'hh.forgetApp': {},
  'hh.capabilities': {},
  'hh.pages': {},
  'hh.checkPages': {},
  'hh.openPage': { url: 'https://hh.ru/account/captcha?state=x' },
  'ai.settings.get': {},
  'ai.settings.set': { settings: { kind: 'openai', baseUrl: 'http://localhost:11434/v1', model: 'llama3.1' }, openaiKey: 'sk-1' },
  'ai.test': {},
  'profile.get': {},
  'profile.set': { name: 'Анна', telegram: '@anna_dev', email: 'anna@example.ru', phone: '', links: ['https://anna.dev'] },
  'templates.list': {},
  'templates.save': {
    template: { name: 'Основной', instruction: 'Коротко и по делу', tone: 'деловой', maxLength: 2000 },
    makeDefault: true,
  },
  'templates.delete': { id: 1 },
  'templates.try': { vacancy: { source: 'hh', idOrUrl: 'https://hh.ru/vacancy/123456' }, resumeHhId: 'r1', templateId: 1 },
  'letters.validate': { letter: 'Здравствуйте!', maxLength: 2000 },
  'searches.list': {},
  'searches.save': { id: 2, search: { name: 'Python', filters: { text: 'python' }, intervalHours: 4, active: true, mode: 'review' } },
  'searches.delete': { id: 2 },
  'searches.run': { id: 2 },
  'vacancies.list': {
    limit: 50,
    offset: 0,
    statuses: ['found'],
    query: 'python',
    sort: 'salary',
    searchId: 3,
    salaryFrom: 100_000,
    area: '1',
    employer: 'Яндекс',
    days: 7,
    since: '2026-01-01',
    recommended: false,
  },
  'vacancies.get': { id: 3 },
  'vacancies.counts': {},
  'vacancies.retention.get': {},
  'vacancies.retention.set': { days: 90 },
  'vacancies.keptScore': { id: 3 },
  'vacancies.setStatus': { id: 3, status: 'ignored' },
  'letters.draft': { vacancyId: 3, resumeHhId: 'r1' },
  'letters.list': { limit: 20, offset: 0, states: ['draft'], discarded: false },
  'letters.update': { applicationId: 4, letter: 'Здравствуйте!', keepPrevious: true },
  'letters.discard': { applicationId: 4 },
  'letters.restore': { applicationId: 4 },
  'letters.skip': { applicationId: 4, hideOnHh: true },
  'letters.rewrite': { applicationId: 4, instruction: 'короче, упомяни Go' },
  'letters.revert': { applicationId: 4 },
  'letters.send': { applicationId: 4 },
  'letters.assist': { applicationId: 4 },
  'letters.markSent': { applicationId: 4 },
  'applying.status': {},
  'applying.setSettings': { dailyCap: 20 },
  'chats.sync': {},
  'chats.list': { limit: 20, offset: 0 },
  'chats.messages': { chatId: 5 },
  'chats.draftReply': { chatId: 5 },
  'chats.send': { chatId: 5, text: 'Добрый день!' },
  'hh.resume': { resumeHhId: 'r1' },
  'hh.raiseResume': { resumeHhId: 'r1' },
  'hh.dictionaries': {},
  'hh.areas': {},
  'vacancies.hide': { id: 3 },
  'vacancies.score': { id: 3, resumeHhId: 'r1' },
  'vacancies.recommended': {},
  'blacklist.list': {},
  'blacklist.add': { employerId: '1455', employerName: 'Рога и копыта', reason: 'спам' },
  'blacklist.remove': { employerId: '1455' },
  'localApi.status': {},
  'localApi.setEnabled': { enabled: true, port: 47821 },
  'localApi.tokens': {},
  'localApi.createToken': { name: 'cron', scope: 'read', expiresInDays: 30 },
  'localApi.revoke': { id: '5f0c6f0e-1b7a-4a57-9d0f-1c2b3a4d5e6f' },
  'localApi.rotate': { id: '5f0c6f0e-1b7a-4a57-9d0f-1c2b3a4d5e6f' },
  'support.openLogs': {},
  'support.saveReport': {},
};

const notAnObject = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.anything()));

describe('contract schemas', () => {
  it('every channel has a valid sample input that its schema accepts', () => {
    for (const name of channelNames) {
      expect(channels[name].input.safeParse(validInputs[name]).success, name).toBe(true);
    }
  });

  it.each(channelNames)('%s rejects inputs that are not objects', (name) => {
    fc.assert(fc.property(notAnObject, (input) => !channels[name].input.safeParse(input).success));
  });

  it.each(channelNames)('%s rejects unknown keys', (name) => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }).filter((key) => !(key in (validInputs[name] as object)) && key !== '__proto__'),
        fc.anything(),
        (key, value) => !channels[name].input.safeParse({ ...(validInputs[name] as object), [key]: value }).success,
      ),
    );
  });

  it.each(channelNames.filter((name) => Object.keys(validInputs[name] as object).length > 0))('%s rejects wrongly typed fields', (name) => {
    const sample = validInputs[name] as Record<string, unknown>;
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.keys(sample)),
        fc.anything().filter((v) => v !== undefined && v !== null),
        (key, value) => {
          fc.pre(typeof value !== typeof sample[key] || Array.isArray(value) !== Array.isArray(sample[key]));
          return !channels[name].input.safeParse({ ...sample, [key]: value }).success;
        },
      ),
    );
  });

  it('support answers: the logs folder with what became of it, and the report as saved, cancelled or a download', () => {
    const openLogs = channels['support.openLogs'].output;
    expect(openLogs.safeParse({ path: '/home/anna/.config/AI Auto Applier/logs', outcome: 'opened' }).success).toBe(true);
    expect(openLogs.safeParse({ path: '/srv/data/logs', outcome: 'cannot_open_here' }).success).toBe(true);
    expect(openLogs.safeParse({ path: '/srv/data/logs', outcome: 'shown' }).success).toBe(false);
    expect(openLogs.safeParse({ outcome: 'opened' }).success).toBe(false);
    const report = channels['support.saveReport'].output;
    expect(report.safeParse({ saved: 'file', path: '/home/anna/report.zip', fileName: 'report.zip' }).success).toBe(true);
    expect(report.safeParse({ saved: 'cancelled' }).success).toBe(true);
    expect(report.safeParse({ saved: 'download', fileName: 'report.zip', mime: 'application/zip', base64: 'UEs=' }).success).toBe(true);
    expect(report.safeParse({ saved: 'download', fileName: 'report.zip' }).success).toBe(false);
  });

  it('app.ping refuses an overlong message', () => {
    expect(channels['app.ping'].input.safeParse({ message: 'x'.repeat(201) }).success).toBe(false);
  });

  it('preferences.set accepts only known languages', () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => s !== 'ru' && s !== 'en'),
        (language) => !channels['preferences.set'].input.safeParse({ language }).success,
      ),
    );
  });

  it('every event payload schema rejects garbage', () => {
    const garbage = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.oneof(fc.string(), fc.integer()), { minLength: 1 }),
    );
    for (const name of eventNames) {
      fc.assert(fc.property(garbage, (payload) => !events[name].safeParse(payload).success));
    }
  });
});

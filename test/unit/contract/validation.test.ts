import { beforeAll, describe, expect, it } from 'vitest';
import type { i18n as I18n } from 'i18next';
import { channels, validationRules, type AppErrorValue, type ChannelName } from '../../../shared/contract';
import { dispatch, type Handlers } from '../../../main/core/contract/dispatch';
import { issueLine, issueText } from '../../../renderer/src/format/issueText';
import { setupI18n } from '../../../renderer/src/i18n';
import { resources } from '../../../renderer/src/i18n/resources';
import { foreignWords } from '../../support/latin';

const quiet = { info() {}, warn() {}, error() {} };
/** No handler is reached: every input here is refused before one would run. */
const never = new Proxy({}, { get: () => () => Promise.reject(new Error('a handler ran')) }) as Handlers;

async function refused(channel: ChannelName, input: unknown): Promise<AppErrorValue> {
  const result = await dispatch(never, channel, input, quiet);
  if (result.ok) throw new Error(`${channel} accepted ${JSON.stringify(input)}`);
  expect(result.error.code).toBe('invalid_input');
  return result.error;
}

const openai = { kind: 'openai', baseUrl: 'http://127.0.0.1:4023/v1', model: 'gpt-4o-mini' };
const search = { name: 'Go', filters: {}, intervalHours: 4 };
const profile = { name: 'Иван', telegram: '', email: '', phone: '', links: [] };

/** What the issue report saw in English, each refused with a line the Russian window shows. */
const cases: { what: string; channel: ChannelName; input: unknown; ru: string; en: string }[] = [
  {
    what: 'daily cap 0',
    channel: 'applying.setSettings',
    input: { dailyCap: 0 },
    ru: 'Лимит в сутки: не меньше 1',
    en: 'Daily limit: at least 1',
  },
  {
    what: 'daily cap over hh.ru',
    channel: 'applying.setSettings',
    input: { dailyCap: 500 },
    ru: 'Лимит в сутки: не больше 200: hh.ru разрешает около 200 откликов за 24 часа',
    en: 'Daily limit: at most 200: hh.ru allows about 200 applications in 24 hours',
  },
  {
    what: 'pauses in the wrong order',
    channel: 'applying.setSettings',
    input: { pauseMinSeconds: 60, pauseMaxSeconds: 10 },
    ru: 'Самая короткая пауза: самая короткая пауза не может быть длиннее самой длинной',
    en: 'Shortest pause: the shortest pause cannot be longer than the longest',
  },
  {
    what: 'a token for more than a year',
    channel: 'localApi.createToken',
    input: { name: 'cron', scopes: ['read'], expiresInDays: 400 },
    ru: 'Срок действия: не больше 365 дней (год)',
    en: 'Valid for: at most 365 days (a year)',
  },
  {
    what: 'no model',
    channel: 'ai.settings.set',
    input: { settings: { ...openai, model: '' } },
    ru: 'Модель: введите название модели, например gpt-4o-mini или llama3.1',
    en: 'Model: enter the model name, e.g. gpt-4o-mini or llama3.1',
  },
  {
    what: 'a salary that is not a number',
    channel: 'searches.save',
    input: { search: { ...search, filters: { salary: Number('abc') } } },
    ru: 'Зарплата от: введите число',
    en: 'Salary from: enter a number',
  },
  {
    what: 'keywords of 2,000 characters',
    channel: 'searches.save',
    input: { search: { ...search, filters: { text: 'go '.repeat(700) } } },
    ru: 'Текст: не длиннее 500 знаков',
    en: 'Text: at most 500 characters',
  },
  {
    what: 'a Telegram handle with spaces and an emoji',
    channel: 'profile.set',
    input: { ...profile, telegram: 'ivan petrov 😀' },
    ru: 'Telegram: введите ник Telegram (@ivan_petrov) или ссылку https://t.me/ivan_petrov',
    en: 'Telegram: enter a Telegram handle (@ivan_petrov) or a link https://t.me/ivan_petrov',
  },
  {
    what: 'a phone of letters',
    channel: 'profile.set',
    input: { ...profile, phone: 'abc' },
    ru: 'Телефон: введите телефон в международном виде, например +7 912 345-67-89',
    en: 'Phone: enter a phone in the international form, e.g. +7 912 345-67-89',
  },
  {
    what: 'quiet hours at 25:00',
    channel: 'automation.setQuietHours',
    input: { enabled: true, from: '25:00', to: '07:00' },
    ru: 'Начало: введите время в виде ЧЧ:ММ, например 23:00',
    en: 'From: enter a time as HH:MM, e.g. 23:00',
  },
];

describe('validation messages in the reader’s language', () => {
  let i18n: I18n;
  beforeAll(async () => {
    i18n = await setupI18n('ru');
  });

  it.each(cases)('$what: said in Russian and in English, naming the field in words', async ({ channel, input, ru, en }) => {
    const error = await refused(channel, input);
    await i18n.changeLanguage('ru');
    expect(error.issues!.map((issue) => issueLine(i18n.t, issue))).toContain(ru);
    await i18n.changeLanguage('en');
    expect(error.issues!.map((issue) => issueLine(i18n.t, issue))).toContain(en);
  });

  it('every rule has a text in both languages, and the Russian ones have no English words', () => {
    for (const rule of validationRules) {
      expect(resources.ru.translation.validation.rules[rule], rule).toBeTruthy();
      expect(resources.en.translation.validation.rules[rule], rule).toBeTruthy();
    }
  });

  it('a contact that is fine is accepted: a handle, a t.me link, an international phone', async () => {
    const handler = { 'profile.set': (value: unknown) => ({ ...(value as object), salaryExpectation: '' }) } as unknown as Handlers;
    for (const [telegram, phone] of [
      ['@ivan_petrov', '+7 912 345-67-89'],
      ['https://t.me/ivan_petrov', '+375 (29) 123-45-67'],
      ['ivan_petrov', ''],
    ]) {
      const result = await dispatch(handler, 'profile.set', { ...profile, telegram, phone }, quiet);
      expect(result.ok, `${telegram} ${phone}`).toBe(true);
    }
  });

  it('every channel refuses a wrong field with a rule the window can say in Russian', async () => {
    await i18n.changeLanguage('ru');
    const problems: string[] = [];
    for (const channel of Object.keys(channels) as ChannelName[]) {
      const result = await dispatch(never, channel, { unexpected: 1 }, quiet);
      if (result.ok || result.error.code !== 'invalid_input') continue;
      for (const issue of result.error.issues ?? []) {
        if (!issue.rule) problems.push(`${channel} ${issue.path}: no rule`);
        const text = issueText(i18n.t, issue).replace(/unexpected/g, '');
        const foreign = foreignWords(text);
        if (foreign.length) problems.push(`${channel} ${issue.path}: ${foreign.join(', ')}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

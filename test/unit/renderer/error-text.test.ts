import { describe, expect, it } from 'vitest';
import { errorCodes, errorMessages, placeholdersOf, type ErrorMessageKey } from '../../../shared/contract';
import { AppError, say } from '../../../main/core/errors';
import { errorText, failureText } from '../../../renderer/src/format/errorText';
import { failureRecord, readFailure } from '../../../shared/domain/application';
import { setupI18n } from '../../../renderer/src/i18n';
import { resources } from '../../../renderer/src/i18n/resources';
import { foreignWords } from '../../support/latin';

const keys = Object.keys(errorMessages) as ErrorMessageKey[];

describe("errors in the user's language", () => {
  it('every error code and every sentence with facts has a Russian and an English text', () => {
    for (const language of ['ru', 'en'] as const) {
      const texts = resources[language].translation.errors;
      for (const code of errorCodes) expect(texts.codes[code], `${language}: errors.codes.${code}`).toBeTruthy();
      for (const key of keys) expect(texts.messages[key], `${language}: errors.messages.${key}`).toBeTruthy();
    }
  });

  it('a translation uses exactly the parameters the core sends', () => {
    for (const key of keys) {
      const core = placeholdersOf(errorMessages[key]).sort();
      expect(placeholdersOf(resources.ru.translation.errors.messages[key]).sort(), key).toEqual(core);
    }
  });

  it('a Russian error names its numbers and times', async () => {
    const i18n = await setupI18n('ru');
    const at = new Date(2026, 10, 27, 14, 5).toISOString();
    const error = AppError.of('hh_limit_exceeded', say('letters.capReached', { cap: 20, at })).toValue();
    expect(errorText(i18n.t, 'ru', error)).toBe('Ваш лимит — 20 откликов за 24 часа — исчерпан. Следующий можно будет отправить в 14:05.');
    await i18n.changeLanguage('en');
    expect(errorText(i18n.t, 'en', error)).toBe('Your limit of 20 applications in 24 hours is reached. The next one can go at 14:05.');
    // A plain sentence: English as the core wrote it, Russian from the code.
    const plain = AppError.of('hh_vacancy_gone', 'This vacancy is closed or no longer on hh.ru.').toValue();
    expect(errorText(i18n.t, 'en', plain)).toBe('This vacancy is closed or no longer on hh.ru.');
    await i18n.changeLanguage('ru');
    expect(errorText(i18n.t, 'ru', plain)).toBe('Вакансия закрыта или удалена с hh.ru.');
  });

  it('"no way to reach hh.ru" names each path and reason in the reader\'s language, never the core\'s English', async () => {
    const i18n = await setupI18n('ru');
    const error = AppError.of(
      'hh_login_required',
      say('hh.noPath', { reasons: 'website:sign_in_with_cookies;official:own_app_needed', advice: 'sign_in_with_cookies' }),
    ).toValue();
    expect(error.message).toBe(
      'No way to reach hh.ru for this right now (website: give the app your hh.ru session: a cookies.txt export in HH_COOKIES_FILE, then Sign in; ' +
        'official: needs a sign-in through your own dev.hh.ru application). Give the app your hh.ru session: a cookies.txt export in HH_COOKIES_FILE, then Sign in.',
    );
    const ru = errorText(i18n.t, 'ru', error);
    expect(ru).toContain('сайт hh.ru: дайте приложению вашу сессию hh.ru');
    expect(ru).toContain('API hh.ru: нужен вход через ваше собственное приложение dev.hh.ru');
    expect(foreignWords(ru)).toEqual([]);
  });

  it("a letter's failure is kept with its code and said in Russian; an older plain sentence stays as it was", async () => {
    const i18n = await setupI18n('ru');
    const stored = failureRecord("This vacancy asks you to answer the employer's questions first.", { code: 'hh_needs_manual' });
    const kept = readFailure(stored);
    expect(kept.lastError).toBe("This vacancy asks you to answer the employer's questions first.");
    expect(failureText(i18n.t, 'ru', kept)).toBe('Эта вакансия требует ручного отклика (тест, обязательное письмо или сайт работодателя).');
    const site = readFailure(
      failureRecord('x', { code: 'hh_needs_manual', key: 'letters.employerSite', params: { url: 'https://jobs.example.ru' } }),
    );
    expect(failureText(i18n.t, 'ru', site)).toBe('Откликнуться можно только на сайте работодателя: https://jobs.example.ru');
    expect(failureText(i18n.t, 'ru', readFailure('Interrupted.'))).toBe('Interrupted.');
  });
});

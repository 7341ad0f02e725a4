import { describe, expect, it } from 'vitest';
import { appErrorSchema, errorMessages, formatErrorMessage, placeholdersOf, type ErrorMessageKey } from '../../../shared/contract';
import { AppError, say } from '../../../main/core/errors';

describe('errors that carry facts', () => {
  it('travel as a key and parameters beside the English sentence', () => {
    const at = new Date(2026, 10, 27, 14, 5).toISOString();
    const value = AppError.of('hh_limit_exceeded', say('letters.capReached', { cap: 20, at })).toValue();
    expect(value).toEqual({
      code: 'hh_limit_exceeded',
      message: 'Your limit of 20 applications in 24 hours is reached. The next one can go at 14:05.',
      key: 'letters.capReached',
      params: { cap: 20, at },
    });
    expect(appErrorSchema.parse(value)).toEqual(value);
  });

  it('a plain sentence has no key; an unknown key does not pass the contract', () => {
    expect(AppError.of('not_found', 'Gone.').toValue()).toEqual({ code: 'not_found', message: 'Gone.' });
    expect(appErrorSchema.safeParse({ code: 'internal', message: 'x', key: 'no.such.key' }).success).toBe(false);
  });

  it('every template names its parameters plainly, and a missing one leaves no braces', () => {
    for (const key of Object.keys(errorMessages) as ErrorMessageKey[]) {
      const names = placeholdersOf(errorMessages[key]);
      const filled = formatErrorMessage(key, Object.fromEntries(names.map((name) => [name, 'X'])));
      expect(filled, key).not.toMatch(/[{}]/);
      expect(formatErrorMessage(key, {}), key).not.toMatch(/[{}]/);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { whenText } from '../../../renderer/src/format/when';
import { setupI18n } from '../../../renderer/src/i18n';

describe('times say their day when it is not today, in 24 hours in both languages', () => {
  const now = new Date(2026, 11, 8, 22, 10);
  const today = new Date(2026, 11, 8, 23, 5).toISOString();
  const tomorrow = new Date(2026, 11, 9, 14, 32).toISOString();
  const later = new Date(2026, 11, 12, 9, 0).toISOString();

  it('in Russian', async () => {
    const i18n = await setupI18n('ru');
    expect(whenText(i18n.t, 'ru', today, now)).toBe('23:05');
    expect(whenText(i18n.t, 'ru', tomorrow, now)).toBe('завтра, 14:32');
    expect(whenText(i18n.t, 'ru', later, now)).toBe('12 дек., 09:00');
    expect(i18n.t('automation.until', { time: whenText(i18n.t, 'ru', tomorrow, now) })).toBe('до завтра, 14:32');
  });

  it('in English, never as 2:32 PM', async () => {
    const i18n = await setupI18n('en');
    expect(whenText(i18n.t, 'en', today, now)).toBe('23:05');
    expect(whenText(i18n.t, 'en', tomorrow, now)).toBe('tomorrow, 14:32');
    expect(whenText(i18n.t, 'en', later, now)).toBe('12 Dec, 09:00');
    await i18n.changeLanguage('ru');
  });
});

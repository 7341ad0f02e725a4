import { describe, expect, it } from 'vitest';
import { openErrorDialog } from '../../../main/electron/open-error';

const failure = (code: string, message = 'technical detail') => Object.assign(new Error(message), { code });

describe('the dialog when the data cannot be opened', () => {
  it('speaks Russian by default and offers an empty start only for damaged data without a backup', () => {
    const damaged = openErrorDialog(failure('damaged_no_backup'), 'ru');
    expect(damaged.offersEmptyStart).toBe(true);
    expect(damaged.dialog).toMatchObject({ message: 'Приложение не смогло открыть свои данные', buttons: ['Выйти', 'Начать с пустыми данными'], defaultId: 0, cancelId: 0 });
    expect(damaged.dialog.detail).toMatch(/^Файл данных повреждён/);
    expect(damaged.dialog.detail).toContain('technical detail');

    const locked = openErrorDialog(failure('locked'), 'ru');
    expect(locked.offersEmptyStart).toBe(false);
    expect(locked.dialog.buttons).toEqual(['Выйти']);
    expect(locked.dialog.detail).toMatch(/другой копией приложения/);
  });

  it('in English, and with a sentence for a failure it has no words for', () => {
    const full = openErrorDialog(failure('disk_full'), 'en');
    expect(full.dialog).toMatchObject({ message: 'The app could not open its data', buttons: ['Quit'] });
    expect(full.dialog.detail).toMatch(/^The disk is full/);
    expect(openErrorDialog(new Error('boom'), 'en').dialog.detail).toBe('The data did not open. The file is left as it was.\n\nboom');
  });
});

import { describe, expect, it } from 'vitest';
import { openChoices, openFailureKind } from '../../../main/core/db/open-choices';
import { openErrorDialog } from '../../../main/electron/open-error';

const failure = (code: string, message = 'technical detail') => Object.assign(new Error(message), { code });

describe('the dialog when the data cannot be opened', () => {
  it('speaks Russian by default; damaged data without a backup offers the folder and an empty start, with its files kept', () => {
    const damaged = openErrorDialog(failure('damaged_no_backup'), 'ru');
    expect(damaged.choices).toEqual(['open_folder', 'start_empty']);
    expect(damaged.dialog).toMatchObject({
      message: 'Приложение не смогло открыть свои данные',
      buttons: ['Выйти', 'Открыть папку с данными', 'Начать с пустыми данными'],
      defaultId: 0,
      cancelId: 0,
    });
    expect(damaged.dialog.detail).toMatch(/^Файл данных повреждён/);
    expect(damaged.dialog.detail).toContain('отложены в сторону');
    expect(damaged.dialog.detail).toContain('technical detail');

    const locked = openErrorDialog(failure('locked'), 'ru');
    expect(locked.choices).toEqual([]);
    expect(locked.dialog.buttons).toEqual(['Выйти']);
    expect(locked.dialog.detail).toMatch(/другой копией приложения/);
  });

  it('a full or read-only disk (as the contract codes it, or as the storage does) offers only the folder: nothing replaces data', () => {
    for (const code of ['disk_full', 'storage_full']) {
      const full = openErrorDialog(failure(code), 'en');
      expect(full.dialog).toMatchObject({ message: 'The app could not open its data', buttons: ['Quit', 'Open the data folder'] });
      expect(full.dialog.detail).toMatch(/^The disk is full/);
    }
    expect(openErrorDialog(failure('storage_read_only'), 'en').dialog.detail).toMatch(/^The data folder is read-only/);
  });

  it('a failure it has no words for offers the newest backup, saying the data is kept aside first', () => {
    const other = openErrorDialog(new Error('boom'), 'en');
    expect(other.choices).toEqual(['open_folder', 'restore_backup']);
    expect(other.dialog.buttons).toEqual(['Quit', 'Open the data folder', 'Open the newest backup']);
    expect(other.dialog.detail).toMatch(
      /^The data did not open\. The file is left as it was\.\n\nYou can open the newest good backup: the current file and its journals are moved aside first/,
    );
    expect(other.dialog.detail.endsWith('boom')).toBe(true);
  });

  it('every kind has its choices, and only damaged data offers an empty start', () => {
    for (const code of [
      'damaged_no_backup',
      'no_good_backup',
      'newer_schema',
      'locked',
      'storage_full',
      'storage_read_only',
      'storage_failed',
      'migration_failed',
      'sql_error',
    ]) {
      const choices = openChoices(openFailureKind(failure(code)));
      expect(choices.includes('start_empty'), code).toBe(code === 'damaged_no_backup');
    }
  });
});

describe('the CLI after a failed open', () => {
  it('advises what fits the failure: --start-empty only for damaged data, --restore-backup where the data itself failed, the folder for a refused disk', async () => {
    const { openAdvice } = await import('../../../main/core/db/open-choices');
    expect(openAdvice('damaged_no_backup', '/data')).toContain('--start-empty');
    expect(openAdvice('damaged_no_backup', '/data')).not.toContain('--restore-backup');
    expect(openAdvice('other', '/data')).toContain('--restore-backup');
    for (const kind of ['read_only', 'disk_full'] as const) {
      const advice = openAdvice(kind, '/data');
      expect(advice).not.toMatch(/--start-empty|--restore-backup/);
      expect(advice).toContain('nothing was lost');
    }
    expect(openAdvice('locked', '/data')).toBe('');
  });
});

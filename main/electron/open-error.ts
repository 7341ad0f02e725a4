import { openChoices, openFailureKind, type OpenChoice, type OpenFailureKind } from '../core/db/open-choices';

/**
 * What the app says when it cannot open the user's data, in the user's language: this dialog comes
 * before the window (and its translations) exist. The failure's kind picks the sentence and the
 * choices (core/db/open-choices.ts); the storage's own message, in English, follows as the detail.
 */
type Language = 'ru' | 'en';

const TEXT = {
  ru: {
    title: 'Приложение не смогло открыть свои данные',
    quit: 'Выйти',
    choices: {
      open_folder: 'Открыть папку с данными',
      start_empty: 'Начать с пустыми данными',
      restore_backup: 'Открыть последнюю резервную копию',
    },
    explain: {
      start_empty:
        'Можно начать с пустыми данными: повреждённый файл и его журналы будут отложены в сторону (переименованы, а не удалены).',
      restore_backup:
        'Можно открыть последнюю исправную резервную копию: текущий файл и его журналы будут отложены в сторону (переименованы, а не удалены); изменения после копии в приложении не появятся.',
    },
    kinds: {
      damaged_no_backup: 'Файл данных повреждён, и исправной резервной копии нет.',
      no_good_backup: 'Исправной резервной копии нет; ничего не изменено.',
      newer_schema: 'Данные сохранены более новой версией приложения. Обновите приложение.',
      locked: 'Эти данные уже открыты другой копией приложения. Закройте её и запустите снова.',
      disk_full: 'На диске закончилось место. Освободите место и запустите приложение снова.',
      read_only: 'Папка с данными доступна только для чтения. Проверьте права доступа.',
      write_failed: 'Диск отказался записывать данные. Проверьте диск и запустите приложение снова.',
      migration_failed: 'Не удалось обновить данные до новой версии; файл оставлен как был.',
      other: 'Данные не открылись. Файл оставлен как был.',
    },
  },
  en: {
    title: 'The app could not open its data',
    quit: 'Quit',
    choices: { open_folder: 'Open the data folder', start_empty: 'Start with empty data', restore_backup: 'Open the newest backup' },
    explain: {
      start_empty: 'You can start with empty data: the damaged file and its journals are then moved aside (renamed, never deleted).',
      restore_backup:
        'You can open the newest good backup: the current file and its journals are moved aside first (renamed, never deleted); changes made after the backup will not be in the app.',
    },
    kinds: {
      damaged_no_backup: 'The data file is damaged and there is no good backup.',
      no_good_backup: 'There is no good backup; nothing was changed.',
      newer_schema: 'The data was saved by a newer version of the app. Update the app.',
      locked: 'Another copy of the app has this data open. Close it and start again.',
      disk_full: 'The disk is full. Free some space and start the app again.',
      read_only: 'The data folder is read-only. Check its permissions.',
      write_failed: 'The disk refused to write the data. Check the disk and start the app again.',
      migration_failed: 'The data could not be updated to this version; the file is left as it was.',
      other: 'The data did not open. The file is left as it was.',
    },
  },
} as const satisfies Record<
  Language,
  { title: string; quit: string; choices: Record<OpenChoice, string>; explain: object; kinds: Record<OpenFailureKind, string> }
>;

export interface OpenErrorDialog {
  type: 'error';
  title: string;
  message: string;
  detail: string;
  buttons: string[];
  defaultId: number;
  cancelId: number;
}

/** The dialog for a failed open; `choices[i]` is what button i + 1 does (button 0 quits). */
export function openErrorDialog(error: unknown, language: Language): { dialog: OpenErrorDialog; choices: OpenChoice[] } {
  const text = TEXT[language];
  const kind = openFailureKind(error);
  const technical = error instanceof Error ? error.message : String(error);
  const choices = openChoices(kind);
  const explained = choices.flatMap((choice) => (choice === 'start_empty' || choice === 'restore_backup' ? [text.explain[choice]] : []));
  return {
    choices,
    dialog: {
      type: 'error',
      title: 'AI Auto Applier',
      message: text.title,
      detail: [text.kinds[kind], ...explained, technical].join('\n\n'),
      buttons: [text.quit, ...choices.map((choice) => text.choices[choice])],
      defaultId: 0,
      cancelId: 0,
    },
  };
}

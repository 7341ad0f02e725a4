/**
 * What the app says when it cannot open the user's data, in the user's language: this dialog comes
 * before the window (and its translations) exist. The storage's code picks the sentence; the
 * storage's own message, in English, follows as the technical detail.
 */
type Language = 'ru' | 'en';

const TEXT = {
  ru: {
    title: 'Приложение не смогло открыть свои данные',
    quit: 'Выйти',
    startEmpty: 'Начать с пустыми данными',
    emptyChoice:
      'Можно выйти и восстановить файл самостоятельно или начать с пустыми данными: повреждённый файл тогда будет отложен в сторону (переименован, а не удалён).',
    codes: {
      damaged_no_backup: 'Файл данных повреждён, и исправной резервной копии нет.',
      newer_schema: 'Данные сохранены более новой версией приложения. Обновите приложение.',
      locked: 'Эти данные уже открыты другой копией приложения. Закройте её и запустите снова.',
      disk_full: 'На диске закончилось место. Освободите место и запустите приложение снова.',
      read_only: 'Папка с данными доступна только для чтения. Проверьте права доступа.',
      migration_failed: 'Не удалось обновить данные до новой версии; файл оставлен как был.',
      other: 'Данные не открылись. Файл оставлен как был.',
    },
  },
  en: {
    title: 'The app could not open its data',
    quit: 'Quit',
    startEmpty: 'Start with empty data',
    emptyChoice: 'You can quit now and restore the file yourself, or start with empty data: the damaged file is then moved aside (renamed, never deleted).',
    codes: {
      damaged_no_backup: 'The data file is damaged and there is no good backup.',
      newer_schema: 'The data was saved by a newer version of the app. Update the app.',
      locked: 'Another copy of the app has this data open. Close it and start again.',
      disk_full: 'The disk is full. Free some space and start the app again.',
      read_only: 'The data folder is read-only. Check its permissions.',
      migration_failed: 'The data could not be updated to this version; the file is left as it was.',
      other: 'The data did not open. The file is left as it was.',
    },
  },
} as const;

export interface OpenErrorDialog {
  type: 'error';
  title: string;
  message: string;
  detail: string;
  buttons: string[];
  defaultId: number;
  cancelId: number;
}

/** The dialog for a failed open; `offerEmptyStart` only for damaged data without a backup. */
export function openErrorDialog(error: unknown, language: Language): { dialog: OpenErrorDialog; offersEmptyStart: boolean } {
  const text = TEXT[language];
  const code = (error as { code?: string } | null)?.code ?? '';
  const technical = error instanceof Error ? error.message : String(error);
  const sentence = code in text.codes ? text.codes[code as keyof typeof text.codes] : text.codes.other;
  const offersEmptyStart = code === 'damaged_no_backup';
  return {
    offersEmptyStart,
    dialog: {
      type: 'error',
      title: 'AI Auto Applier',
      message: text.title,
      detail: [sentence, offersEmptyStart ? text.emptyChoice : '', technical].filter(Boolean).join('\n\n'),
      buttons: offersEmptyStart ? [text.quit, text.startEmpty] : [text.quit],
      defaultId: 0,
      cancelId: 0,
    },
  };
}

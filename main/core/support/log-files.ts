import { join } from 'node:path';

/** The log the shells write, in the data folder: the same place for the desktop app and the headless server. */
export const LOG_FILE = 'app.log';
/** A file is moved aside past this size (1 MB): small enough to attach, large enough for a day's work. */
export const MAX_LOG_BYTES = 1024 * 1024;
/** app.log and four older ones: at most about 5 MB of logs on the user's disk. */
export const KEEP_LOG_FILES = 5;

export const logsDirOf = (dataDir: string) => join(dataDir, 'logs');

/** Where the log is, in words for an API caller or a user who has no window at hand. */
export const LOG_LOCATION = `${join('logs', LOG_FILE)} in the app's data folder (Settings → About → Open the logs folder)`;

/** The log files newest first: app.log, app.1.log, … app.(keep-1).log. */
export const logFileNames = (keep = KEEP_LOG_FILES): string[] => [
  LOG_FILE,
  ...Array.from({ length: keep - 1 }, (_, i) => `app.${i + 1}.log`),
];

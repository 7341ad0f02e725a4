import { renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import electronLog from 'electron-log/node';
import type { Logger } from '../ports';
import type { Redactor } from '../secrets';
import { KEEP_LOG_FILES, logFileNames, MAX_LOG_BYTES } from './log-files';

export interface FileLogger extends Logger {
  /** The folder of app.log and its older files. */
  readonly dir: string;
  /** The file written now. */
  readonly file: string;
}

export interface FileLoggerOptions {
  dir: string;
  /** Every line passes through it just before it is written: no secret the app knows reaches the disk. */
  redactor: Pick<Redactor, 'redact' | 'redactText'>;
  maxBytes?: number;
  keep?: number;
  /** Shown in electron-log's own complaints (it cannot write the file); the path does not depend on it. */
  appName?: string;
}

type Level = 'info' | 'warn' | 'error';

let instances = 0;

/** Errors keep their message and stack in JSON (JSON.stringify would write `{}`). */
const jsonReplacer = (_key: string, value: unknown) =>
  value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value;

/**
 * The log file: `<dir>/app.log`, moved to app.1.log … when it passes `maxBytes`, the oldest
 * dropped. Written through electron-log's plain-Node file transport (no Electron, no worker thread,
 * so it bundles into main.cjs and runs under tsx alike), synchronously, so the last lines before a
 * crash are on disk. Only its file transport is used: the shells print to the console themselves.
 */
export function createFileLogger(options: FileLoggerOptions): FileLogger {
  const { dir, redactor } = options;
  const keep = Math.max(2, options.keep ?? KEEP_LOG_FILES);
  const names = logFileNames(keep).map((name) => join(dir, name));
  const file = names[0]!;

  const writer = electronLog.create({ logId: `aaa-file-${++instances}` });
  for (const [name, transport] of Object.entries(writer.transports)) if (name !== 'file' && transport) transport.level = false;
  const transport = writer.transports.file;
  transport.setAppName(options.appName ?? 'AI Auto Applier');
  transport.resolvePathFn = () => file;
  transport.maxSize = options.maxBytes ?? MAX_LOG_BYTES;
  transport.sync = true;
  // The log tells what the user did (vacancy titles, employers): readable by the user alone.
  transport.writeOptions = { flag: 'a', mode: 0o600, encoding: 'utf8' };
  // The line is finished here (time, level, redacted text); electron-log only writes it.
  transport.format = ({ data }) => data;
  transport.archiveLogFn = (current) => {
    try {
      rmSync(names[keep - 1]!, { force: true });
      for (let i = keep - 2; i >= 0; i--) {
        try {
          renameSync(names[i]!, names[i + 1]!);
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
        }
      }
    } catch {
      // A file that cannot be moved (locked on Windows) is emptied instead: the log must not grow without end.
      current.clear();
    }
  };

  const write = (level: Level) => (message: string, details?: Record<string, unknown>) => {
    const tail = details === undefined ? '' : ` ${JSON.stringify(redactor.redact(details), jsonReplacer)}`;
    writer[level](redactor.redactText(`${new Date().toISOString()} [${level}] ${message}${tail}`));
  };
  return { dir, file, info: write('info'), warn: write('warn'), error: write('error') };
}

import { open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { logFileNames } from './log-files';

export interface TextFile {
  /** The path inside the report. */
  path: string;
  text: string;
}

const CUT = '[earlier lines left out: the report keeps the newest part of the log]\n';

/** The last `bytes` of a file, from the start of a line; the whole file when it is smaller. */
async function tailOf(file: string, bytes: number): Promise<{ text: string; cut: boolean }> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const length = Math.min(size, bytes);
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, size - length);
    if (length === size) return { text: buffer.toString('utf8'), cut: false };
    // A cut in the middle of a line (or of a UTF-8 character) would read as a damaged line.
    const newline = buffer.indexOf(0x0a);
    return { text: buffer.subarray(newline + 1).toString('utf8'), cut: true };
  } finally {
    await handle.close();
  }
}

const missing = (err: unknown) => (err as NodeJS.ErrnoException).code === 'ENOENT';

/**
 * The log files, newest first, as much of them as fits in `capBytes` (the oldest lines are the
 * ones left out). A file that cannot be read is named with the reason instead of failing the report.
 */
export async function readLogs(dir: string, capBytes: number): Promise<TextFile[]> {
  const files: TextFile[] = [];
  let left = capBytes;
  for (const name of logFileNames()) {
    if (left <= 0) break;
    try {
      const { text, cut } = await tailOf(join(dir, name), left);
      left -= Buffer.byteLength(text);
      files.push({ path: `logs/${name}`, text: cut ? CUT + text : text });
      if (cut) break;
    } catch (err) {
      if (!missing(err))
        files.push({ path: `logs/${name}.unreadable.txt`, text: `The app could not read ${name}: ${(err as Error).message}\n` });
    }
  }
  return files;
}

/**
 * The outlines of hh.ru pages the app did not understand (`<data>/hh-pages/<page>.json`: keys, no
 * values), each at most `capBytes`.
 */
export async function readPageShapes(dir: string, capBytes: number): Promise<TextFile[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  } catch (err) {
    if (missing(err)) return [];
    throw err;
  }
  const files: TextFile[] = [];
  for (const name of names) {
    const file = join(dir, name);
    try {
      if ((await stat(file)).size > capBytes) {
        files.push({ path: `hh-pages/${name}.too-large.txt`, text: `${name} is larger than ${capBytes} bytes and was left out.\n` });
        continue;
      }
      files.push({ path: `hh-pages/${name}`, text: (await tailOf(file, capBytes)).text });
    } catch (err) {
      files.push({ path: `hh-pages/${name}.unreadable.txt`, text: `The app could not read ${name}: ${(err as Error).message}\n` });
    }
  }
  return files;
}

import { strToU8, zipSync, type Zippable } from 'fflate';
import type { TextFile } from './read-files';

/**
 * The report's files in one zip, each passed through `scrub` (the redactor, once more) on its way
 * in: whatever a file holds, no secret the app knows goes into the zip. fflate: pure JavaScript,
 * no native build, synchronous, so the report is the same in the desktop app and in headless.
 */
export function zipTextFiles(files: TextFile[], scrub: (text: string) => string, at: Date): Uint8Array {
  const entries: Zippable = {};
  for (const file of files) entries[file.path] = [strToU8(scrub(file.text)), { mtime: at }];
  return zipSync(entries, { level: 6 });
}

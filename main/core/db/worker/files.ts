import { copyFile, mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

import { syncFolder } from '../../files/atomic-write';

export { writeAtomically } from '../../files/atomic-write';

/** Leftovers of a save or a backup that a crash interrupted: the files they were for are intact. */
export async function removeStaleTemps(file: string): Promise<void> {
  const folder = dirname(file);
  const prefix = `${basename(file)}.tmp-`;
  // A journal rewritten after damage (see Journal.open) uses the same kind of temp name.
  const journalTemp = (name: string) => name.startsWith(`${basename(file)}.journal.`) && name.includes('.tmp-');
  for (const name of await readdir(folder).catch(() => [] as string[])) {
    if (name.startsWith(prefix) || journalTemp(name)) await rm(join(folder, name), { force: true });
  }
  for (const name of await readdir(backupsFolder(file)).catch(() => [] as string[])) {
    if (name.includes('.bak.tmp')) await rm(join(backupsFolder(file), name), { force: true });
  }
}

export const backupsFolder = (file: string) => join(dirname(file), 'backups');

/**
 * Newest first. Names sort by time as text: `<db name>.<yyyymmddThhmmssmmmZ>-<nnn>.bak`, where the
 * zero-padded counter orders backups made within the same millisecond.
 */
export async function listBackups(file: string): Promise<string[]> {
  const folder = backupsFolder(file);
  const prefix = `${basename(file)}.`;
  const names = await readdir(folder).catch(() => [] as string[]);
  return names
    .filter((name) => name.startsWith(prefix) && name.endsWith('.bak'))
    .sort()
    .reverse()
    .map((name) => join(folder, name));
}

const stamp = (now: Date) => now.toISOString().replace(/[-:.]/g, '');

/**
 * `<base>-<nnn><suffix>` with a counter above any already used for this base (not merely the first
 * free one: a pruned older name must not come back and sort as the oldest). Nothing is overwritten.
 */
async function freeName(base: string, suffix: string): Promise<string> {
  const prefix = `${basename(base)}-`;
  const used = (await readdir(dirname(base)).catch(() => [] as string[]))
    .filter((name) => name.startsWith(prefix))
    .map((name) => Number.parseInt(name.slice(prefix.length, prefix.length + 3), 10))
    .filter((n) => Number.isInteger(n));
  const next = used.length ? Math.max(...used) + 1 : 0;
  return `${base}-${String(next).padStart(3, '0')}${suffix}`;
}

/** Copies a verified database into backups/ (fsynced, so a power cut cannot leave a hollow backup) and keeps only the newest `keep`. */
export async function makeBackup(file: string, keep: number, now: Date): Promise<string> {
  await mkdir(backupsFolder(file), { recursive: true });
  const target = await freeName(join(backupsFolder(file), `${basename(file)}.${stamp(now)}`), '.bak');
  // The pid says whose copy it is: the next start removes leftovers of a process that died.
  const temp = `${target}.tmp-${process.pid}`;
  try {
    await copyFile(file, temp);
    const handle = await open(temp, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
  await syncFolder(backupsFolder(file));
  for (const old of (await listBackups(file)).slice(keep)) await rm(old, { force: true });
  return target;
}

/** When a backup was made, by the app's clock, from the stamp in its name (see makeBackup). */
function stampedAt(path: string): number | undefined {
  const match = /\.(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z-\d+\.bak$/.exec(path);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s, ms] = match;
  const at = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z`);
  return Number.isNaN(at) ? undefined : at;
}

/**
 * How old the newest backup is, by the same clock that named it (the file's mtime is the disk's
 * clock, which a changed system clock or a copied folder makes say anything); mtime only for a name
 * without a stamp.
 */
export async function newestBackupAge(file: string, now: Date): Promise<number | undefined> {
  const [newest] = await listBackups(file);
  if (!newest) return undefined;
  return now.getTime() - (stampedAt(newest) ?? (await stat(newest)).mtimeMs);
}

/** Moves a damaged database out of the way under a name that says so; it is never overwritten. */
export async function setAside(file: string, now: Date): Promise<string> {
  const target = await freeName(`${file}.damaged-${stamp(now)}`, '');
  await rename(file, target);
  return target;
}

export async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

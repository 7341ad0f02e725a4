import { constants } from 'node:fs';
import { copyFile, mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Replaces `file` with `data` so that a crash at any moment leaves either the old file or the new
 * one, never a mix: write a temp file, fsync it, rename it over, fsync the folder (the rename
 * itself must reach the disk).
 */
export async function writeAtomically(file: string, data: Uint8Array): Promise<void> {
  const temp = `${file}.tmp-${process.pid}`;
  const handle = await open(temp, 'w', 0o600);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, file);
  await syncFolder(dirname(file));
}

async function syncFolder(folder: string): Promise<void> {
  // Windows cannot open a folder for fsync; NTFS journals the rename itself.
  if (process.platform === 'win32') return;
  const handle = await open(folder, constants.O_RDONLY);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Leftovers of a save that a crash interrupted: the database file itself is intact. */
export async function removeStaleTemps(file: string): Promise<void> {
  const folder = dirname(file);
  const prefix = `${basename(file)}.tmp-`;
  for (const name of await readdir(folder).catch(() => [] as string[])) {
    if (name.startsWith(prefix)) await rm(join(folder, name), { force: true });
  }
}

export const backupsFolder = (file: string) => join(dirname(file), 'backups');

/** Newest first. Names carry a sortable timestamp: `<db name>.<yyyymmddThhmmssZ>.bak`. */
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

const stamp = (now: Date) => now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');

/** Copies a verified database into backups/ and keeps only the newest `keep`. */
export async function makeBackup(file: string, keep: number, now: Date): Promise<string> {
  await mkdir(backupsFolder(file), { recursive: true });
  let target = join(backupsFolder(file), `${basename(file)}.${stamp(now)}.bak`);
  // Two backups within one second get distinct names rather than overwriting each other.
  for (let n = 1; await exists(target); n += 1) target = target.replace(/(\.\d+)?\.bak$/, `.${n}.bak`);
  const temp = `${target}.tmp`;
  await copyFile(file, temp);
  await rename(temp, target);
  for (const old of (await listBackups(file)).slice(keep)) await rm(old, { force: true });
  return target;
}

export async function newestBackupAge(file: string, now: Date): Promise<number | undefined> {
  const [newest] = await listBackups(file);
  if (!newest) return undefined;
  return now.getTime() - (await stat(newest)).mtimeMs;
}

/** Moves a damaged database out of the way under a name that says so; it is never overwritten. */
export async function setAside(file: string, now: Date): Promise<string> {
  const target = `${file}.damaged-${stamp(now)}`;
  await rename(file, target);
  return target;
}

export async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

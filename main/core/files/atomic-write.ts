import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Replaces `file` with `data` so that a crash at any moment leaves either the old file or the new
 * one, never a mix: write a temp file beside it, fsync it, rename it over, fsync the folder (the
 * rename itself must reach the disk). A failed write removes its temp file. The one way the app
 * writes a whole file: the database, the secrets file and a headless cookies.txt all use it.
 */
export async function writeAtomically(file: string, data: Uint8Array | string, mode = 0o600): Promise<void> {
  // `<file>.tmp-<pid>-<random>`: the database's start-up clean-up finds leftovers by this prefix.
  const temp = `${file}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    const handle = await open(temp, 'w', mode);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
  await syncFolder(dirname(file));
}

/** Makes a rename or a new file in `folder` durable. */
export async function syncFolder(folder: string): Promise<void> {
  // Windows cannot open a folder for fsync; NTFS journals the rename itself.
  if (process.platform === 'win32') return;
  const handle = await open(folder, constants.O_RDONLY);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

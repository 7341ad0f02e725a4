import { open, readFile, rm, stat } from 'node:fs/promises';
import { uptime } from 'node:os';

/**
 * One process per data folder: two would overwrite each other's saves and delete each other's
 * temp files. The desktop app has its single-instance lock; this also covers the headless server.
 * A lock left by a process that died (or by one from before the last boot) is taken over.
 */
export async function acquireLock(file: string): Promise<{ release(): Promise<void> } | { heldBy: number }> {
  const lockFile = `${file}.lock`;
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const handle = await open(lockFile, 'wx', 0o600);
      await handle.writeFile(String(process.pid));
      await handle.close();
      return { release: () => rm(lockFile, { force: true }) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number.parseInt(await readFile(lockFile, 'utf8').catch(() => ''), 10);
      if (await isLive(holder, lockFile)) return { heldBy: holder };
      await rm(lockFile, { force: true });
    }
  }
  return { heldBy: -1 };
}

async function isLive(pid: number, lockFile: string): Promise<boolean> {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  // Written before this machine last started: whatever has that pid now is someone else.
  const bootedAt = Date.now() - uptime() * 1000;
  const writtenAt = (await stat(lockFile).catch(() => undefined))?.mtimeMs ?? 0;
  if (writtenAt < bootedAt) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

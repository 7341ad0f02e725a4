import { randomBytes } from 'node:crypto';
import { link, open, readdir, readFile, rm, unlink } from 'node:fs/promises';
import { uptime } from 'node:os';
import { basename, dirname, join } from 'node:path';

/**
 * One process per data folder: two would overwrite each other's saves and delete each other's
 * temp files. The desktop app has its single-instance lock; this also covers the headless server.
 * A lock left by a process that died (or by one from before the last boot) is taken over.
 *
 * The lock is `<file>.lock`, holding one JSON line: the owner's pid, a random token, when it started
 * and (on Linux) its start time in clock ticks and the boot id. Older versions wrote a bare pid;
 * such a lock is still understood.
 *
 * Three rules keep two processes from both believing they own it:
 *
 * 1. The lock appears with its whole content at once. The content goes to a temp file beside it
 *    (fsynced), which is then hard-linked to the lock's name: link() fails with EEXIST if the name
 *    exists, and the name never points at a half-written file. Where hard links are not available
 *    (FAT, some network shares) the lock is created exclusively and written straight after; for that
 *    moment it is empty or partial, and a reader treats such a file as being taken, never as stale.
 *
 * 2. A stale lock is removed only by the one process holding a claim on exactly that lock: the file
 *    `<file>.lock.break-<its token>`, created exclusively the same way. Holding the claim, the process
 *    re-reads the lock and removes it only if it is still the very file it judged stale (same inode,
 *    same bytes, so the same random token). Without the claim, two processes that both judged the old
 *    lock stale could act one after the other, and the later one would remove the lock the earlier
 *    one had just taken. Renaming the stale lock away and checking what was renamed does not close
 *    that: by then a live lock may have been moved, and putting it back can collide with a third
 *    process that took the free name in between. No one ever removes a lock they have not verified
 *    under its claim, and a verified stale lock cannot change before its claim holder removes it,
 *    since its owner is gone and every other remover needs this claim. A claim whose holder died is
 *    broken the same way, through a claim on the claim.
 *
 * 3. Releasing removes the lock only if it still carries our token.
 */
export type LockResult = { release(): Promise<void> } | { heldBy: number };

export function acquireLock(file: string): Promise<LockResult> {
  return acquireLockWith(file);
}

export interface LockOptions {
  /** false takes the path used where the file system has no hard links (tests; it is detected on its own). */
  hardLinks?: boolean;
  /** How long to wait for a lock that is being written, or for another process that is taking over a stale one. */
  patienceMs?: number;
}

/** An empty or partial lock (or claim) untouched this long was left by a writer that died between creating and writing it. */
const PARTIAL_ABANDONED_MS = 30_000;
const MAX_CLAIM_DEPTH = 4;

export async function acquireLockWith(file: string, options: LockOptions = {}): Promise<LockResult> {
  const lockFile = `${file}.lock`;
  const me = await describeSelf();
  const content = `${JSON.stringify(me)}\n`;
  const temp = `${lockFile}.${process.pid}-${me.token}.tmp`;
  const ctx: Context = { lockFile, temp, content, token: me.token, hardLinks: options.hardLinks ?? true };
  const deadline = Date.now() + (options.patienceMs ?? 5000);

  await writeNew(temp, content);
  try {
    let pause = 1;
    let holder = -1;
    for (let first = true; ; first = false) {
      if (!first && Date.now() >= deadline) return { heldBy: holder };
      if (await place(ctx, lockFile)) {
        // Cheap insurance: the lock we just placed must be ours when read back.
        const placed = await readSnapshot(lockFile);
        if (placed?.owner?.token === me.token) {
          await removeLeftovers(lockFile);
          return { release: () => release(lockFile, me.token) };
        }
        if (placed?.owner) return { heldBy: placed.owner.pid };
        continue;
      }
      const seen = await readSnapshot(lockFile);
      if (!seen) continue; // released or broken between our attempt and the read: try again
      holder = seen.owner?.pid ?? -1;
      const verdict = await judge(seen);
      if (verdict === 'live') return { heldBy: holder };
      if (verdict === 'stale' && (await breakStale(ctx, lockFile, seen, 0)) === 'again') continue;
      // Being written, or another process is taking over the stale lock right now: give it a moment.
      await new Promise((resolve) => setTimeout(resolve, pause));
      pause = Math.min(pause * 2, 50);
    }
  } finally {
    await rm(temp, { force: true });
  }
}

interface Owner {
  pid: number;
  token: string;
  /** Wall-clock start of the process, for people reading the file. */
  startedAt: string;
  /** Linux: start time in clock ticks since boot, from /proc; tells a reused pid from the owner. */
  startTicks?: string;
  /** Linux: changes on every boot, so a lock from before a reboot is recognised without the clock. */
  bootId?: string;
}

interface Context {
  lockFile: string;
  /** Our content, complete and fsynced, ready to be linked to the lock's name or to a claim's. */
  temp: string;
  content: string;
  token: string;
  hardLinks: boolean;
}

interface Snapshot {
  /** Undefined while the file is empty or partly written (or is not a lock at all). */
  owner?: Pick<Owner, 'pid'> & Partial<Owner>;
  raw: string;
  ino: bigint;
  mtimeMs: number;
}

async function describeSelf(): Promise<Owner> {
  const [startTicks, bootId] = await Promise.all([readStartTicks(process.pid), readBootId()]);
  return {
    pid: process.pid,
    token: randomBytes(16).toString('hex'),
    startedAt: new Date(performance.timeOrigin).toISOString(),
    ...(startTicks ? { startTicks } : {}),
    ...(bootId ? { bootId } : {}),
  };
}

async function writeNew(path: string, content: string): Promise<void> {
  const handle = await open(path, 'wx', 0o600);
  try {
    await handle.writeFile(content);
    await handle.sync();
  } catch (err) {
    await handle.close();
    await rm(path, { force: true });
    throw err;
  }
  await handle.close();
}

/** Gives `name` our content if nothing has that name yet; false if something has. */
async function place(ctx: Context, name: string): Promise<boolean> {
  if (ctx.hardLinks) {
    try {
      await link(ctx.temp, name);
      return true;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') return false;
      if (code === 'ENOENT') throw err;
      // No hard links here (EPERM on FAT, ENOTSUP, ENOSYS, ...). Any other failure, such as a
      // read-only folder, fails the exclusive create below just the same and is reported from there.
      ctx.hardLinks = false;
    }
  }
  try {
    await writeNew(name, ctx.content);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
}

/** Content, inode and mtime read through one handle, so they describe the same file. */
async function readSnapshot(path: string): Promise<Snapshot | undefined> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  try {
    const stats = await handle.stat({ bigint: true });
    const raw = await handle.readFile('utf8');
    return { raw, owner: parseOwner(raw), ino: stats.ino, mtimeMs: Number(stats.mtimeMs) };
  } finally {
    await handle.close();
  }
}

function parseOwner(raw: string): Snapshot['owner'] {
  // Written by an older version: just the pid.
  if (/^\s*\d+\s*$/.test(raw)) return { pid: Number(raw) };
  // Our own content always ends with a newline; without it the file is still being written.
  if (!raw.endsWith('\n')) return undefined;
  try {
    const value = JSON.parse(raw) as Partial<Owner> | null;
    // The token names claim files, so it must be plain hex and nothing that could reach another folder.
    if (typeof value?.pid === 'number' && typeof value.token === 'string' && /^[0-9a-f]{1,64}$/.test(value.token)) {
      return value as Owner;
    }
  } catch {
    // not a lock we can read: handled like a partial one
  }
  return undefined;
}

/**
 * 'stale': its owner is certainly gone. 'live': it may be running. 'unsure': the file is empty or
 * partial, which means another process is writing it this very moment (exclusive create without
 * hard links); only once that has plainly been abandoned may it be taken over.
 */
async function judge(lock: Snapshot): Promise<'live' | 'stale' | 'unsure'> {
  const bootedAt = Date.now() - uptime() * 1000;
  if (!lock.owner) {
    // A writer does not sit between creating a file and writing a line into it for half a minute,
    // and none from before the last boot is still writing.
    if (lock.mtimeMs < bootedAt || Date.now() - lock.mtimeMs > PARTIAL_ABANDONED_MS) return 'stale';
    return 'unsure';
  }
  const { pid, bootId, startTicks } = lock.owner;
  if (pid <= 0 || !Number.isSafeInteger(pid)) return 'stale';
  const ourBootId = await readBootId();
  if (bootId && ourBootId) {
    if (bootId !== ourBootId) return 'stale';
    // Same boot: the boot id is the better witness, immune to the clock being set after the lock
    // was written, so the uptime check below is not used.
  } else if (lock.mtimeMs < bootedAt) {
    // Written before this machine last started: whatever has that pid now is someone else.
    return 'stale';
  }
  try {
    process.kill(pid, 0);
  } catch (err) {
    // Only "no such process" proves it gone; EPERM is a process of another user's, anything else unknown.
    if ((err as NodeJS.ErrnoException).code === 'ESRCH') return 'stale';
  }
  // Alive; if it started at another moment than the owner did, the pid was reused.
  if (startTicks) {
    const now = await readStartTicks(pid);
    if (now && now !== startTicks) return 'stale';
  }
  return 'live';
}

/**
 * Removes `target` if it is still the stale file `judged`, holding the claim that makes us the only
 * process allowed to. 'again' once that is settled (removed by us, or found to have changed);
 * 'wait' while someone else holds the claim and is alive, or its claim is still being written.
 */
async function breakStale(ctx: Context, target: string, judged: Snapshot, depth: number): Promise<'again' | 'wait'> {
  if (depth > MAX_CLAIM_DEPTH) return 'wait';
  // The stale file's token names the claim; a lock without one (an old version's, or a partial
  // file) is named by its inode, which is unique among files that exist at the same time.
  const claim = `${ctx.lockFile}.break-${judged.owner?.token ?? `i${judged.ino}`}`;
  if (!(await place(ctx, claim))) {
    const holder = await readSnapshot(claim);
    if (!holder) return 'again';
    if ((await judge(holder)) === 'stale') {
      await breakStale(ctx, claim, holder, depth + 1);
      return 'again';
    }
    return 'wait';
  }
  try {
    const now = await readSnapshot(target);
    if (now && now.ino === judged.ino && now.raw === judged.raw) await unlink(target).catch(ignoreMissing);
  } finally {
    // Our own claim, and we are alive: no one else removes it, so no check is needed.
    await unlink(claim).catch(ignoreMissing);
  }
  return 'again';
}

async function release(lockFile: string, token: string): Promise<void> {
  // If we were judged stale (wrongly) and someone else holds the lock now, deleting it would let
  // a third process in beside them. While it carries our token no one else removes it, as we are alive.
  const now = await readSnapshot(lockFile).catch(() => undefined);
  if (now?.owner?.token === token) await unlink(lockFile).catch(ignoreMissing);
}

/**
 * Temp files and claims left by processes that died in the middle of taking the lock. Run by the
 * owner only: from then on no one can remove the lock, so dropping a leftover claim cannot let
 * anyone remove a lock. Each leftover holds its writer's own line, so it is judged like a lock.
 */
async function removeLeftovers(lockFile: string): Promise<void> {
  const prefix = `${basename(lockFile)}.`;
  for (const name of await readdir(dirname(lockFile)).catch(() => [] as string[])) {
    if (!name.startsWith(prefix)) continue;
    const path = join(dirname(lockFile), name);
    const left = await readSnapshot(path).catch(() => undefined);
    if (left && (await judge(left)) === 'stale') await rm(path, { force: true }).catch(() => {});
  }
}

function ignoreMissing(err: unknown): void {
  if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
}

/** Field 22 of /proc/<pid>/stat; undefined where there is no /proc. */
async function readStartTicks(pid: number): Promise<string | undefined> {
  if (process.platform !== 'linux') return undefined;
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  if (!stat) return undefined;
  // The command name (field 2) is in parentheses and may itself contain spaces and parentheses.
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
}

let bootId: Promise<string | undefined> | undefined;
function readBootId(): Promise<string | undefined> {
  bootId ??=
    process.platform === 'linux'
      ? readFile('/proc/sys/kernel/random/boot_id', 'utf8').then(
          (id) => id.trim() || undefined,
          () => undefined,
        )
      : Promise.resolve(undefined);
  return bootId;
}

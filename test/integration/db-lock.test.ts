import { spawn } from 'node:child_process';
import { readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseClient } from '../../main/core/db/client';
import { databaseOptions, sourceWorkerEntry } from '../../main/core/db/options';
import { acquireLock, acquireLockWith, type LockResult } from '../../main/core/db/worker/lock';
import { dbSandbox, expectDatabaseError } from '../support/db-sandbox';

const sandbox = dbSandbox();
const opened: DatabaseClient[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.close();
});

describe('one process per data folder', () => {
  it('refuses a second open of the same folder while the first is open, and allows it after close', async () => {
    const dir = await sandbox.dataDir();
    const first = await DatabaseClient.open(sourceWorkerEntry(), databaseOptions(dir));
    opened.push(first.db);
    const error = await expectDatabaseError(DatabaseClient.open(sourceWorkerEntry(), databaseOptions(dir)), 'locked');
    expect(error.message).toContain(String(process.pid));
    await opened.pop()!.close();
    const second = await DatabaseClient.open(sourceWorkerEntry(), databaseOptions(dir));
    opened.push(second.db);
  });

  it('takes over a lock left by a process that no longer runs', async () => {
    const dir = await sandbox.dataDir();
    // A pid that existed and is gone: a child that has exited.
    const child = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => child.on('exit', resolve));
    await writeFile(join(dir, 'app.sqlite.lock'), String(child.pid));
    const { db } = await DatabaseClient.open(sourceWorkerEntry(), databaseOptions(dir));
    opened.push(db);
  });
});

/** The pid of a process that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid!;
}

/** A lock line in the current format. */
const lockLine = (owner: { pid: number; token: string; startTicks?: string; bootId?: string }) =>
  `${JSON.stringify({ startedAt: new Date().toISOString(), ...owner })}\n`;

async function ours(result: Promise<LockResult>) {
  const lock = await result;
  if ('heldBy' in lock) throw new Error(`expected to own the lock, but process ${lock.heldBy} holds it`);
  return lock;
}

describe('the data-folder lock', () => {
  const lockIn = async () => {
    const dir = await sandbox.dataDir();
    return { dir, file: join(dir, 'app.sqlite'), lockFile: join(dir, 'app.sqlite.lock') };
  };

  it('is held by the first taker, names it to the second, and is gone after release', async () => {
    const { dir, file, lockFile } = await lockIn();
    const first = await ours(acquireLock(file));
    expect(JSON.parse(await readFile(lockFile, 'utf8'))).toMatchObject({
      pid: process.pid,
      token: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    expect(await acquireLock(file)).toEqual({ heldBy: process.pid });
    await first.release();
    await first.release(); // twice is harmless
    expect(await readdir(dir)).toEqual([]);
  });

  it.each([
    ['empty', ''],
    ['half-written', '{"pid":123,"tok'],
  ])('treats an %s lock as being taken, not as stale: it waits, then reports it held', async (_, raw) => {
    const { file, lockFile } = await lockIn();
    await writeFile(lockFile, raw);
    expect(await acquireLockWith(file, { patienceMs: 50 })).toEqual({ heldBy: -1 });
    expect(await readFile(lockFile, 'utf8')).toBe(raw);
  });

  it('takes over an empty lock left from before the last boot, or untouched for minutes', async () => {
    for (const writtenAt of [new Date(0), new Date(Date.now() - 5 * 60_000)]) {
      const { file, lockFile } = await lockIn();
      await writeFile(lockFile, '');
      await utimes(lockFile, writtenAt, writtenAt);
      await (await ours(acquireLock(file))).release();
    }
  });

  it("takes over a lock whose pid is gone, in the current format and an older version's", async () => {
    const dead = await deadPid();
    for (const content of [lockLine({ pid: dead, token: 'abc123' }), String(dead)]) {
      const { dir, file } = await lockIn();
      await writeFile(join(dir, 'app.sqlite.lock'), content);
      const lock = await ours(acquireLock(file));
      await lock.release();
      expect(await readdir(dir)).toEqual([]);
    }
  });

  it('takes over a lock written before the last boot even though its pid now runs', async () => {
    const { file, lockFile } = await lockIn();
    await writeFile(lockFile, String(process.pid)); // an older version's lock: only its time tells
    await utimes(lockFile, new Date(0), new Date(0));
    await (await ours(acquireLock(file))).release();
  });

  it.runIf(process.platform === 'linux')('on Linux, tells a reused pid or another boot by start time and boot id', async () => {
    const bootId = (await readFile('/proc/sys/kernel/random/boot_id', 'utf8')).trim();
    const stat = await readFile('/proc/self/stat', 'utf8');
    const startTicks = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
    // Our own pid is alive; the lock is stale when it was some earlier process with that pid.
    for (const [owner, stale] of [
      [{ startTicks, bootId }, false],
      [{ startTicks: '1', bootId }, true],
      [{ startTicks, bootId: 'another-boot' }, true],
    ] as const) {
      const { file, lockFile } = await lockIn();
      await writeFile(lockFile, lockLine({ pid: process.pid, token: 'abc123', ...owner }));
      const lock = await acquireLock(file);
      if (stale) await (await ours(Promise.resolve(lock))).release();
      else expect(lock).toEqual({ heldBy: process.pid });
    }
  });

  it("does not delete another process's lock on release", async () => {
    const { file, lockFile } = await lockIn();
    const lock = await ours(acquireLock(file));
    // As if we had been judged stale and someone else had taken the lock since.
    const theirs = lockLine({ pid: process.pid, token: 'beef' });
    await writeFile(lockFile, theirs);
    await lock.release();
    expect(await readFile(lockFile, 'utf8')).toBe(theirs);
  });

  it('leaves a stale lock alone while a live process holds the claim to take it over', async () => {
    const { file, lockFile } = await lockIn();
    const dead = await deadPid();
    const stale = lockLine({ pid: dead, token: 'aa' });
    await writeFile(lockFile, stale);
    await writeFile(`${lockFile}.break-aa`, lockLine({ pid: process.pid, token: 'bb' }));
    // It waits for the claim holder to finish, then gives up naming the holder it saw.
    expect(await acquireLockWith(file, { patienceMs: 50 })).toEqual({ heldBy: dead });
    expect(await readFile(lockFile, 'utf8')).toBe(stale);
  });

  it('breaks a claim whose holder died, takes the lock and clears what dead takers left', async () => {
    const { dir, file, lockFile } = await lockIn();
    const dead = await deadPid();
    await writeFile(lockFile, lockLine({ pid: dead, token: 'aa' }));
    await writeFile(`${lockFile}.break-aa`, lockLine({ pid: dead, token: 'bb' }));
    await writeFile(`${lockFile}.${dead}-cc.tmp`, lockLine({ pid: dead, token: 'cc' }));
    const alive = `${lockFile}.${process.pid}-dd.tmp`; // a live taker's temp file stays
    await writeFile(alive, lockLine({ pid: process.pid, token: 'dd' }));
    const lock = await ours(acquireLock(file));
    expect((await readdir(dir)).sort()).toEqual(['app.sqlite.lock', `app.sqlite.lock.${process.pid}-dd.tmp`]);
    await lock.release();
  });
});

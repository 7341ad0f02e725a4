/**
 * The disk says no: a full disk or a read-only folder while the app writes, a full disk when it
 * starts, and backups while it runs. Faults come from an injected journal file system, so the test
 * needs no small tmpfs and no root.
 */
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { databaseOptions } from '../../main/core/db/options';
import { DatabaseEngine, DatabaseFailure } from '../../main/core/db/worker/engine';
import { nodeJournalFs, type JournalFs } from '../../main/core/db/worker/journal';
import type { OpenOptions, WorkerEvent } from '../../main/core/db/worker/protocol';
import { folderState } from '../support/db-helpers';
import { dbSandbox } from '../support/db-sandbox';

const sandbox = dbSandbox();
const engines = new Set<DatabaseEngine>();
afterEach(async () => {
  vi.useRealTimers();
  for (const engine of engines) await engine.close().catch(() => {});
  engines.clear();
});

/** A journal file system whose writes fail with `state.failWith` while it is set. */
function faultyFs() {
  const state = { failWith: undefined as string | undefined };
  const fs: JournalFs = {
    ...nodeJournalFs,
    async openForAppend(path) {
      const real = await nodeJournalFs.openForAppend(path);
      return {
        ...real,
        write: async (data) => {
          if (state.failWith) throw Object.assign(new Error(`${state.failWith}: simulated`), { code: state.failWith });
          await real.write(data);
        },
      };
    },
  };
  return { fs, state };
}

async function openEngine(dir: string, options: Partial<OpenOptions> = {}, fs: JournalFs = nodeJournalFs) {
  const events: WorkerEvent[] = [];
  const engine = new DatabaseEngine((event) => events.push(event), fs);
  engines.add(engine);
  const report = await engine.open(databaseOptions(dir, { checkpointBytes: 2 ** 30, checkpointAgeMs: 3_600_000, ...options }));
  return { engine, events, report };
}

const note = (engine: DatabaseEngine, text: string) =>
  engine.run({
    sql: "INSERT INTO audit_log (at, action, target, outcome, details) VALUES ('2026-11-27T10:00:00Z', 'note', ?, 'ok', '')",
    params: [text],
  });
const notes = async (engine: DatabaseEngine) => {
  await engine.ready();
  return engine.all({ sql: "SELECT target FROM audit_log WHERE action = 'note' ORDER BY id" }).map((r) => r.target);
};

describe('when the disk refuses a write', () => {
  it.each([
    ['ENOSPC', 'disk_full', /the disk is full/],
    ['EROFS', 'read_only', /cannot be written to/],
    ['EIO', 'write_failed', /refused to write \(EIO\)/],
  ])(
    '%s: the write is refused with a message, nothing acknowledged is lost, and writing works again once the disk does',
    async (errno, code, words) => {
      const dir = await sandbox.dataDir();
      const { fs, state } = faultyFs();
      const { engine, events } = await openEngine(dir, {}, fs);
      await note(engine, 'before');

      state.failWith = errno;
      const refused = await note(engine, 'refused').catch((err: unknown) => err);
      expect(refused).toBeInstanceOf(DatabaseFailure);
      expect(refused).toMatchObject({ code, message: expect.stringMatching(words) });
      expect((refused as Error).message).toMatch(/Nothing saved before was lost/);
      // Memory goes back to what is on disk: the refused change is not shown as if it were kept.
      expect(await notes(engine)).toEqual(['before']);
      expect(events.filter((e) => e.type === 'write-failed')).toEqual([expect.objectContaining({ type: 'write-failed', code })]);

      state.failWith = undefined;
      await note(engine, 'after');
      expect(events.at(-1)).toEqual({ type: 'write-recovered' });
      await engine.close();

      const { engine: reopened } = await openEngine(dir);
      expect(await notes(reopened)).toEqual(['before', 'after']);
    },
  );

  it('a folder that turns read-only before quitting: closing ends normally, and every write is there at the next start', async () => {
    const dir = await sandbox.dataDir();
    let refuse = false;
    const readOnly: JournalFs = {
      ...nodeJournalFs,
      remove: async (path) => {
        if (refuse) throw Object.assign(new Error('EROFS: simulated'), { code: 'EROFS' });
        await nodeJournalFs.remove(path);
      },
    };
    const { engine } = await openEngine(dir, {}, readOnly);
    await note(engine, 'before quitting');
    refuse = true;
    await expect(engine.close()).resolves.toBeUndefined();
    engines.delete(engine);
    const again = await openEngine(dir);
    expect(await notes(again.engine)).toEqual(['before quitting']);
  });

  it('writes that shared the refused fsync are refused with it; none of them comes back after a restart', async () => {
    const dir = await sandbox.dataDir();
    const { fs, state } = faultyFs();
    const { engine } = await openEngine(dir, {}, fs);
    await note(engine, 'kept');
    state.failWith = 'ENOSPC';
    const results = await Promise.allSettled(['a', 'b', 'c'].map((text) => note(engine, text)));
    expect(results.every((r) => r.status === 'rejected')).toBe(true);
    state.failWith = undefined;
    await engine.close();
    const { engine: reopened } = await openEngine(dir);
    expect(await notes(reopened)).toEqual(['kept']);
  });
});

describe('starting and backing up', () => {
  it('a backup that cannot be written is skipped with a notice; the app starts all the same', async () => {
    const dir = await sandbox.dataDir();
    const first = await openEngine(dir);
    await note(first.engine, 'data');
    await first.engine.close();
    // Where backups/ should be, something that is not a folder: every backup attempt fails.
    await writeFile(join(dir, 'backups'), 'not a folder');
    const { engine, events } = await openEngine(dir, { backupEveryMs: 0 });
    expect(await notes(engine)).toEqual(['data']);
    // The backup runs after the open, off its path.
    await vi.waitFor(() => expect(events).toEqual([expect.objectContaining({ type: 'backup-skipped' })]));
  });

  it('a data folder that cannot be used is a storage failure with its own words, never "damaged"', async () => {
    const dir = await sandbox.dataDir();
    await writeFile(join(dir, 'not-a-folder'), '');
    const engine = new DatabaseEngine();
    const failure = await engine.open(databaseOptions(join(dir, 'not-a-folder'))).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(DatabaseFailure);
    expect((failure as DatabaseFailure).code).toBe('write_failed');
    expect((failure as Error).message).toMatch(/cannot open its data/);
    expect((failure as Error).message).not.toMatch(/damaged/);
  });

  it('while the app runs, a checkpoint backs up at most every backupEveryMs (fake clock), keeping the newest 3', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-27T09:00:00Z'));
    const dir = await sandbox.dataDir();
    const day = 24 * 60 * 60 * 1000;
    const { engine } = await openEngine(dir, { backupEveryMs: day, backupsToKeep: 3 });
    const backups = async () => (await folderState(dir)).backups;
    expect(await backups()).toEqual([]); // a new database has nothing to back up

    // A checkpoint starts its backup without waiting for it; the next checkpoint's backup queues behind it.
    const checkpointAfter = async (text: string, expected: number) => {
      await note(engine, text);
      await engine.checkpoint();
      await vi.waitFor(async () => expect(await backups()).toHaveLength(expected));
    };
    await checkpointAfter('day 1', 1);
    vi.setSystemTime(new Date('2026-11-27T20:00:00Z'));
    await checkpointAfter('same day', 1); // the newest is not 24 hours old yet
    for (let days = 1; days <= 4; days += 1) {
      // Each step a minute more than a day after the one before: every one is due.
      vi.setSystemTime(new Date(Date.parse('2026-11-27T20:00:00Z') + days * (day + 60_000)));
      await checkpointAfter(`day ${days + 1}`, Math.min(3, 1 + days));
    }
    await engine.close(); // waits for a backup under way
    expect(await backups()).toHaveLength(3);
    expect((await readdir(join(dir, 'backups'))).filter((name) => name.includes('.tmp'))).toEqual([]);
  });
});

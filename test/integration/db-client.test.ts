/**
 * DatabaseClient against the real worker: what a resolved write and flush() promise, writes racing
 * checkpoints, batch atomicity (large batches sent in parts too), foreign keys across checkpoints, a
 * closed client, and checkpoint events.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DatabaseClient } from '../../main/core/db/client';
import { journalGenerations, journalPath, readRecords } from '../../main/core/db/worker/journal';
import type { WorkerEvent } from '../../main/core/db/worker/protocol';
import { decodeRecord } from '../../main/core/db/worker/records';
import { queryFile } from '../support/db-helpers';
import { dbSandbox, expectDatabaseError } from '../support/db-sandbox';

const sandbox = dbSandbox();
/** Checkpoints only when asked to (flush, close): the thresholds outlast any test. */
const ONLY_ON_FLUSH = { checkpointBytes: 2 ** 30, checkpointAgeMs: 3_600_000 };
/** A checkpoint after every write. */
const SAVE_AT_ONCE = { checkpointBytes: 1 };

const INSERT_AUDIT = 'INSERT INTO audit_log (at, action, target, outcome, details) VALUES (?, ?, ?, ?, ?)';
const audit = (target: string, outcome = 'ok', details = '') => ({
  sql: INSERT_AUDIT,
  params: ['2024-05-01T10:00:00Z', 'client-test', target, outcome, details],
});
const write = (db: DatabaseClient, target: string, details = '') => {
  const { sql, params } = audit(target, 'ok', details);
  return db.run(sql, params);
};
const targetsIn = async (db: DatabaseClient) =>
  (await db.all<{ target: string }>("SELECT target FROM audit_log WHERE action = 'client-test' ORDER BY id")).map((r) => r.target);
const targetsOnDisk = async (dir: string) =>
  (await queryFile(join(dir, 'app.sqlite'), "SELECT target FROM audit_log WHERE action = 'client-test' ORDER BY id")).map((r) =>
    String(r.target),
  );

/** The audit targets of the journal records on disk, whichever generation holds them. */
const targetsInJournals = async (dir: string) => {
  const targets: string[] = [];
  for (const generation of journalGenerations(join(dir, 'app.sqlite'), await readdir(dir))) {
    const data = await readFile(journalPath(join(dir, 'app.sqlite'), generation));
    for (const record of readRecords(data).records) {
      for (const statement of decodeRecord(record)) {
        if (statement.sql === INSERT_AUDIT && Array.isArray(statement.params)) targets.push(String(statement.params[2]));
      }
    }
  }
  return targets;
};

const insertVacancy = (db: DatabaseClient, id: number) =>
  db.run("INSERT INTO vacancies (id, hh_id, title, first_seen_at, updated_at) VALUES (?, ?, 'Тестировщик', '2024-05-01', '2024-05-01')", [
    id,
    `hh-${id}`,
  ]);
const insertApplication = (db: DatabaseClient, vacancyId: number) =>
  db.run("INSERT INTO applications (vacancy_id, letter, created_at) VALUES (?, 'Здравствуйте!', '2024-05-01')", [vacancyId]);

function savedEvents(db: DatabaseClient) {
  const events: WorkerEvent[] = [];
  const stop = db.onEvent((event) => events.push(event));
  return { saved: () => events.filter((e) => e.type === 'saved'), all: events, stop };
}

describe('DatabaseClient', () => {
  it('a resolved write is in the journal on disk; flush() folds the writes before it into the data file', async () => {
    const dir = await sandbox.dataDir();
    const { db } = await sandbox.open(dir, ONLY_ON_FLUSH);
    await write(db, 'one');
    expect(await targetsOnDisk(dir)).toEqual([]); // no checkpoint yet...
    expect(await targetsInJournals(dir)).toEqual(['one']); // ...but already durable
    await db.flush();
    expect(await targetsOnDisk(dir)).toEqual(['one']);
    expect(await targetsInJournals(dir)).toEqual([]);

    // Not even awaited: a flush covers every write sent before it.
    void write(db, 'two');
    void write(db, 'three');
    await db.flush();
    expect(await targetsOnDisk(dir)).toEqual(['one', 'two', 'three']);
    await db.flush(); // nothing pending: resolves at once
  });

  it('loses no write made while a save is under way', async () => {
    const dir = await sandbox.dataDir();
    const { db } = await sandbox.open(dir, ONLY_ON_FLUSH);
    const events = savedEvents(db);
    // About 3 MB, so every save (export, write, fsync, rename) takes many turns of the worker's event loop.
    await db.batch(Array.from({ length: 30 }, (_, i) => audit(`big-${i}`, 'ok', 'ж'.repeat(50_000))));
    await db.flush();

    const expected: string[] = [];
    let answeredBeforeTheirSaveEnded = 0;
    for (let round = 0; round < 10; round += 1) {
      expected.push(`w-${round}-before`);
      await write(db, `w-${round}-before`);
      // The flush starts a save; the writes queued right behind it reach the worker while that save
      // waits for the disk, so they are answered before the flush is (order, not timing, shows the race).
      const order: string[] = [];
      const flushed = db.flush().then(() => order.push('flushed'));
      const writes = Array.from({ length: 10 }, (_, i) => {
        const target = `w-${round}-${i}`;
        expected.push(target);
        return write(db, target, 'x'.repeat(i * 100)).then(() => order.push(target));
      });
      await Promise.all([flushed, ...writes]);
      answeredBeforeTheirSaveEnded += order.indexOf('flushed');
    }
    expect(events.saved().length).toBeGreaterThanOrEqual(10);
    expect(answeredBeforeTheirSaveEnded).toBeGreaterThan(0);
    expect(events.all.filter((e) => e.type === 'save-failed')).toEqual([]);
    await db.close();

    expect((await targetsOnDisk(dir)).filter((t) => t.startsWith('w-'))).toEqual(expected);
    const { db: reopened } = await sandbox.open(dir);
    expect(await reopened.get("SELECT count(*) AS n FROM audit_log WHERE target LIKE 'w-%'")).toEqual({ n: expected.length });
  });

  it('compact() drops the free pages deletes left: the data file shrinks, and the data is all there', async () => {
    const dir = await sandbox.dataDir();
    const { db } = await sandbox.open(dir);
    await db.batch(Array.from({ length: 40 }, (_, i) => audit(`big-${i}`, 'ok', 'ж'.repeat(50_000))));
    await db.batch([audit('kept', 'ok', 'small')]);
    await db.flush();
    const file = join(dir, 'app.sqlite');
    const before = (await stat(file)).size;
    await db.run("DELETE FROM audit_log WHERE target LIKE 'big-%'");
    await db.flush();
    expect((await stat(file)).size).toBe(before);
    await db.compact();
    expect((await stat(file)).size).toBeLessThan(before / 10);
    expect(await db.all("SELECT target FROM audit_log WHERE target = 'kept'")).toEqual([{ target: 'kept' }]);
    await db.batch([audit('after', 'ok', 'small')]);
    await db.close();
    const { db: again } = await sandbox.open(dir);
    expect(
      (await again.all<{ target: string }>("SELECT target FROM audit_log WHERE target IN ('kept', 'after') ORDER BY id")).map(
        (r) => r.target,
      ),
    ).toEqual(['kept', 'after']);
  });

  it('batch() is all or nothing: a failing statement rolls back the ones before it', async () => {
    const dir = await sandbox.dataDir();
    const { db } = await sandbox.open(dir, ONLY_ON_FLUSH);

    const error = await expectDatabaseError(db.batch([audit('a'), audit('b', 'not-an-outcome'), audit('c')]), 'sql_error');
    expect(error.message).toMatch(/CHECK constraint failed/);
    expect(await targetsIn(db)).toEqual([]);

    await insertVacancy(db, 1);
    await expectDatabaseError(
      db.batch([
        { sql: "UPDATE vacancies SET status = 'applied' WHERE id = 1" },
        { sql: "INSERT INTO applications (vacancy_id, created_at) VALUES (1, '2024-05-01')" },
        { sql: "INSERT INTO applications (vacancy_id, created_at) VALUES (404, '2024-05-01')" },
      ]),
      'sql_error',
    );
    expect(await db.get('SELECT status FROM vacancies WHERE id = 1')).toEqual({ status: 'found' });
    expect(await db.get('SELECT count(*) AS n FROM applications')).toEqual({ n: 0 });

    // No transaction left open: the next batch and single writes work, and what is saved is right.
    const results = await db.batch([audit('d'), audit('e')]);
    expect(results.map((r) => r.changes)).toEqual([1, 1]);
    expect(results[1]!.lastInsertRowid).toBe(results[0]!.lastInsertRowid + 1);
    await write(db, 'f');
    await db.flush();
    expect(await targetsOnDisk(dir)).toEqual(['d', 'e', 'f']);
  });

  it('a batch too large to post at once goes over in parts and still commits as one, or not at all', async () => {
    const dir = await sandbox.dataDir();
    const { db } = await sandbox.open(dir, ONLY_ON_FLUSH);
    // About 3 MB: six parts or more.
    const big = Array.from({ length: 60 }, (_, i) => audit(`part-${i}`, 'ok', 'ж'.repeat(25_000)));
    expect((await db.batch(big)).length).toBe(60);
    expect(await db.get("SELECT count(*) AS n FROM audit_log WHERE target LIKE 'part-%'")).toEqual({ n: 60 });
    await expectDatabaseError(
      db.batch([...big.map((s, i) => audit(`again-${i}`, 'ok', String(s.params[4]))), audit('bad', 'not-an-outcome')]),
      'sql_error',
    );
    expect(await db.get("SELECT count(*) AS n FROM audit_log WHERE target LIKE 'again-%'")).toEqual({ n: 0 });
    // Parts of the failed batch do not leak into the next one.
    await db.batch([audit('after')]);
    expect(await targetsIn(db)).toHaveLength(61);
  });

  it('keeps foreign keys enforced after saves', async () => {
    const dir = await sandbox.dataDir();
    const { db } = await sandbox.open(dir, SAVE_AT_ONCE);
    const events = savedEvents(db);
    for (let round = 1; round <= 3; round += 1) {
      await insertVacancy(db, round);
      await db.flush();
      expect(events.saved().length).toBeGreaterThanOrEqual(round);
      expect(await db.get('PRAGMA foreign_keys')).toEqual({ foreign_keys: 1 });
      const error = await expectDatabaseError(insertApplication(db, 999), 'sql_error');
      expect(error.message).toMatch(/FOREIGN KEY constraint failed/);
      await insertApplication(db, round);
    }
    // ON DELETE CASCADE works too.
    await db.run('DELETE FROM vacancies WHERE id = 2');
    await db.flush();
    expect(await db.all('SELECT vacancy_id FROM applications ORDER BY vacancy_id')).toEqual([{ vacancy_id: 1 }, { vacancy_id: 3 }]);
    await db.close();

    const { db: reopened } = await sandbox.open(dir);
    await expectDatabaseError(insertApplication(reopened, 999), 'sql_error');
  });

  it("rejects every call with code 'closed' once closed", async () => {
    const dir = await sandbox.dataDir();
    const { db } = await sandbox.open(dir);
    await write(db, 'before close');
    await db.close();

    await expectDatabaseError(db.run(INSERT_AUDIT, audit('after').params), 'closed');
    await expectDatabaseError(db.all('SELECT 1'), 'closed');
    await expectDatabaseError(db.get('SELECT 1'), 'closed');
    await expectDatabaseError(db.batch([audit('after')]), 'closed');
    await expectDatabaseError(db.flush(), 'closed');
    await db.close(); // a second close is harmless
    expect(await targetsOnDisk(dir)).toEqual(['before close']); // close saved what was pending
  });

  it('emits a saved event with the size written for each save', async () => {
    const dir = await sandbox.dataDir();
    const { db } = await sandbox.open(dir, ONLY_ON_FLUSH);
    const events = savedEvents(db);
    const startedAt = Date.now();
    await write(db, 'one', 'y'.repeat(10_000));
    await db.flush();

    expect(events.all).toHaveLength(1);
    const [saved] = events.saved();
    expect(saved).toMatchObject({ type: 'saved' });
    if (saved?.type !== 'saved') throw new Error('no saved event');
    expect(saved.bytes).toBeGreaterThan(10_000);
    expect(saved.bytes).toBe((await stat(join(dir, 'app.sqlite'))).size);
    expect(saved.ms).toBeGreaterThanOrEqual(0);
    expect(saved.at).toBeGreaterThanOrEqual(startedAt);

    events.stop();
    await write(db, 'two');
    await db.flush();
    expect(events.all).toHaveLength(1); // no events after unsubscribing
  });

  it('close() may be called by several parties at once (quit, suspend, cleanup)', async () => {
    const dir = await sandbox.dataDir();
    const { db } = await sandbox.open(dir);
    await db.run("INSERT INTO audit_log (at, action, outcome) VALUES ('2024-05-01', 'x', 'ok')");
    await Promise.all([db.close(), db.close(), db.close()]);
    await db.close();
    const again = await sandbox.open(dir);
    expect(await again.db.get('SELECT count(*) AS n FROM audit_log')).toEqual({ n: 1 });
  });
});

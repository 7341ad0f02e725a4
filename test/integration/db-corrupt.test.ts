/**
 * A damaged database file: set aside untouched, replaced by the newest backup that SQLite vouches
 * for, or (with no good backup) refused, unless the app asked to start empty. Also: backups are
 * capped, and a file from a newer app version is refused without being touched.
 */
import { cp, readFile, stat, truncate, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseClient } from '../../main/core/db/client';
import { latestSchemaVersion } from '../../main/core/db/migrations';
import { folderState, openFile, queryAll, queryFile, seededRandom } from '../support/db-helpers';
import { dbSandbox, expectDatabaseError, type SessionDb } from '../support/db-sandbox';

const sandbox = dbSandbox();
/** Every open makes a backup (the first one, which creates the file, does not). */
const BACKUP_ON_EVERY_OPEN = { backupEveryMs: 0 };

const addNote = (db: SessionDb | DatabaseClient, note: string) =>
  db.run("INSERT INTO audit_log (at, action, target, outcome, details) VALUES (?, 'note', ?, 'ok', '')", [new Date().toISOString(), note]);

const notesIn = async (db: DatabaseClient) =>
  (await db.all<{ target: string }>("SELECT target FROM audit_log WHERE action = 'note' ORDER BY id")).map((r) => r.target);

const notesInFile = async (path: string) =>
  (await queryFile(path, "SELECT target FROM audit_log WHERE action = 'note' ORDER BY id")).map((r) => String(r.target));

/** Enough rows that the file spans many pages, so cutting it in half cuts through tables. */
async function addBulk(db: SessionDb) {
  const random = seededRandom(7);
  await db.batch(
    Array.from({ length: 60 }, (_, i) => ({
      sql: "INSERT INTO audit_log (at, action, target, outcome, details) VALUES ('2024-05-01T10:00:00Z', 'bulk', ?, 'ok', ?)",
      params: [String(i), 'Отклик отправлен. '.repeat(20 + Math.floor(random() * 60))],
    })),
  );
}

/**
 * Three app sessions adding the notes "first", "second", "third". The second and third open each
 * back up the file as it was, so the newest backup holds "first" and "second" and the live file also
 * holds "third". No waiting between them: backup names carry milliseconds and a counter, so they sort
 * by age even within one millisecond (db-regressions.test.ts).
 */
async function databaseWithTwoBackups(dir: string) {
  await sandbox.session(dir, BACKUP_ON_EVERY_OPEN, async (db) => {
    await addBulk(db);
    await addNote(db, 'first');
  });
  await sandbox.session(dir, BACKUP_ON_EVERY_OPEN, (db) => addNote(db, 'second'));
  const [older] = (await folderState(dir)).backups;
  await sandbox.session(dir, BACKUP_ON_EVERY_OPEN, (db) => addNote(db, 'third'));
  const backups = (await folderState(dir)).backups;
  expect(backups).toHaveLength(2);
  const newer = backups.find((name) => name !== older)!;
  return { older: older!, newest: newer };
}

const randomBytes = (length: number, seed: number) => {
  const random = seededRandom(seed);
  return Uint8Array.from({ length }, () => Math.floor(random() * 256));
};

const damages: Array<[string, (file: string) => Promise<void>]> = [
  ['truncated to half its size', async (file) => truncate(file, Math.floor((await stat(file)).size / 2))],
  ['overwritten with 64 KB of random bytes', (file) => writeFile(file, randomBytes(64 * 1024, 42))],
  ['emptied to zero bytes (not taken for a new database)', (file) => truncate(file, 0)],
];

describe('a damaged database file', () => {
  /** Made once and copied for each kind of damage. */
  let pristine: { dir: string; older: string; newest: string };
  beforeAll(async () => {
    const dir = await sandbox.dataDir('file');
    pristine = { dir, ...(await databaseWithTwoBackups(dir)) };
  });

  it.each(damages)('%s: is set aside unchanged and the newest good backup is opened', async (_, damage) => {
    const dir = await sandbox.dataDir();
    await cp(pristine.dir, dir, { recursive: true });
    const file = join(dir, 'app.sqlite');
    const [older, newest] = [join(dir, 'backups', pristine.older), join(dir, 'backups', pristine.newest)];
    const backupBytes = [await readFile(older), await readFile(newest)];
    await damage(file);
    const damagedBytes = await readFile(file);

    const { db, report } = await sandbox.open(dir);

    expect(report).toMatchObject({ created: false, restoredFrom: newest, schemaVersion: latestSchemaVersion });
    expect(report.migratedFrom).toBeUndefined();
    expect(basename(report.damagedKeptAt!)).toMatch(/^app\.sqlite\.damaged-\d{8}T\d{9}Z-\d{3}$/);
    expect(await readFile(report.damagedKeptAt!)).toEqual(damagedBytes);
    // The newest backup's data; "third" only ever was in the damaged file.
    expect(await notesIn(db)).toEqual(['first', 'second']);
    expect(await db.get("SELECT count(*) AS n FROM audit_log WHERE action = 'bulk'")).toEqual({ n: 60 });
    expect(await db.all('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    await db.close();

    // The restored database was saved as app.sqlite, and the backups were left as they were.
    expect(await notesInFile(file)).toEqual(['first', 'second']);
    expect([await readFile(older), await readFile(newest)]).toEqual(backupBytes);
    expect((await folderState(dir)).damaged).toEqual([basename(report.damagedKeptAt!)]);
  });

  it('with no backup at all: open fails with damaged_no_backup and leaves the file untouched, every time', async () => {
    const dir = await sandbox.dataDir();
    const file = join(dir, 'app.sqlite');
    await sandbox.session(dir, BACKUP_ON_EVERY_OPEN, async (db) => {
      await addBulk(db);
      await addNote(db, 'only copy');
    });
    expect((await folderState(dir)).backups).toEqual([]); // creating the file makes no backup
    await truncate(file, Math.floor((await stat(file)).size / 2));
    const damagedBytes = await readFile(file);

    const error = await expectDatabaseError(sandbox.open(dir), 'damaged_no_backup');
    expect(error.details.damagedAt).toBe(file);
    expect(error.message).toContain(file);
    expect(await readFile(file)).toEqual(damagedBytes);
    const after = await folderState(dir);
    // No empty database was put in its place, nothing was moved.
    expect(after.names).toEqual(['app.sqlite']);
    expect(after.temps).toEqual([]);

    // A second start refuses the same way instead of quietly starting empty.
    await expectDatabaseError(sandbox.open(dir), 'damaged_no_backup');
    expect(await readFile(file)).toEqual(damagedBytes);
  });

  it('with only damaged backups: fails the same way and leaves the backups alone', async () => {
    const dir = await sandbox.dataDir();
    const file = join(dir, 'app.sqlite');
    await sandbox.session(dir, BACKUP_ON_EVERY_OPEN, (db) => addNote(db, 'one'));
    await sandbox.session(dir, BACKUP_ON_EVERY_OPEN, (db) => addNote(db, 'two'));
    const [backup] = (await folderState(dir)).backups;
    const backupPath = join(dir, 'backups', backup!);
    await writeFile(backupPath, randomBytes(8192, 1));
    await writeFile(file, randomBytes(8192, 2));

    const error = await expectDatabaseError(sandbox.open(dir), 'damaged_no_backup');

    expect(await readFile(error.details.damagedAt!)).toEqual(Buffer.from(randomBytes(8192, 2)));
    expect(await readFile(backupPath)).toEqual(Buffer.from(randomBytes(8192, 1)));
  });

  it("with no backup and onDamagedWithoutBackup: 'start-empty': opens an empty database, damaged file kept aside", async () => {
    const dir = await sandbox.dataDir();
    const file = join(dir, 'app.sqlite');
    const garbage = randomBytes(64 * 1024, 3);
    await writeFile(file, garbage);

    const { db, report } = await sandbox.open(dir, { onDamagedWithoutBackup: 'start-empty' });

    expect(report).toMatchObject({ created: true, schemaVersion: latestSchemaVersion });
    expect(report.restoredFrom).toBeUndefined();
    expect(await readFile(report.damagedKeptAt!)).toEqual(Buffer.from(garbage));
    expect(await db.get('SELECT count(*) AS n FROM audit_log')).toEqual({ n: 0 });
    expect(await db.get('SELECT max(version) AS v FROM schema_version')).toEqual({ v: latestSchemaVersion });
    await addNote(db, 'after a fresh start');
    await db.close();
    expect(await notesInFile(file)).toEqual(['after a fresh start']);
    expect((await folderState(dir)).damaged).toEqual([basename(report.damagedKeptAt!)]);
  });
});

describe('the user chooses the newest backup (restoreBackup)', () => {
  it('opens it, with the data file and its journals kept aside, never deleted', async () => {
    const dir = await sandbox.dataDir();
    const { newest } = await databaseWithTwoBackups(dir);
    const file = join(dir, 'app.sqlite');
    const before = await readFile(file);
    const { db, report } = await sandbox.open(dir, { restoreBackup: true });
    expect(report.restoredFrom).toBe(join(dir, 'backups', newest));
    expect(await notesIn(db)).toEqual(['first', 'second']);
    expect(await readFile(report.damagedKeptAt!)).toEqual(before);
    await db.close();
  });

  it('with no good backup: no_good_backup, and nothing is changed', async () => {
    const dir = await sandbox.dataDir();
    await sandbox.session(dir, {}, (db) => addNote(db, 'only'));
    const before = await folderState(dir);
    await expectDatabaseError(sandbox.open(dir, { restoreBackup: true }), 'no_good_backup');
    expect(await folderState(dir)).toEqual(before);
    expect(await notesInFile(join(dir, 'app.sqlite'))).toEqual(['only']);
  });
});

describe('backups', () => {
  it('keep only the newest 3', async () => {
    const dir = await sandbox.dataDir();
    // Six sessions; the 2nd..6th open back up what the sessions before them wrote (notes 1..n-1).
    for (let session = 1; session <= 6; session += 1) {
      await sandbox.session(dir, BACKUP_ON_EVERY_OPEN, (db) => addNote(db, String(session)));
    }

    const { backups, backupTemps } = await folderState(dir);
    expect(backups).toHaveLength(3);
    expect(backupTemps).toEqual([]);
    const contents = await Promise.all(backups.map((name) => notesInFile(join(dir, 'backups', name))));
    expect(contents).toEqual([
      ['1', '2', '3'],
      ['1', '2', '3', '4'],
      ['1', '2', '3', '4', '5'],
    ]);
  });
});

describe('a database from a newer app version', () => {
  it('is refused with newer_schema and left exactly as it was', async () => {
    const dir = await sandbox.dataDir();
    const file = join(dir, 'app.sqlite');
    await sandbox.session(dir, {}, (db) => addNote(db, 'written by the future'));
    // What a later app version would have left: one more schema_version row.
    const future = await openFile(file);
    future.run('INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)', [
      latestSchemaVersion + 1,
      'from the future',
      '2030-01-01T00:00:00Z',
    ]);
    future.run('CREATE TABLE future_things (id INTEGER PRIMARY KEY, what TEXT)');
    await writeFile(file, future.export());
    future.close();
    const bytes = await readFile(file);
    const folderBefore = await folderState(dir);

    const error = await expectDatabaseError(sandbox.open(dir), 'newer_schema');
    expect(error.message).toContain(`schema ${latestSchemaVersion + 1}`);
    // Refused again on the next try: nothing was changed by the first attempt.
    await expectDatabaseError(sandbox.open(dir, BACKUP_ON_EVERY_OPEN), 'newer_schema');

    expect(await readFile(file)).toEqual(bytes);
    expect(await folderState(dir)).toEqual(folderBefore);
    const check = await openFile(file);
    expect(queryAll(check, 'SELECT max(version) AS v FROM schema_version')).toEqual([{ v: latestSchemaVersion + 1 }]);
    check.close();
  });
});

/** Engine bugs found while writing the db-*.test.ts files, each kept as a regression test. */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { latestSchemaVersion, migrations } from '../../main/core/db/migrations';
import { databaseOptions } from '../../main/core/db/options';
import { DatabaseEngine } from '../../main/core/db/worker/engine';
import { listBackups, makeBackup, setAside } from '../../main/core/db/worker/files';
import { databaseAtVersion, exportTo, loadSqlJs, queryFile } from '../support/db-helpers';
import { dbSandbox } from '../support/db-sandbox';
import { patience } from '../support/wait';

const sandbox = dbSandbox();
/** Backup and damaged-copy names are stamped to the second; these calls all happen "in the same second". */
const sameSecond = new Date('2024-05-01T10:00:00.250Z');

describe('engine regressions', () => {
  // files.ts makeBackup/listBackups: a second backup in the same second is named `<stamp>.1.bak`, but
  // names are ordered by plain string sort, in which `<stamp>.bak` (the oldest) comes first, then `.3`, `.2`,
  // `.1`. So pruning to 3 deletes the backup just made, and "newest" (used by restore) is the oldest.
  it('backups made within one second: the newest 3 are kept and listed newest first', async () => {
    const dir = await sandbox.dataDir();
    const file = join(dir, 'app.sqlite');
    const made: string[] = [];
    for (let n = 1; n <= 5; n += 1) {
      await writeFile(file, `backup ${n}`);
      made.push(await makeBackup(file, 3, sameSecond));
    }
    const listed = await listBackups(file);
    expect(await Promise.all(listed.map((path) => readFile(path, 'utf8')))).toEqual(['backup 5', 'backup 4', 'backup 3']);
    expect(listed[0]).toBe(made[4]);
  });

  // files.ts setAside: `rename(file, "<file>.damaged-<stamp>")` silently replaces an earlier damaged
  // copy with the same stamp, although the comment says a damaged copy "is never overwritten".
  it('a damaged copy is never overwritten by a later one set aside in the same second', async () => {
    const dir = await sandbox.dataDir();
    const file = join(dir, 'app.sqlite');
    await writeFile(file, 'first damaged file');
    const first = await setAside(file, sameSecond);
    await writeFile(file, 'second damaged file');
    const second = await setAside(file, sameSecond);
    expect(second).not.toBe(first);
    expect(await readFile(first, 'utf8')).toBe('first damaged file');
  });

  // engine.ts open(): migratedFrom is only set, and the database only saved, when the old version is > 0.
  // A valid file at version 0 (no schema_version rows) is migrated in memory, then a backup of the
  // unmigrated file is made, and the migrated database is never written unless something else changes.
  it('a version 0 file is saved at the latest version after open', async () => {
    const dir = await sandbox.dataDir();
    const file = join(dir, 'app.sqlite');
    const empty = await databaseAtVersion(0);
    await exportTo(empty, file);
    empty.close();

    const { db, report } = await sandbox.open(dir);
    expect(report).toMatchObject({ created: false, schemaVersion: latestSchemaVersion });
    await db.close();
    const versions = await queryFile(file, 'SELECT version FROM schema_version ORDER BY version');
    expect(versions.map((r) => r.version)).toEqual(migrations.map((m) => m.version));
  });

  // engine.ts run(): `changes` is db.getRowsModified() (sqlite3_changes), which still holds the count of
  // the last INSERT/UPDATE/DELETE when the statement run now is DDL or a SELECT.
  it('flush() returns under a steady stream of writes once its own writes are saved', async () => {
    const dir = await sandbox.dataDir();
    const { db } = await sandbox.open(dir);
    let writing = true;
    let written = 0;
    const writer = (async () => {
      for (; writing; written += 1)
        await db.run("INSERT INTO audit_log (at, action, outcome) VALUES ('2024-05-01', ?, 'ok')", [`w${written}`]);
    })();
    await expect.poll(() => written, patience).toBeGreaterThanOrEqual(20);
    const before = written;
    // Stuck, it would never return: the test's timeout is the bound.
    await db.flush();
    const during = written - before;
    writing = false;
    await writer;
    expect(during).toBeGreaterThan(0); // the writes did keep coming while it saved
  });

  it('run() reports 0 changes for a statement that changes no rows', async () => {
    const dir = await sandbox.dataDir();
    const { db } = await sandbox.open(dir);
    await db.run("INSERT INTO audit_log (at, action, outcome) VALUES ('2024-05-01', 'x', 'ok')");
    expect((await db.run('CREATE TABLE scratch (x)')).changes).toBe(0);
  });
});

describe('engine regressions: prepared statements', () => {
  let restore: (() => void) | undefined;
  afterEach(() => restore?.());

  // engine.ts #save(): "export() closes and reopens the database: statements die" is no longer true
  // with sql.js 1.16, whose export() copies the database through the backup API and keeps statements
  // open. The engine still drops its statement cache after every save without freeing the statements,
  // so each save leaks every cached prepared statement (in the wasm heap) until close. Counted here by
  // wrapping sql.js's Database.prototype.prepare / Statement.free in this thread's sql.js, which the
  // engine, run in-process, shares.
  it('saving does not leave prepared statements behind', async () => {
    const SQL = await loadSqlJs();
    const proto = SQL.Database.prototype;
    const { prepare } = proto;
    let live = 0;
    proto.prepare = function (this: typeof proto, ...args: Parameters<typeof prepare>) {
      const stmt = prepare.apply(this, args);
      live += 1;
      const free = stmt.free.bind(stmt);
      stmt.free = () => {
        live -= 1;
        stmt.free = () => true;
        return free();
      };
      return stmt;
    };
    restore = () => (proto.prepare = prepare);

    const dir = await sandbox.dataDir();
    const engine = new DatabaseEngine();
    await engine.open(databaseOptions(dir, { checkpointBytes: 2 ** 30, checkpointAgeMs: 3_600_000 }));
    const liveAfterOpen = live;
    for (let i = 0; i < 50; i += 1) {
      await engine.run({
        sql: "INSERT INTO audit_log (at, action, target, outcome) VALUES ('2024-05-01', 'leak', ?, 'ok')",
        params: [String(i)],
      });
      engine.get({ sql: 'SELECT count(*) AS n FROM audit_log' });
      await engine.flush();
    }
    await engine.close();
    // Two distinct SQL texts: at most two cached statements alive, not two per save.
    expect(live - liveAfterOpen).toBeLessThanOrEqual(2);
  });
});

import { readdir, readFile, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import initSqlJs, { type Database, type SqlJsStatic, type Statement as SqlStatement } from 'sql.js';
import { latestSchemaVersion, migrations } from '../migrations';
import { exists, listBackups, makeBackup, newestBackupAge, removeStaleTemps, setAside, writeAtomically } from './files';
import { Journal, journalGenerations, journalPath, nodeJournalFs, type JournalFs } from './journal';
import { acquireLock } from './lock';
import type { OpenOptions, OpenReport, Row, RunResult, SqlParams, Statement, StorageFailureCode, WorkerEvent } from './protocol';
import { decodeRecord, encodeRecord } from './records';

export class DatabaseFailure extends Error {
  constructor(
    readonly code:
      'damaged_no_backup' | 'no_good_backup' | 'newer_schema' | 'not_open' | 'migration_failed' | 'locked' | StorageFailureCode,
    message: string,
    readonly details: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'DatabaseFailure';
  }
}

const DML = /^\s*(?:WITH\b[\s\S]*?\b)?(?:INSERT|UPDATE|DELETE|REPLACE)\b/i;
const SCHEMA_CHANGE = /^\s*(?:CREATE|DROP|ALTER)\b/i;

let sqlJs: Promise<SqlJsStatic> | undefined;
const loadSqlJs = (wasmPath: string) => (sqlJs ??= initSqlJs({ locateFile: () => wasmPath }));

const FULL = new Set(['ENOSPC', 'EDQUOT']);
const READ_ONLY = new Set(['EROFS', 'EACCES', 'EPERM']);
const errnoOf = (err: unknown): string => (err as NodeJS.ErrnoException)?.code ?? '';

/** A file-system refusal (full, read-only, I/O) rather than a bug or damaged data. */
export const isStorageRefusal = (err: unknown): boolean => /^E[A-Z]+$/.test(errnoOf(err)) && errnoOf(err) !== 'ENOENT';

/** What the user reads when the disk refuses: nothing acknowledged was lost, and what to do. */
export function storageFailure(err: unknown, when: 'write' | 'open' = 'write'): DatabaseFailure {
  const errno = errnoOf(err);
  const [code, why]: [StorageFailureCode, string] = FULL.has(errno)
    ? ['disk_full', 'the disk is full']
    : READ_ONLY.has(errno)
      ? ['read_only', 'the data folder cannot be written to (read-only or no permission)']
      : ['write_failed', `the disk refused to write (${errno || 'I/O error'})`];
  const message =
    when === 'open'
      ? `The app cannot open its data because ${why}. Nothing was lost and nothing was changed: ${code === 'disk_full' ? 'free some space' : 'fix the folder'} and start the app again.`
      : `This change was not saved because ${why}. Nothing saved before was lost; ${code === 'disk_full' ? 'free some space' : 'fix the folder'} and try again.`;
  return new DatabaseFailure(code, message, { errno: errno || 'unknown' });
}

/**
 * sql.js keeps the whole database in memory; this engine makes it durable in the worker thread.
 * Every write is executed in memory, then appended to the journal and fsynced before it is
 * acknowledged (writes arriving together share one fsync). A checkpoint writes the whole database
 * out (atomically) once the journal is large or old, at quit and at suspend, and starts a new
 * journal generation; opening = the last checkpoint + replay of the newer journals' complete records.
 *
 * Generations: the checkpoint records in `PRAGMA user_version` the journal generation that follows
 * it. A checkpoint switches new writes to generation G+1 in the same synchronous step as its export,
 * so the export holds exactly the writes of generations <= G; their journals are removed only once
 * the checkpoint is on disk. A crash at any point leaves a checkpoint plus every journal it needs.
 */
export class DatabaseEngine {
  #db?: Database;
  #options?: OpenOptions;
  #statements = new Map<string, SqlStatement>();
  #journal?: Journal;
  #generation = 0;
  #checkpointing?: Promise<void>;
  #checkpointTimer?: NodeJS.Timeout;
  /** Set after a refused write: memory holds changes that are not on disk, so it is reloaded first. */
  #reloading?: Promise<void>;
  #writeFailed = false;
  #batches = new Map<number, Statement[]>();
  #backingUp?: Promise<void>;
  #release?: () => Promise<void>;

  constructor(
    private readonly emit: (event: WorkerEvent) => void = () => {},
    private readonly fs: JournalFs = nodeJournalFs,
  ) {}

  async open(options: OpenOptions): Promise<OpenReport> {
    this.#options = options;
    const lock = await acquireLock(options.file).catch((err: unknown) => {
      throw isStorageRefusal(err) ? storageFailure(err, 'open') : err;
    });
    if ('heldBy' in lock) {
      throw new DatabaseFailure(
        'locked',
        `Another copy of AI Auto Applier (process ${lock.heldBy}) is using this data folder. Close it first, or start this one with another data folder.`,
        { heldBy: String(lock.heldBy) },
      );
    }
    this.#release = lock.release;
    try {
      return await this.#open(options);
    } catch (err) {
      await this.#closeJournal().catch(() => {});
      await this.#release();
      this.#release = undefined;
      // A full or read-only disk is not damaged data: its own message, never the "start empty" choice.
      throw isStorageRefusal(err) && !(err instanceof DatabaseFailure) ? storageFailure(err, 'open') : err;
    }
  }

  async #open(options: OpenOptions): Promise<OpenReport> {
    const SQL = await loadSqlJs(options.wasmPath);
    await removeStaleTemps(options.file);
    const now = new Date();
    const report: Partial<OpenReport> = { replayed: 0, droppedBytes: 0 };
    let db: Database | undefined;

    const existed = await exists(options.file);
    const generations = await this.#generations();
    if (options.restoreBackup) {
      // The user chose the newest good backup over data that would not open: the file and its
      // journals are kept aside (renamed, never deleted) before the backup takes their place.
      for (const backup of await listBackups(options.file)) {
        db = await tryOpen(SQL, backup);
        if (db) {
          report.restoredFrom = backup;
          break;
        }
      }
      if (!db)
        throw new DatabaseFailure(
          'no_good_backup',
          `There is no good backup to open in ${dirname(options.file)}/backups. Nothing was changed.`,
        );
      if (existed) report.damagedKeptAt = await setAside(options.file, now);
      for (const generation of generations.splice(0)) await setAside(journalPath(options.file, generation), now);
    } else if (existed || generations.length) {
      db = existed ? await tryOpen(SQL, options.file) : undefined;
      if (!db && existed) {
        for (const backup of await listBackups(options.file)) {
          db = await tryOpen(SQL, backup);
          if (db) {
            report.restoredFrom = backup;
            break;
          }
        }
        if (!db && options.onDamagedWithoutBackup === 'fail') {
          // Left exactly where it is: every later start refuses the same way until the user decides.
          throw new DatabaseFailure(
            'damaged_no_backup',
            `The app's database file is damaged and there is no good backup to open instead. The file was left untouched at ${options.file}.`,
            { damagedAt: options.file },
          );
        }
        // Moved aside (never overwritten) before a backup or an empty database takes its place;
        // its journals go with it: they continue the damaged file, not the backup.
        report.damagedKeptAt = await setAside(options.file, now);
        for (const generation of generations.splice(0)) await setAside(journalPath(options.file, generation), now);
      }
    }
    report.created = !db && !generations.length;
    this.#db = db ?? new SQL.Database();
    this.#applyPragmas();
    await this.#replay(generations, report);

    const before = this.#schemaVersion();
    if (before > latestSchemaVersion) {
      this.#db.close();
      this.#db = undefined;
      throw new DatabaseFailure(
        'newer_schema',
        `This database was written by a newer version of AI Auto Applier (schema ${before}; this version knows ${latestSchemaVersion}). Update the app to open it.`,
      );
    }
    const upgrading = existed && !report.created && before < latestSchemaVersion;
    if (upgrading && !report.restoredFrom) {
      // A copy from before the upgrade, in case a migration turns out wrong for this user's data.
      await this.#backup(now, true);
    }
    this.#migrate(before);
    report.schemaVersion = latestSchemaVersion;
    if (upgrading) report.migratedFrom = before;

    if (report.created || report.restoredFrom || report.migratedFrom !== undefined) {
      // Migrations and a restored backup are not in any journal: a checkpoint makes them durable.
      // (A new file has nothing to back up; an upgrade was backed up before it; a restored one is a backup.)
      await this.checkpoint({ backup: false });
    } else {
      // Copying a large file takes as long as opening it: done after the open, off its path.
      this.#backupInBackground(now);
    }
    return report as OpenReport;
  }

  /** The journal generations beside the database file, oldest first. */
  async #generations(): Promise<number[]> {
    const file = this.#options!.file;
    return journalGenerations(file, await readdir(dirname(file)).catch(() => [] as string[]));
  }

  /**
   * Applies every complete record of the journals the checkpoint does not hold yet, oldest first,
   * and opens the newest journal for appending. Journals older than the checkpoint are leftovers of
   * one that finished: removed.
   */
  async #replay(generations: number[], report: Partial<OpenReport>): Promise<void> {
    const file = this.#options!.file;
    const from = this.#userVersion();
    for (const generation of generations.filter((g) => g < from)) await this.fs.remove(journalPath(file, generation));
    const live = generations.filter((g) => g >= from);
    this.#generation = live.at(-1) ?? from;
    for (const generation of live) {
      const { journal, records, droppedBytes, damage } = await Journal.open(journalPath(file, generation), this.fs);
      let skipped = 0;
      for (const record of records) {
        if (!damage) {
          this.#apply(decodeRecord(record));
          continue;
        }
        // After a damaged stretch a record may depend on one that was lost (a row it points at): it is
        // left out, and counted, rather than stopping the whole start.
        try {
          this.#apply(decodeRecord(record));
        } catch {
          skipped += 1;
        }
      }
      report.replayed = (report.replayed ?? 0) + records.length - skipped;
      report.droppedBytes = (report.droppedBytes ?? 0) + droppedBytes;
      if (damage) {
        const was = report.journalDamage;
        report.journalDamage = {
          copies: [...(was?.copies ?? []), damage.copy],
          stretches: (was?.stretches ?? 0) + damage.gaps.length,
          lostBytes: (was?.lostBytes ?? 0) + damage.lostBytes,
          recovered: (was?.recovered ?? 0) + damage.recoveredAfter - skipped,
          skipped: (was?.skipped ?? 0) + skipped,
        };
      }
      if (generation === this.#generation) this.#journal = journal;
      else await journal.close();
    }
    this.#journal ??= (await Journal.open(journalPath(file, this.#generation), this.fs)).journal;
  }

  /** One record's statements, as they ran: one statement alone, several in one transaction. */
  #apply(statements: Statement[]): void {
    if (statements.length === 1) this.#execute(statements[0]!);
    else this.#transaction(statements);
  }

  async ready(): Promise<void> {
    await this.#reloading;
  }

  all(statement: Statement): Row[] {
    const stmt = this.#prepare(statement.sql);
    try {
      if (statement.params) stmt.bind(statement.params as never);
      const rows: Row[] = [];
      while (stmt.step()) rows.push(stmt.getAsObject() as Row);
      return rows;
    } finally {
      stmt.reset();
    }
  }

  get(statement: Statement): Row | undefined {
    return this.all(statement)[0];
  }

  /** Resolves once the change is on disk (journal fsynced); a statement that changed nothing resolves at once. */
  async run(statement: Statement): Promise<RunResult> {
    const { result, changed } = this.#execute(statement);
    if (changed) await this.#durable([statement]);
    return result;
  }

  /** All or nothing, and durable as one record. */
  async batch(statements: Statement[]): Promise<RunResult[]> {
    const { results, changed } = this.#transaction(statements);
    if (changed) await this.#durable(statements);
    return results;
  }

  /** Part of a large batch, kept until the batch's last part arrives (the main thread never posts it whole). */
  batchPart(batch: number, statements: Statement[]): void {
    const parts = this.#batches.get(batch) ?? [];
    for (const statement of statements) parts.push(statement);
    this.#batches.set(batch, parts);
  }

  takeBatch(batch: number | undefined, last: Statement[]): Statement[] {
    if (batch === undefined) return last;
    const parts = this.#batches.get(batch) ?? [];
    this.#batches.delete(batch);
    for (const statement of last) parts.push(statement);
    return parts;
  }

  #execute(statement: Statement): { result: RunResult; changed: boolean } {
    const db = this.#require();
    const [totalBefore] = this.#counters();
    const stmt = this.#prepare(statement.sql);
    try {
      if (statement.params) stmt.bind(statement.params as never);
      while (stmt.step()) {
        // drain: RETURNING rows are not used by run()
      }
    } finally {
      stmt.reset();
    }
    // sqlite3_changes() keeps the last DML statement's count through DDL and SELECTs: only trust it for DML.
    const changes = DML.test(statement.sql) ? db.getRowsModified() : 0;
    const [totalAfter, lastInsertRowid] = this.#counters();
    return { result: { changes, lastInsertRowid }, changed: totalAfter !== totalBefore || SCHEMA_CHANGE.test(statement.sql) };
  }

  #transaction(statements: Statement[]): { results: RunResult[]; changed: boolean } {
    const db = this.#require();
    db.exec('BEGIN');
    try {
      const runs = statements.map((statement) => this.#execute(statement));
      db.exec('COMMIT');
      return { results: runs.map((r) => r.result), changed: runs.some((r) => r.changed) };
    } catch (err) {
      db.exec('ROLLBACK');
      throw err;
    }
  }

  /**
   * total_changes() and last_insert_rowid(), read through one cached statement: db.exec would parse
   * and plan a new statement and build result arrays on every write (three times per write, once a
   * measurable part of the engine's CPU per vacancy).
   */
  #counters(): [number, number] {
    const stmt = this.#prepare('SELECT total_changes(), last_insert_rowid()');
    try {
      stmt.step();
      const [total, rowid] = stmt.get();
      return [Number(total ?? 0), Number(rowid ?? 0)];
    } finally {
      stmt.reset();
    }
  }

  /** Appends the write's record; on refusal the change is dropped from memory (by a reload) and the caller told why. */
  async #durable(statements: Statement[]): Promise<void> {
    const journal = this.#journal;
    if (!journal) throw new DatabaseFailure('not_open', 'The database is not open.');
    try {
      await journal.append(encodeRecord(statements));
    } catch (err) {
      const failure = storageFailure(err);
      this.#writeFailed = true;
      this.emit({ type: 'write-failed', code: failure.code as StorageFailureCode, message: failure.message });
      this.#reloading ??= this.#reload().finally(() => (this.#reloading = undefined));
      throw failure;
    }
    if (this.#writeFailed) {
      this.#writeFailed = false;
      this.emit({ type: 'write-recovered' });
    }
    this.#maybeCheckpoint(journal);
  }

  /** Back to what is on disk: the last checkpoint plus the journals' complete records. */
  async #reload(): Promise<void> {
    const options = this.#options!;
    await this.#checkpointing?.catch(() => {});
    await this.#journal?.close().catch(() => {});
    this.#journal = undefined;
    this.#freeStatements();
    this.#db?.close();
    const SQL = await loadSqlJs(options.wasmPath);
    this.#db = (await exists(options.file)) ? await tryOpen(SQL, options.file) : new SQL.Database();
    if (!this.#db) throw new DatabaseFailure('write_failed', 'The database file could not be read back after a failed write.');
    this.#applyPragmas();
    await this.#replay(await this.#generations(), {});
  }

  #maybeCheckpoint(journal: Journal) {
    const options = this.#options!;
    if (journal.bytes >= options.checkpointBytes) {
      setImmediate(() => void this.checkpoint().catch(() => {}));
    } else if (!this.#checkpointTimer) {
      this.#checkpointTimer = setTimeout(() => {
        this.#checkpointTimer = undefined;
        void this.checkpoint().catch(() => {});
      }, options.checkpointAgeMs);
      this.#checkpointTimer.unref?.();
    }
  }

  /**
   * Writes the whole database out and starts the next journal generation. Never on a write's path:
   * writes keep going to the new journal while the file is written.
   */
  checkpoint(options: { backup?: boolean } = {}): Promise<void> {
    this.#checkpointing ??= this.#checkpoint(options.backup ?? true).finally(() => (this.#checkpointing = undefined));
    return this.#checkpointing;
  }

  async #checkpoint(backup: boolean): Promise<void> {
    const options = this.#options!;
    clearTimeout(this.#checkpointTimer);
    this.#checkpointTimer = undefined;
    const old = this.#journal;
    const previous = this.#generation;
    const next = previous + 1;
    const fresh = (await Journal.open(journalPath(options.file, next), this.fs)).journal;
    // From here to the export nothing awaits: the export holds exactly the writes sent to `old`.
    this.#journal = fresh;
    this.#generation = next;
    const started = Date.now();
    this.#freeStatements();
    const db = this.#require();
    db.exec(`PRAGMA user_version = ${next}`);
    // Some sql.js versions close and reopen the database in export(): statements were freed above, pragmas come back below.
    const data = db.export();
    this.#applyPragmas();
    const refusedBefore = old?.refused ?? 0;
    await old?.settled();
    if (old && old.refused !== refusedBefore) {
      // A write in this export was refused by the journal: it must not reach the disk this way.
      await old.close().catch(() => {});
      return;
    }
    try {
      await writeAtomically(options.file, data);
    } catch (err) {
      // Every acknowledged write is still in the journals: nothing lost, the next checkpoint tries again.
      this.emit({ type: 'save-failed', message: (err as Error).message });
      await old?.close().catch(() => {});
      throw err;
    }
    await old?.close();
    for (const generation of (await this.#generations()).filter((g) => g < next))
      await this.fs.remove(journalPath(options.file, generation));
    this.emit({ type: 'saved', bytes: data.byteLength, ms: Date.now() - started, at: Date.now() });
    // While the app runs: a tray app open for weeks still gets a fresh backup every backupEveryMs.
    if (backup) this.#backupInBackground(new Date());
  }

  /**
   * A backup the caller does not wait for. A checkpoint may replace the file meanwhile: the copy
   * reads the file it opened, so it is one whole checkpoint or the other, never a mix.
   */
  #backupInBackground(now: Date): void {
    const previous = this.#backingUp ?? Promise.resolve();
    this.#backingUp = previous
      .then(() => this.#backup(now, false))
      .finally(() => {
        if (this.#backingUp === running) this.#backingUp = undefined;
      });
    const running = this.#backingUp;
  }

  /** A verified, fsynced copy of the checkpoint at most every backupEveryMs; a full disk skips it with a notice. */
  async #backup(now: Date, beforeMigration: boolean): Promise<void> {
    const options = this.#options!;
    try {
      const age = await newestBackupAge(options.file, now);
      if (beforeMigration || age === undefined || age > options.backupEveryMs) await makeBackup(options.file, options.backupsToKeep, now);
    } catch (err) {
      const errno = errnoOf(err);
      this.emit({
        type: 'backup-skipped',
        message: FULL.has(errno) ? 'the disk is full' : `the backup could not be written (${errno || (err as Error).message})`,
      });
    }
  }

  /** Resolves once every write so far is on disk, and folds them into a checkpoint (quit, suspend). */
  async flush(options: { backup?: boolean } = {}): Promise<void> {
    await this.#journal?.settled();
    // A checkpoint under way may have started before the last writes: wait for it, then fold in the rest.
    await this.#checkpointing?.catch(() => {});
    if (this.#journal && this.#journal.bytes > 0) await this.checkpoint(options);
    // Before a suspend the machine may sleep: a backup under way finishes first.
    await this.#backingUp;
  }

  /**
   * After values were replaced because they must not stay on disk: VACUUM rebuilds the database so
   * no free page keeps an old value, a checkpoint writes it out and removes the older journals, and
   * one copy of it replaces every backup (each older one still held the old values: losing their
   * history is the point). Without room for the new copy the old ones go all the same.
   */
  async scrub(): Promise<void> {
    const options = this.#options!;
    await this.#vacuum();
    await this.checkpoint({ backup: false });
    try {
      await makeBackup(options.file, 1, new Date());
    } catch (err) {
      for (const backup of await listBackups(options.file)) await rm(backup, { force: true });
      this.emit({ type: 'backup-skipped', message: `the backup could not be written (${errnoOf(err) || (err as Error).message})` });
    }
  }

  /**
   * VACUUM, then a checkpoint: free pages left by retention go, so the file, the memory and every
   * later export and open shrink with them. Holds writes while it runs (about monthly, once retention
   * has freed 16 MB); nothing it changes needs the journal (the content is the same).
   */
  async compact(): Promise<void> {
    await this.#vacuum();
    await this.checkpoint({ backup: true });
  }

  /** The database rebuilt without free pages, once every pending write, checkpoint and backup is done. */
  async #vacuum(): Promise<void> {
    await this.#journal?.settled();
    await this.#checkpointing?.catch(() => {});
    await this.#backingUp;
    this.#freeStatements();
    this.#require().exec('VACUUM');
    this.#applyPragmas();
  }

  async close(): Promise<void> {
    if (!this.#db) return;
    await this.#reloading?.catch(() => {});
    // The next start backs up what it finds, if one is due: no backup on the way out.
    await this.flush({ backup: false }).catch(() => {});
    await this.#backingUp;
    clearTimeout(this.#checkpointTimer);
    // A folder that became read-only (or full) refuses the last clean-ups: every acknowledged write is
    // already in the journal, and a lock left behind is judged stale by the next start (its process
    // is gone), so quitting goes on and ends normally rather than failing with the disk's error.
    await this.#closeJournal().catch((err: unknown) => {
      if (!isStorageRefusal(err)) throw err;
    });
    this.#freeStatements();
    this.#db.close();
    this.#db = undefined;
    await this.#release?.().catch((err: unknown) => {
      if (!isStorageRefusal(err)) throw err;
    });
    this.#release = undefined;
  }

  /** An empty journal is not left behind (after a final checkpoint, or an open that was refused). */
  async #closeJournal(): Promise<void> {
    const journal = this.#journal;
    this.#journal = undefined;
    if (!journal) return;
    await journal.close();
    if (journal.bytes === 0) await this.fs.remove(journal.path);
  }

  #require(): Database {
    if (!this.#db) throw new DatabaseFailure('not_open', 'The database is not open.');
    return this.#db;
  }

  #prepare(sql: string): SqlStatement {
    let stmt = this.#statements.get(sql);
    if (!stmt) {
      stmt = this.#require().prepare(sql);
      this.#statements.set(sql, stmt);
    }
    return stmt;
  }

  #freeStatements() {
    for (const stmt of this.#statements.values()) {
      try {
        stmt.free();
      } catch {
        // already freed by export()
      }
    }
    this.#statements.clear();
  }

  /**
   * Per connection, so again after every export (which reopens it). The rollback journal lives in
   * memory: the database itself is in memory, durability is the app's own journal's job, and SQLite's
   * default journal file in the in-memory file system made every write create, write and delete a
   * file (about 4 times the cost of the write itself). ROLLBACK still works from the memory journal.
   * Exclusive locking: this connection is the file's only user, so SQLite keeps its page cache and
   * skips the hot-journal check and the header read it otherwise does at every statement (a read by
   * id was about 5 times slower without it).
   */
  #applyPragmas() {
    this.#require().exec(
      'PRAGMA foreign_keys = ON; PRAGMA journal_mode = MEMORY; PRAGMA temp_store = MEMORY; PRAGMA locking_mode = EXCLUSIVE;',
    );
  }

  #userVersion(): number {
    return Number(this.#require().exec('PRAGMA user_version')[0]?.values[0]?.[0] ?? 0);
  }

  #schemaVersion(): number {
    const db = this.#require();
    db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    return Number(db.exec('SELECT coalesce(max(version), 0) FROM schema_version')[0]?.values[0]?.[0] ?? 0);
  }

  /** Runs every migration not recorded yet, in version order (not only those above the highest). */
  #migrate(from: number) {
    const db = this.#require();
    const applied = new Set((db.exec('SELECT version FROM schema_version')[0]?.values ?? []).map(([v]) => Number(v)));
    for (const migration of migrations.filter((m) => from === 0 || !applied.has(m.version))) {
      db.exec('BEGIN');
      try {
        db.exec(migration.sql);
        db.run('INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)', [
          migration.version,
          migration.name,
          new Date().toISOString(),
        ]);
        db.exec('COMMIT');
      } catch (err) {
        db.exec('ROLLBACK');
        throw new DatabaseFailure(
          'migration_failed',
          `Updating the database to version ${migration.version} (${migration.name}) failed: ${(err as Error).message}`,
        );
      }
    }
  }
}

/**
 * Checks every page of every ordinary table and index. Virtual tables are left out on purpose: a
 * whole-database integrity_check makes FTS4 re-tokenise every description (seconds for 20k
 * vacancies), while its shadow tables, which hold the index's pages, are ordinary tables and are
 * checked here like the rest.
 */
export function checkPages(db: Database): void {
  const tables = db.exec("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'")[0]?.values ?? [];
  for (const [name] of tables) {
    const result = db.exec(`PRAGMA quick_check("${String(name).replace(/"/g, '""')}")`)[0]?.values[0]?.[0];
    if (result !== 'ok') throw new Error(String(result));
  }
}

/** Opens a database file only if SQLite vouches for it; an empty file is not a database either. */
async function tryOpen(SQL: SqlJsStatic, path: string): Promise<Database | undefined> {
  let db: Database | undefined;
  try {
    const data = await readFile(path);
    if (data.byteLength === 0) return undefined;
    db = new SQL.Database(data);
    checkPages(db);
    return db;
  } catch {
    db?.close();
    return undefined;
  }
}

export type { SqlParams };

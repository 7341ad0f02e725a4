import { readFile } from 'node:fs/promises';
import initSqlJs, { type Database, type SqlJsStatic, type Statement as SqlStatement } from 'sql.js';
import { latestSchemaVersion, migrations } from '../migrations';
import { acquireLock } from './lock';
import { exists, listBackups, makeBackup, newestBackupAge, removeStaleTemps, setAside, writeAtomically } from './files';
import type { OpenOptions, OpenReport, Row, RunResult, SqlParams, Statement, WorkerEvent } from './protocol';

export class DatabaseFailure extends Error {
  constructor(
    readonly code: 'damaged_no_backup' | 'newer_schema' | 'not_open' | 'migration_failed' | 'locked',
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

/**
 * sql.js keeps the whole database in memory; this engine makes that durable. It runs inside the
 * worker thread, so neither exporting nor writing a large database ever blocks the main process.
 */
export class DatabaseEngine {
  #db?: Database;
  #options?: OpenOptions;
  #statements = new Map<string, SqlStatement>();
  #dirtySince?: number;
  #timer?: NodeJS.Timeout;
  #saving?: Promise<void>;
  /** Counts writes; a save records the count it captured, so flush() knows when its writes are in. */
  #writes = 0;
  #savedWrites = 0;
  #release?: () => Promise<void>;

  constructor(private readonly emit: (event: WorkerEvent) => void = () => {}) {}

  async open(options: OpenOptions): Promise<OpenReport> {
    this.#options = options;
    const lock = await acquireLock(options.file);
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
      await this.#release();
      this.#release = undefined;
      throw err;
    }
  }

  async #open(options: OpenOptions): Promise<OpenReport> {
    const SQL = await loadSqlJs(options.wasmPath);
    await removeStaleTemps(options.file);
    const now = new Date();
    const report: Partial<OpenReport> = {};
    let db: Database | undefined;

    const existed = await exists(options.file);
    if (existed) {
      db = await tryOpen(SQL, options.file);
      if (!db) {
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
        // Moved aside (never overwritten) before a backup or an empty database takes its place.
        report.damagedKeptAt = await setAside(options.file, now);
      }
    }
    report.created = !db;
    this.#db = db ?? new SQL.Database();
    this.#applyPragmas();

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
      await makeBackup(options.file, options.backupsToKeep, now);
    }
    this.#migrate(before);
    report.schemaVersion = latestSchemaVersion;
    if (upgrading) report.migratedFrom = before;

    if (report.created || report.restoredFrom || report.migratedFrom !== undefined) {
      this.#markDirty();
      await this.flush();
    } else {
      const age = await newestBackupAge(options.file, now);
      if (age === undefined || age > options.backupEveryMs) await makeBackup(options.file, options.backupsToKeep, now);
    }
    return report as OpenReport;
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

  run(statement: Statement): RunResult {
    const db = this.#require();
    const totalBefore = this.#totalChanges();
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
    const lastInsertRowid = Number(db.exec('SELECT last_insert_rowid()')[0]?.values[0]?.[0] ?? 0);
    if (this.#totalChanges() !== totalBefore || SCHEMA_CHANGE.test(statement.sql)) this.#markDirty();
    return { changes, lastInsertRowid };
  }

  #totalChanges(): number {
    return Number(this.#require().exec('SELECT total_changes()')[0]?.values[0]?.[0] ?? 0);
  }

  /** All or nothing: a failing statement rolls back the ones before it. */
  batch(statements: Statement[]): RunResult[] {
    const db = this.#require();
    db.exec('BEGIN');
    try {
      const results = statements.map((statement) => this.run(statement));
      db.exec('COMMIT');
      return results;
    } catch (err) {
      db.exec('ROLLBACK');
      throw err;
    }
  }

  /**
   * Resolves once every write made before the call is on disk. Writes that keep arriving after the
   * call do not hold it up: it waits for the first save that includes its own writes.
   */
  async flush(): Promise<void> {
    const target = this.#writes;
    while (this.#savedWrites < target) {
      if (this.#saving) await this.#saving;
      else await this.#save();
    }
  }

  async close(): Promise<void> {
    if (!this.#db) return;
    await this.flush();
    this.#freeStatements();
    this.#db.close();
    this.#db = undefined;
    await this.#release?.();
    this.#release = undefined;
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

  #applyPragmas() {
    this.#require().exec('PRAGMA foreign_keys = ON;');
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
        throw new DatabaseFailure('migration_failed', `Updating the database to version ${migration.version} (${migration.name}) failed: ${(err as Error).message}`);
      }
    }
  }

  #markDirty() {
    this.#writes += 1;
    this.#dirtySince ??= Date.now();
    this.#schedule();
  }

  /** Debounced, but never later than maxWaitMs after the oldest unsaved write. */
  #schedule() {
    const options = this.#options!;
    if (this.#dirtySince === undefined) return;
    clearTimeout(this.#timer);
    const wait = Math.max(0, Math.min(options.debounceMs, this.#dirtySince + options.maxWaitMs - Date.now()));
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.#save().catch(() => {});
    }, wait);
  }

  #save(): Promise<void> {
    if (this.#saving) return this.#saving;
    const options = this.#options!;
    this.#saving = (async () => {
      const started = Date.now();
      const dirtySince = this.#dirtySince;
      const writes = this.#writes;
      this.#dirtySince = undefined;
      clearTimeout(this.#timer);
      this.#timer = undefined;
      // Some sql.js versions close and reopen the database in export(), killing statements and
      // resetting pragmas; free the statements first (so none leak either way), re-apply pragmas after.
      this.#freeStatements();
      const data = this.#require().export();
      this.#applyPragmas();
      try {
        await writeAtomically(options.file, data);
        this.#savedWrites = Math.max(this.#savedWrites, writes);
        this.emit({ type: 'saved', bytes: data.byteLength, ms: Date.now() - started, at: Date.now() });
      } catch (err) {
        // Still unsaved: keep the oldest pending write's time so the retry is not postponed forever.
        this.#dirtySince = Math.min(this.#dirtySince ?? Infinity, dirtySince ?? started);
        this.emit({ type: 'save-failed', message: (err as Error).message });
        throw err;
      }
    })().finally(() => {
      this.#saving = undefined;
      // Writes that arrived while this save ran need one more.
      if (!this.#timer) this.#schedule();
    });
    return this.#saving;
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

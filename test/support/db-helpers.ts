/**
 * Plain helpers for the database tests: no Vitest imports here, because the kill test's child
 * process (db-writer-child.ts) uses this file too. Vitest-aware set-up and clean-up is in db-sandbox.ts.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import initSqlJs, { type Database, type SqlJsStatic, type SqlValue } from 'sql.js';
import { migrations } from '../../main/core/db/migrations';
import { defaultWasmPath } from '../../main/core/db/options';

/** The audit_log action the kill test writes; `target` holds the sequence number. */
export const KILL_TEST_ACTION = 'kill-test.write';

export { seededRandom } from './random';

let sqlJs: Promise<SqlJsStatic> | undefined;
/** sql.js in the test's own thread, independent of the worker under test. */
export const loadSqlJs = () => (sqlJs ??= initSqlJs({ locateFile: () => defaultWasmPath() }));

/** Opens a database file directly with sql.js (not through the engine). Throws if it is not a database. */
export async function openFile(path: string): Promise<Database> {
  const SQL = await loadSqlJs();
  return new SQL.Database(await readFile(path));
}

export function queryAll(db: Database, sql: string, params: SqlValue[] = []): Record<string, SqlValue>[] {
  const stmt = db.prepare(sql);
  try {
    stmt.bind(params);
    const rows: Record<string, SqlValue>[] = [];
    while (stmt.step()) rows.push(stmt.getAsObject());
    return rows;
  } finally {
    stmt.free();
  }
}

/** Runs one query against a database file read from disk right now. */
export async function queryFile(path: string, sql: string, params: SqlValue[] = []): Promise<Record<string, SqlValue>[]> {
  const db = await openFile(path);
  try {
    return queryAll(db, sql, params);
  } finally {
    db.close();
  }
}

/** Exactly what the engine creates before migrating (engine.ts #schemaVersion). */
const SCHEMA_VERSION_TABLE =
  'CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)';

/** A database as an older app version left it: migrations 1..version applied the way the engine applies them. */
export async function databaseAtVersion(version: number): Promise<Database> {
  const SQL = await loadSqlJs();
  const db = new SQL.Database();
  db.exec('PRAGMA foreign_keys = ON;');
  db.exec(SCHEMA_VERSION_TABLE);
  for (const migration of migrations.filter((m) => m.version <= version)) {
    db.exec('BEGIN');
    db.exec(migration.sql);
    db.run('INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)', [
      migration.version,
      migration.name,
      '2024-05-01T10:00:00.000Z',
    ]);
    db.exec('COMMIT');
  }
  return db;
}

export const tableExists = (db: Database, name: string) =>
  queryAll(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [name]).length > 0;

/** Realistic rows from a user's first weeks: searches, vacancies (Russian text), applications, audit entries. */
export const fixture = {
  savedSearches: [
    { id: 1, name: 'Frontend, Москва', filters_json: '{"text":"React","area":"1","schedule":"remote"}', mode: 'review' },
    { id: 2, name: 'Python удалённо', filters_json: '{"text":"Python","schedule":"remote"}', mode: 'autopilot' },
  ],
  vacancies: [
    {
      id: 1,
      hh_id: '98765401',
      title: 'Frontend-разработчик (React)',
      employer_name: 'Яндекс',
      description_text: 'Разрабатываем интерфейсы поиска. Стек: TypeScript, React, Node.js.',
      status: 'applied',
      search: 1,
    },
    {
      id: 2,
      hh_id: '98765402',
      title: 'Ведущий Python-разработчик',
      employer_name: 'Сбер',
      description_text: 'Микросервисы на FastAPI, PostgreSQL, Kafka. Удалённая работа.',
      status: 'found',
      search: 2,
    },
    {
      id: 3,
      hh_id: '98765403',
      title: 'Инженер по тестированию',
      employer_name: null,
      description_text: 'Автотесты на Playwright, ручное тестирование мобильных приложений.',
      status: 'drafted',
      search: null,
    },
  ],
  applications: [
    { id: 1, vacancy_id: 1, letter: 'Здравствуйте! Пять лет пишу на React…', state: 'sent', sent_at: '2024-05-02T09:15:00.000Z' },
    { id: 2, vacancy_id: 3, letter: 'Добрый день! Интересует позиция тестировщика.', state: 'draft', sent_at: null },
  ],
  auditLog: [
    { at: '2024-05-02T09:14:58.000Z', action: 'application.send', target: '98765401', outcome: 'ok', details: 'transport=api' },
    { at: '2024-05-02T09:20:00.000Z', action: 'search.run', target: '1', outcome: 'ok', details: 'found=12' },
    { at: '2024-05-02T09:21:00.000Z', action: 'application.send', target: '98765402', outcome: 'refused', details: 'daily limit' },
  ],
};

/** Inserts `fixture` into tables of schema version 1 (or later, as long as these columns exist). */
export function insertFixture(db: Database): void {
  const at = '2024-05-01T12:00:00.000Z';
  for (const s of fixture.savedSearches) {
    db.run(
      'INSERT INTO saved_searches (id, name, filters_json, interval_hours, active, mode, created_at, updated_at) VALUES (?, ?, ?, 4, 1, ?, ?, ?)',
      [s.id, s.name, s.filters_json, s.mode, at, at],
    );
  }
  for (const v of fixture.vacancies) {
    db.run(
      `INSERT INTO vacancies (id, hh_id, title, employer_name, salary_from, salary_currency, area_name, url, description_text,
         key_skills_json, status, found_by_search_id, first_seen_at, updated_at)
       VALUES (?, ?, ?, ?, 250000, 'RUR', 'Москва', ?, ?, '["TypeScript"]', ?, ?, ?, ?)`,
      [v.id, v.hh_id, v.title, v.employer_name, `https://hh.ru/vacancy/${v.hh_id}`, v.description_text, v.status, v.search, at, at],
    );
  }
  for (const a of fixture.applications) {
    db.run(
      'INSERT INTO applications (id, vacancy_id, resume_hh_id, letter, state, attempts, created_at, sent_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?)',
      [a.id, a.vacancy_id, 'resume-1', a.letter, a.state, at, a.sent_at],
    );
  }
  for (const e of fixture.auditLog) {
    db.run('INSERT INTO audit_log (at, action, target, outcome, details) VALUES (?, ?, ?, ?, ?)', [
      e.at,
      e.action,
      e.target,
      e.outcome,
      e.details,
    ]);
  }
}

export async function exportTo(db: Database, path: string): Promise<void> {
  await writeFile(path, db.export());
}

export type TableSnapshot = Map<string, { columns: string[]; rows: SqlValue[][] }>;
type Query = (sql: string) => Record<string, SqlValue>[] | Promise<Record<string, SqlValue>[]>;

/**
 * Every user table (not sqlite_*, not FTS shadow tables) with its columns and rows in rowid order.
 * `query` runs SQL on a file opened with sql.js (`(sql) => queryAll(db, sql)`) or through a client (`(sql) => db.all(sql)`).
 */
export async function snapshotTables(query: Query): Promise<TableSnapshot> {
  const snapshot: TableSnapshot = new Map();
  const tables = await query("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
  const virtual = tables.filter((t) => /CREATE VIRTUAL TABLE/i.test(String(t.sql))).map((t) => String(t.name));
  for (const { name } of tables) {
    const table = String(name);
    if (virtual.some((v) => table === v || table.startsWith(`${v}_`))) continue;
    const columns = (await query(`PRAGMA table_info("${table}")`)).map((c) => String(c.name));
    const rows = await query(`SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM "${table}" ORDER BY rowid`);
    snapshot.set(table, { columns, rows: rows.map((row) => columns.map((c) => row[c]!)) });
  }
  return snapshot;
}

/** Files in a data folder, split the way the tests look at them. */
export async function folderState(dir: string) {
  const names = await readdir(dir);
  const backups = (await readdir(join(dir, 'backups')).catch(() => [] as string[])).sort();
  return {
    names,
    temps: names.filter((n) => n.includes('.tmp')),
    damaged: names.filter((n) => n.includes('.damaged-')),
    backups: backups.filter((n) => n.endsWith('.bak')),
    backupTemps: backups.filter((n) => !n.endsWith('.bak')),
  };
}

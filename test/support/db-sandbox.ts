/**
 * Per-test data folders and database clients for the db-*.test.ts files: everything made through a
 * sandbox is closed and deleted after each test, pass or fail.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, expect } from 'vitest';
import { DatabaseClient, DatabaseError } from '../../main/core/db/client';
import { databaseOptions, sourceWorkerEntry } from '../../main/core/db/options';
import { DatabaseEngine } from '../../main/core/db/worker/engine';
import type { OpenOptions, SqlParams, Statement } from '../../main/core/db/worker/protocol';

/** What a set-up session writes with: the client's calls, served by an engine in this thread. */
export interface SessionDb {
  run(sql: string, params?: SqlParams): Promise<unknown>;
  batch(statements: Statement[]): Promise<unknown>;
}

export function dbSandbox() {
  const dirs: string[] = [];
  const fileDirs: string[] = [];
  const clients = new Set<DatabaseClient>();

  afterEach(async () => {
    for (const client of clients) await client.close().catch(() => {});
    clients.clear();
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });
  afterAll(async () => {
    for (const dir of fileDirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });

  return {
    /**
     * A fresh, empty data folder (the database will be `<dir>/app.sqlite`), deleted after the test, or
     * with 'file' after the whole file: for a state made once in beforeAll and copied by each test.
     */
    async dataDir(lifetime: 'test' | 'file' = 'test'): Promise<string> {
      const dir = await mkdtemp(join(tmpdir(), 'aaa-db-test-'));
      (lifetime === 'file' ? fileDirs : dirs).push(dir);
      return dir;
    },

    /** DatabaseClient.open on `<dir>/app.sqlite` with the app's defaults plus `overrides`. */
    async open(dir: string, overrides: Partial<OpenOptions> = {}) {
      const opened = await DatabaseClient.open(sourceWorkerEntry(), databaseOptions(dir, overrides));
      clients.add(opened.db);
      return opened;
    },

    /**
     * Opens, runs `work`, closes: one app session, for putting a folder into a state. The engine runs
     * in this thread: a worker thread per session would only add start-up time (sql.js and the
     * TypeScript loader again each time); the open a test is about goes through `open` and a worker.
     */
    async session<T>(dir: string, overrides: Partial<OpenOptions>, work: (db: SessionDb) => Promise<T>): Promise<T> {
      const engine = new DatabaseEngine();
      await engine.open(databaseOptions(dir, overrides));
      try {
        return await work({
          run: async (sql, params) => engine.run({ sql, params }),
          batch: async (statements) => engine.batch(statements),
        });
      } finally {
        await engine.close();
      }
    },
  };
}

/** Awaits a promise that must reject with a DatabaseError, and returns that error. */
export async function expectDatabaseError(promise: Promise<unknown>, code: string): Promise<DatabaseError> {
  const error = await promise.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(error, `expected a DatabaseError with code ${code}`).toBeInstanceOf(DatabaseError);
  expect((error as DatabaseError).code).toBe(code);
  return error as DatabaseError;
}

/**
 * Per-test data folders and database clients for the db-*.test.ts files: everything made through a
 * sandbox is closed and deleted after each test, pass or fail.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect } from 'vitest';
import { DatabaseClient, DatabaseError } from '../../main/core/db/client';
import { databaseOptions, sourceWorkerEntry } from '../../main/core/db/options';
import type { OpenOptions } from '../../main/core/db/worker/protocol';

export function dbSandbox() {
  const dirs: string[] = [];
  const clients = new Set<DatabaseClient>();

  afterEach(async () => {
    for (const client of clients) await client.close().catch(() => {});
    clients.clear();
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });

  return {
    /** A fresh, empty data folder (the database will be `<dir>/app.sqlite`). */
    async dataDir(): Promise<string> {
      const dir = await mkdtemp(join(tmpdir(), 'aaa-db-test-'));
      dirs.push(dir);
      return dir;
    },

    /** DatabaseClient.open on `<dir>/app.sqlite` with the app's defaults plus `overrides`. */
    async open(dir: string, overrides: Partial<OpenOptions> = {}) {
      const opened = await DatabaseClient.open(sourceWorkerEntry(), databaseOptions(dir, overrides));
      clients.add(opened.db);
      return opened;
    },

    /** Opens, runs `work`, closes: one app session. */
    async session<T>(dir: string, overrides: Partial<OpenOptions>, work: (db: DatabaseClient) => Promise<T>): Promise<T> {
      const { db } = await this.open(dir, overrides);
      try {
        return await work(db);
      } finally {
        await db.close();
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

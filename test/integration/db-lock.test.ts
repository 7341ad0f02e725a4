import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseClient } from '../../main/core/db/client';
import { databaseOptions, sourceWorkerEntry } from '../../main/core/db/options';
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

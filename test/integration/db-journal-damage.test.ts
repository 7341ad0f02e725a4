/**
 * A journal damaged on disk, as a power cut or a bad sector leaves it: the data folder is copied
 * while the app runs (every write acknowledged, so fsynced), the copy's journal is damaged, and the
 * copy is opened. Each variant asserts exactly which acknowledged writes come back.
 */
import { copyFile, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { frame, readRecords } from '../../main/core/db/worker/journal';
import { seededRandom } from '../support/random';
import { dbSandbox } from '../support/db-sandbox';
import { startTestCore } from '../support/core';

const sandbox = dbSandbox();
const WRITES = 30;

const DATA = /^app\.sqlite(\.journal\.\d+)?$/;

/** The data file and its journal copied while the app still runs (its writes acknowledged), as a power cut leaves them. */
async function snapshot(dir: string): Promise<{ dir: string; path: string }> {
  const cut = await sandbox.dataDir();
  for (const name of await readdir(dir)) if (DATA.test(name)) await copyFile(join(dir, name), join(cut, name));
  const journal = (await readdir(cut)).find((name) => /^app\.sqlite\.journal\.\d+$/.test(name))!;
  return { dir: cut, path: join(cut, journal) };
}

/** A folder as a power cut leaves it after WRITES acknowledged writes (rows note-1..note-30). */
async function afterPowerCut() {
  const dir = await sandbox.dataDir();
  const { db } = await sandbox.open(dir);
  for (let n = 1; n <= WRITES; n += 1) {
    await db.run(
      "INSERT INTO audit_log (at, action, target, outcome, details) VALUES ('2026-12-07T10:00:00.000Z', 'test.write', '', 'ok', ?)",
      [`note-${n}`],
    );
  }
  const { dir: cut, path } = await snapshot(dir);
  await db.close();
  const bytes = new Uint8Array(await readFile(path));
  expect(readRecords(bytes).records).toHaveLength(WRITES);
  return { dir: cut, path, bytes };
}

const survivors = async (dir: string) => {
  const { db, report } = await sandbox.open(dir);
  const rows = await db.all<{ details: string }>("SELECT details FROM audit_log WHERE action = 'test.write' ORDER BY id");
  return { notes: rows.map((r) => r.details), report, db };
};

const all = Array.from({ length: WRITES }, (_, i) => `note-${i + 1}`);

describe('a journal damaged on disk', () => {
  it('a tail of zeros (8 bytes, or a whole 4 KB block) is a torn tail: every acknowledged write is there', async () => {
    for (const zeros of [8, 4096]) {
      const { dir, path, bytes } = await afterPowerCut();
      await writeFile(path, Buffer.concat([bytes, new Uint8Array(zeros)]));
      const { notes, report, db } = await survivors(dir);
      expect(notes, `${zeros} zero bytes`).toEqual(all);
      expect(report).toMatchObject({ droppedBytes: zeros });
      expect(report.journalDamage).toBeUndefined();
      await db.close();
    }
  });

  it('random bytes after the last record, and a record cut mid-way (never acknowledged): every acknowledged write is there', async () => {
    const random = seededRandom(20261207);
    const garbage = Uint8Array.from({ length: 300 }, () => Math.floor(random() * 256));
    const unacknowledged = frame(new TextEncoder().encode(JSON.stringify([{ sql: 'DELETE FROM audit_log' }])));
    for (const tail of [garbage, unacknowledged.subarray(0, unacknowledged.byteLength - 3)]) {
      const { dir, path, bytes } = await afterPowerCut();
      await writeFile(path, Buffer.concat([bytes, tail]));
      const { notes, report, db } = await survivors(dir);
      expect(notes).toEqual(all);
      expect(report.droppedBytes).toBe(tail.byteLength);
      expect(report.journalDamage).toBeUndefined();
      await db.close();
    }
  });

  it('one bad byte mid-file: that write is lost, every later one is recovered, a copy is kept, and the user is told', async () => {
    const { dir, path, bytes } = await afterPowerCut();
    const { offsets } = readRecords(bytes);
    const damaged = Buffer.from(bytes);
    // A byte inside the 15th record's payload.
    damaged[offsets[14]! + 12] = damaged[offsets[14]! + 12]! ^ 0x5a;
    await writeFile(path, damaged);

    const first = await survivors(dir);
    expect(first.notes).toEqual(all.filter((note) => note !== 'note-15'));
    expect(first.report.journalDamage).toMatchObject({ stretches: 1, recovered: 15, skipped: 0, lostBytes: expect.any(Number) });
    const [copy] = first.report.journalDamage!.copies;
    expect(copy).toContain(`${path}.damaged-`);
    expect(new Uint8Array(await readFile(copy!))).toEqual(new Uint8Array(damaged));
    await first.db.close();

    // The journal was rewritten clean (or folded into a checkpoint): the next start finds nothing wrong.
    const second = await survivors(dir);
    expect(second.notes).toEqual(first.notes);
    expect(second.report.journalDamage).toBeUndefined();
    await second.db.close();
  });

  it("the app says so in a notice, with the copy's name and the counts", async () => {
    const { dir, path, bytes } = await afterPowerCut();
    const { offsets } = readRecords(bytes);
    const damaged = Buffer.from(bytes);
    damaged[offsets[3]! + 12] = damaged[offsets[3]! + 12]! ^ 0x01;
    await writeFile(path, damaged);
    const app = await startTestCore({ dataDir: dir });
    try {
      const notice = app.core.notices().find((n) => n.code === 'database_journal_damaged');
      expect(notice).toMatchObject({
        level: 'warning',
        params: { stretches: '1', recovered: String(WRITES - 4), skipped: '0', copy: expect.stringContaining('.damaged-') },
      });
    } finally {
      await app.close();
    }
  });

  it('a damaged length in the middle: the records after it are found by their checksums', async () => {
    const { dir, path, bytes } = await afterPowerCut();
    const { offsets } = readRecords(bytes);
    const damaged = Buffer.from(bytes);
    damaged.writeUInt32LE(0xfffffff0, offsets[9]!);
    await writeFile(path, damaged);
    const { notes, report, db } = await survivors(dir);
    expect(notes).toEqual(all.filter((note) => note !== 'note-10'));
    expect(report.journalDamage).toMatchObject({ stretches: 1, recovered: 20 });
    await db.close();
  });

  it('a bad record whose later writes depend on it: those are left out and counted, the rest recovered', async () => {
    const dir = await sandbox.dataDir();
    const { db } = await sandbox.open(dir);
    await db.run("INSERT INTO vacancies (hh_id, title, first_seen_at, updated_at) VALUES ('v-1', 'Разработчик', 'x', 'x')");
    const vacancy = (await db.get<{ id: number }>("SELECT id FROM vacancies WHERE hh_id = 'v-1'"))!.id;
    await db.run("INSERT INTO applications (vacancy_id, letter, state, created_at) VALUES (?, 'Письмо', 'draft', 'x')", [vacancy]);
    await db.run("INSERT INTO audit_log (at, action, outcome, details) VALUES ('x', 'test.write', 'ok', 'after')");
    const { dir: cut, path: journal } = await snapshot(dir);
    await db.close();
    const bytes = Buffer.from(await readFile(journal));
    const { offsets } = readRecords(bytes);
    // The vacancy's record is damaged: the application that points at it cannot be applied.
    bytes[offsets[0]! + 10] = bytes[offsets[0]! + 10]! ^ 0xff;
    await writeFile(journal, bytes);
    const { notes, report, db: reopened } = await survivors(cut);
    expect(notes).toEqual(['after']);
    expect(report.journalDamage).toMatchObject({ stretches: 1, recovered: 1, skipped: 1 });
    expect(await reopened.all('SELECT id FROM applications')).toEqual([]);
    await reopened.close();
  });
});

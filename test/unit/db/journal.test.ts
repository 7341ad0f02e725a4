import { mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { crc32, Journal, nodeJournalFs, readRecords, type JournalFs } from '../../../main/core/db/worker/journal';
import { decodeRecord, encodeRecord } from '../../../main/core/db/worker/records';
import { seededRandom } from '../../support/random';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aaa-journal-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const text = (n: number) => new TextEncoder().encode(`запись ${n} `.repeat(1 + (n % 7)));
const decoded = (records: Uint8Array[]) => records.map((r) => new TextDecoder().decode(r));

/** A file system that counts fsyncs and fails writes while `failWith` is set. */
function countingFs() {
  const state = { syncs: 0, failWith: undefined as string | undefined, failTruncate: false };
  const fs: JournalFs = {
    ...nodeJournalFs,
    async openForAppend(path) {
      const real = await nodeJournalFs.openForAppend(path);
      return {
        write: async (data) => {
          if (state.failWith) {
            // Half of it reaches the disk before the error, as a full disk does.
            await real.write(data.subarray(0, Math.floor(data.byteLength / 2)));
            throw Object.assign(new Error(`${state.failWith}: simulated`), { code: state.failWith });
          }
          await real.write(data);
        },
        sync: async () => {
          state.syncs += 1;
          await real.sync();
        },
        truncate: async (size) => {
          if (state.failTruncate) throw Object.assign(new Error('EIO: simulated'), { code: 'EIO' });
          await real.truncate(size);
        },
        close: () => real.close(),
      };
    },
  };
  return { fs, state };
}

describe('the write-ahead journal', () => {
  it("CRC-32 is zlib's", () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('gives back every record appended, in order, after a reopen', async () => {
    const path = join(dir, 'j');
    const { journal } = await Journal.open(path);
    await Promise.all(Array.from({ length: 50 }, (_, n) => journal.append(text(n))));
    await journal.close();
    const again = await Journal.open(path);
    expect(decoded(again.records)).toEqual(Array.from({ length: 50 }, (_, n) => new TextDecoder().decode(text(n))));
    expect(again.droppedBytes).toBe(0);
    await again.journal.close();
  });

  it('appends that arrive together share one fsync (group commit)', async () => {
    const { fs, state } = countingFs();
    const { journal } = await Journal.open(join(dir, 'j'), fs);
    await Promise.all(Array.from({ length: 100 }, (_, n) => journal.append(text(n))));
    // The first append starts a commit alone; the 99 behind it share the next ones.
    expect(state.syncs).toBeLessThan(10);
    await journal.close();
  });

  it('power loss, 100 cuts at random byte offsets and flipped bytes in the last record: opening never fails, every record before the cut is there, nothing after it', async () => {
    const path = join(dir, 'j');
    const { journal } = await Journal.open(path);
    const count = 40;
    for (let n = 0; n < count; n += 1) await journal.append(text(n));
    await journal.close();
    const full = await readFile(path);
    const ends: number[] = [];
    let at = 0;
    for (const record of readRecords(full).records) ends.push((at += 8 + record.byteLength));
    const random = seededRandom(20261127);
    for (let trial = 0; trial < 100; trial += 1) {
      const cut = Math.floor(random() * full.byteLength);
      const damaged = Buffer.from(full.subarray(0, cut));
      const flip = trial % 3 === 0 && cut > 0;
      if (flip) damaged[cut - 1] = damaged[cut - 1]! ^ 0xff;
      const trialPath = join(dir, `t${trial}`);
      await writeFile(trialPath, damaged);
      const opened = await Journal.open(trialPath);
      const complete = ends.filter((end) => end <= cut - (flip ? 1 : 0)).length;
      expect(opened.records.length, `cut at ${cut}${flip ? ', last byte flipped' : ''}`).toBe(complete);
      expect(decoded(opened.records)).toEqual(Array.from({ length: complete }, (_, n) => new TextDecoder().decode(text(n))));
      // The torn tail is cut off: what follows is appended after good records only.
      await opened.journal.append(text(999));
      await opened.journal.close();
      const again = await Journal.open(trialPath);
      expect(again.records.length).toBe(complete + 1);
      await again.journal.close();
    }
  });

  it('a full disk refuses the append and everything queued behind it, leaves no partial record, and works again when space returns', async () => {
    const { fs, state } = countingFs();
    const path = join(dir, 'j');
    const { journal } = await Journal.open(path, fs);
    await journal.append(text(1));
    state.failWith = 'ENOSPC';
    const refused = await Promise.allSettled([journal.append(text(2)), journal.append(text(3))]);
    expect(refused.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect((refused[0] as PromiseRejectedResult).reason).toMatchObject({ code: 'ENOSPC' });
    state.failWith = undefined;
    await journal.append(text(4));
    await journal.close();
    const again = await Journal.open(path);
    expect(decoded(again.records)).toEqual([text(1), text(4)].map((t) => new TextDecoder().decode(t)));
    await again.journal.close();
  });

  it('when the partial record cannot be cut off, the journal refuses every later append', async () => {
    const { fs, state } = countingFs();
    const { journal } = await Journal.open(join(dir, 'j'), fs);
    state.failWith = 'EIO';
    state.failTruncate = true;
    await expect(journal.append(text(1))).rejects.toMatchObject({ code: 'EIO' });
    state.failWith = undefined;
    await expect(journal.append(text(2))).rejects.toMatchObject({ code: 'EIO' });
    await journal.close();
  });

  it('a zero-length or missing file is an empty journal', async () => {
    const path = join(dir, 'j');
    await writeFile(path, '');
    await truncate(path, 0);
    for (const file of [path, join(dir, 'none')]) {
      const opened = await Journal.open(file);
      expect(opened.records).toEqual([]);
      await opened.journal.close();
    }
  });
});

describe('journal records', () => {
  it('carry statements with positional, named and blob parameters', () => {
    const statements = [
      { sql: 'INSERT INTO t VALUES (?, ?, ?)', params: [1, 'текст', null] },
      { sql: 'UPDATE t SET b = $b WHERE id = $id', params: { $b: new Uint8Array([0, 255, 7]), $id: 1 } },
      { sql: 'DELETE FROM t' },
    ];
    expect(decodeRecord(encodeRecord(statements))).toEqual(statements);
  });
});

describe('a refused write as the rest of the app sees it', () => {
  it('is an AppError the contract carries with a storage code, not an internal error', async () => {
    const { toError } = await import('../../../main/core/db/client');
    const { AppError } = await import('../../../main/core/errors');
    const error = toError({
      name: 'DatabaseFailure',
      code: 'disk_full',
      message: 'This change was not saved because the disk is full.',
      details: { errno: 'ENOSPC' },
    });
    expect(error).toBeInstanceOf(AppError);
    expect((error as InstanceType<typeof AppError>).toValue()).toMatchObject({
      code: 'storage_full',
      message: expect.stringContaining('disk is full'),
    });
    expect(toError({ name: 'Error', message: 'no such table' })).not.toBeInstanceOf(AppError);
  });
});

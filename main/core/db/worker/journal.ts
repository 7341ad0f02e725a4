import { open, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { syncFolder, writeAtomically } from '../../files/atomic-write';

/**
 * The write-ahead journal: every acknowledged write is a record appended here and fsynced before
 * its promise resolves, so a write is durable in milliseconds without exporting the database.
 *
 * A record is `length (u32 LE) | crc32 (u32 LE) | payload`, the payload never empty. A record that is
 * incomplete or fails its checksum with no good record after it is a torn tail (power loss
 * mid-append, a tail of zeros a power cut can leave): never acknowledged, dropped whole, never
 * applied half, and cut off so new records never follow garbage. A bad record followed by good ones
 * is damage: the lengths and checksums find every good record after it, a copy of the journal as it
 * was is kept beside it, and the journal is rewritten with the good records only (see `open`).
 *
 * Group commit: appends that arrive while an fsync is in flight wait for the next one and share it.
 */

/** The few file operations the journal needs: tests inject ENOSPC, EROFS and EIO here. */
export interface JournalFs {
  read(path: string): Promise<Uint8Array | undefined>;
  openForAppend(path: string): Promise<JournalHandle>;
  remove(path: string): Promise<void>;
  /** Writes `data` to a new file named after `path` (never overwriting one), fsynced; returns its path. */
  keepCopy(path: string, data: Uint8Array): Promise<string>;
  /** Replaces the file at `path` with `data` atomically (temp file, fsync, rename, folder fsync). */
  replace(path: string, data: Uint8Array): Promise<void>;
}

const stampOf = (at: number) => new Date(at).toISOString().replace(/[-:.]/g, '');

export interface JournalHandle {
  write(data: Uint8Array): Promise<void>;
  sync(): Promise<void>;
  truncate(size: number): Promise<void>;
  close(): Promise<void>;
}

export const nodeJournalFs: JournalFs = {
  read: (path) =>
    readFile(path).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return undefined;
      throw err;
    }),
  async openForAppend(path) {
    const created = !(await stat(path).then(
      () => true,
      () => false,
    ));
    const handle = await open(path, 'a', 0o600);
    // A new file's name is in its folder's entry, which a power cut can lose unless it too is fsynced.
    if (created) await syncFolder(dirname(path)).catch(() => {});
    return {
      write: async (data) => {
        let written = 0;
        while (written < data.byteLength) written += (await handle.write(data, written)).bytesWritten;
      },
      // datasync: the data and the file's new size, which is all a reader needs.
      sync: () => handle.datasync(),
      truncate: (size) => handle.truncate(size),
      close: () => handle.close(),
    };
  },
  remove: (path) => rm(path, { force: true }),
  async keepCopy(path, data) {
    for (let n = 0; ; n += 1) {
      const target = `${path}.damaged-${stampOf(Date.now())}-${String(n).padStart(3, '0')}`;
      const written = await writeFile(target, data, { flag: 'wx', mode: 0o600 }).then(
        () => true,
        (err: NodeJS.ErrnoException) => {
          if (err.code === 'EEXIST') return false;
          throw err;
        },
      );
      if (!written) continue;
      const handle = await open(target, 'r+');
      await handle.sync().finally(() => handle.close());
      await syncFolder(dirname(target)).catch(() => {});
      return target;
    }
  },
  replace: (path, data) => writeAtomically(path, data),
};

const HEADER = 8;

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (IEEE), as zlib computes it; Node 20 has no zlib.crc32. */
export function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i += 1) crc = CRC_TABLE[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

export function frame(payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(HEADER + payload.byteLength);
  const view = new DataView(out.buffer);
  view.setUint32(0, payload.byteLength, true);
  view.setUint32(4, crc32(payload), true);
  out.set(payload, HEADER);
  return out;
}

/** A stretch of the journal that holds no readable record, with good records after it. */
export interface JournalGap {
  offset: number;
  bytes: number;
}

export interface JournalScan {
  /** Every good record, in order, across any damaged stretch. */
  records: Uint8Array[];
  /** Where each record's frame starts (the same order as `records`). */
  offsets: number[];
  /** The end of the last good record: everything after it is a torn tail. */
  goodBytes: number;
  /** Damaged stretches with good records after them (empty for a clean journal or a torn tail only). */
  gaps: JournalGap[];
}

/** The payload's length if a whole good record starts at `offset`, else -1. */
function recordAt(data: Uint8Array, view: DataView, offset: number): number {
  if (offset + HEADER > data.byteLength) return -1;
  const length = view.getUint32(offset, true);
  // Zero length: what a zero-filled tail reads as (the CRC-32 of nothing is 0). No record is empty.
  if (length === 0 || offset + HEADER + length > data.byteLength) return -1;
  return crc32(data.subarray(offset + HEADER, offset + HEADER + length)) === view.getUint32(offset + 4, true) ? length : -1;
}

/**
 * Reads every good record. At a bad one it looks for the next offset where a good record starts
 * (a chance match needs a length that fits and a 32-bit checksum that agrees); none means the rest
 * is a torn tail, one means a damaged stretch between.
 */
export function readRecords(data: Uint8Array): JournalScan {
  const records: Uint8Array[] = [];
  const offsets: number[] = [];
  const gaps: JournalGap[] = [];
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let offset = 0;
  let goodBytes = 0;
  while (offset + HEADER <= data.byteLength) {
    const length = recordAt(data, view, offset);
    if (length < 0) {
      let next = offset + 1;
      while (next + HEADER <= data.byteLength && recordAt(data, view, next) < 0) next += 1;
      if (next + HEADER > data.byteLength) break;
      gaps.push({ offset, bytes: next - offset });
      offset = next;
      continue;
    }
    records.push(data.subarray(offset + HEADER, offset + HEADER + length));
    offsets.push(offset);
    offset += HEADER + length;
    goodBytes = offset;
  }
  return { records, offsets, goodBytes, gaps };
}

/** What opening a damaged journal found and did. */
export interface JournalDamage {
  /** The journal as it was, kept beside it before it was rewritten. */
  copy: string;
  /** Damaged stretches (each held at least part of one record that could not be read). */
  gaps: JournalGap[];
  lostBytes: number;
  /** Good records found after the first damaged stretch. */
  recoveredAfter: number;
}

interface Pending {
  data: Uint8Array;
  resolve(): void;
  reject(err: unknown): void;
}

export class Journal {
  #pending: Pending[] = [];
  #committing?: Promise<void>;
  #bytes: number;
  /** Set when a failed append could not be cut back: nothing more may follow what is on disk. */
  #broken?: unknown;
  #firstRecordAt?: number;
  #refused = 0;

  private constructor(
    readonly path: string,
    private readonly handle: JournalHandle,
    goodBytes: number,
    private readonly now: () => number,
  ) {
    this.#bytes = goodBytes;
  }

  /**
   * Opens (or creates) a journal; returns its good records with any torn tail cut off. A damaged
   * journal (a bad record with good ones after it) is first kept as a copy, then rewritten with its
   * good records only, so the next start reads it clean; `damage` says what was found.
   */
  static async open(
    path: string,
    fs: JournalFs = nodeJournalFs,
    now: () => number = Date.now,
  ): Promise<{ journal: Journal; records: Uint8Array[]; droppedBytes: number; damage?: JournalDamage }> {
    const data = (await fs.read(path)) ?? new Uint8Array(0);
    const { records, offsets, goodBytes, gaps } = readRecords(data);
    let damage: JournalDamage | undefined;
    let size = goodBytes;
    if (gaps.length) {
      const copy = await fs.keepCopy(path, data);
      const frames = records.map((record) => frame(record));
      const clean = new Uint8Array(frames.reduce((sum, f) => sum + f.byteLength, 0));
      let at = 0;
      for (const f of frames) {
        clean.set(f, at);
        at += f.byteLength;
      }
      await fs.replace(path, clean);
      size = clean.byteLength;
      const firstGap = gaps[0]!.offset;
      damage = {
        copy,
        gaps,
        lostBytes: gaps.reduce((sum, g) => sum + g.bytes, 0),
        recoveredAfter: offsets.filter((o) => o > firstGap).length,
      };
    }
    const handle = await fs.openForAppend(path);
    if (!gaps.length && goodBytes < data.byteLength) {
      await handle.truncate(goodBytes);
      await handle.sync();
    }
    const journal = new Journal(path, handle, size, now);
    if (records.length) journal.#firstRecordAt = now();
    return { journal, records, droppedBytes: data.byteLength - goodBytes - (damage?.lostBytes ?? 0), ...(damage && { damage }) };
  }

  /** Bytes of complete records on disk. */
  get bytes(): number {
    return this.#bytes;
  }

  /** How many appends were refused so far (a checkpoint must not write out a refused write). */
  get refused(): number {
    return this.#refused;
  }

  /** When the oldest record not yet folded into a checkpoint was written (or found at open). */
  get oldestRecordAt(): number | undefined {
    return this.#firstRecordAt;
  }

  /** Resolves once the record is on disk (fsynced); rejects if it could not be written. */
  append(payload: Uint8Array): Promise<void> {
    if (this.#broken) {
      this.#refused += 1;
      return Promise.reject(this.#broken);
    }
    return new Promise<void>((resolve, reject) => {
      this.#pending.push({ data: frame(payload), resolve, reject });
      this.#committing ??= this.#commit();
    });
  }

  /** Resolves when every append made so far has been written or refused. */
  async settled(): Promise<void> {
    while (this.#committing) await this.#committing.catch(() => {});
  }

  async close(): Promise<void> {
    await this.settled();
    await this.handle.close();
  }

  async #commit(): Promise<void> {
    try {
      while (this.#pending.length) {
        const batch = this.#pending.splice(0);
        const size = batch.reduce((sum, item) => sum + item.data.byteLength, 0);
        const data = new Uint8Array(size);
        let at = 0;
        for (const item of batch) {
          data.set(item.data, at);
          at += item.data.byteLength;
        }
        try {
          await this.handle.write(data);
          await this.handle.sync();
        } catch (err) {
          await this.#cutBack(err);
          // Everything queued behind this batch was executed after it: refused with it.
          const refused = [...batch, ...this.#pending.splice(0)];
          this.#refused += refused.length;
          for (const item of refused) item.reject(err);
          continue;
        }
        this.#bytes += size;
        this.#firstRecordAt ??= this.now();
        for (const item of batch) item.resolve();
      }
    } finally {
      this.#committing = undefined;
    }
  }

  /** A failed append may have left part of a record: cut the file back to the last good record. */
  async #cutBack(cause: unknown): Promise<void> {
    try {
      await this.handle.truncate(this.#bytes);
      await this.handle.sync();
    } catch {
      this.#broken = cause;
    }
  }
}

/** Journal files live beside the database: `<db>.journal.<generation>`, one per checkpoint interval. */
export const journalPath = (file: string, generation: number) => `${file}.journal.${generation}`;

/** The generations of the journal files beside `file`, oldest first. */
export function journalGenerations(file: string, names: readonly string[]): number[] {
  const prefix = `${file.split(/[\\/]/).pop()}.journal.`;
  return names
    .filter((name) => name.startsWith(prefix) && /^\d+$/.test(name.slice(prefix.length)))
    .map((name) => Number(name.slice(prefix.length)))
    .sort((a, b) => a - b);
}
